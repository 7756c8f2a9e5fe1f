"""Browser tests: the system Chromium driven by Playwright, against pytest-django's live server.

Locally a machine without Chromium skips them; under CI (CI=true) a missing browser fails.
Screenshots go to test-artifacts/ for a human to look at.
"""

import os
import shutil
from pathlib import Path

import pytest

os.environ.setdefault(
    "DJANGO_ALLOW_ASYNC_UNSAFE", "true"
)  # Playwright's sync API runs an event loop

CHROMIUM = shutil.which("chromium") or "/usr/bin/chromium"
ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]
ARTIFACTS = Path(__file__).resolve().parents[2] / "test-artifacts"


@pytest.fixture(scope="session")
def chromium():
    if not Path(CHROMIUM).exists():
        if os.environ.get("CI"):
            pytest.fail("Chromium is missing: under CI the browser tests must run.")
        pytest.skip("Chromium is not installed (apt-get install chromium)")
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, headless=True, args=ARGS)
        yield browser
        browser.close()


@pytest.fixture
def page(chromium, live_server):
    context = chromium.new_context(base_url=live_server.url, viewport={"width": 360, "height": 800})
    page = context.new_page()
    yield page
    context.close()


@pytest.fixture
def no_js_page(chromium, live_server):
    context = chromium.new_context(
        base_url=live_server.url, java_script_enabled=False, viewport={"width": 360, "height": 800}
    )
    page = context.new_page()
    yield page
    context.close()


def screenshot(page, name: str) -> None:
    ARTIFACTS.mkdir(exist_ok=True)
    page.screenshot(path=str(ARTIFACTS / f"{name}.png"), full_page=True)


def assert_accessible(page, name: str) -> None:
    """axe-core (bundled, offline) finds no violations on the page as it is now."""
    from axe_playwright_python.sync_playwright import Axe

    results = Axe().run(page)
    assert results.violations_count == 0, f"{name}: {results.generate_report()}"


@pytest.fixture(autouse=True)
def quick_hands(settings):
    """Playwright fills a form faster than any person; the honeypot's "too fast" rule would drop
    it. tests/test_abuse.py tests that rule, and test_proof_of_work.py runs with it as it is."""
    settings.HONEYPOT_MIN_SECONDS = 0


@pytest.fixture(autouse=True)
def fresh_content_types():
    """Transactional tests flush the tables; the in-process content-type cache must go too."""
    from django.contrib.contenttypes.models import ContentType

    ContentType.objects.clear_cache()
    yield
    ContentType.objects.clear_cache()
