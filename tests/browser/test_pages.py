"""Every public page, as a visitor sees it at phone and desktop width, in Dutch and Arabic."""

from urllib.parse import urlparse

import pytest
from django.core.management import call_command

from gezinsmuur.submissions.models import Submission

from .conftest import assert_accessible, screenshot

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


@pytest.fixture
def site(settings):
    settings.DEBUG = True  # seed_demo adds its demo tiles: real photos through the real pipeline
    call_command("seed_demo")
    settings.DEBUG = False
    return list(Submission.objects.public())


@pytest.mark.parametrize("language", ["nl", "ar"])
@pytest.mark.parametrize("width", [360, 1280])
def test_g07_the_public_pages_are_accessible_and_stay_on_the_site(
    chromium, live_server, site, language, width
):
    context = chromium.new_context(
        base_url=live_server.url, viewport={"width": width, "height": 900}
    )
    page = context.new_page()
    hosts = set()
    page.on("request", lambda request: hosts.add(urlparse(request.url).netloc))
    for name, path in [
        ("home", f"/{language}/"),
        ("wall", f"/{language}/wall/"),
        ("tile", f"/{language}/wall/{site[0].public_id}/"),
        ("share", f"/{language}/share/"),
        ("report", f"/{language}/wall/{site[0].public_id}/report/"),
    ]:
        page.goto(path)
        assert page.locator("html").get_attribute("lang") == language
        assert page.locator("html").get_attribute("dir") == ("rtl" if language == "ar" else "ltr")
        assert_accessible(page, f"{name} {language} {width}")
        screenshot(page, f"{name}-{language}-{width}")
        # nothing is wider than the screen (no sideways scrolling on a phone)
        assert page.evaluate("document.documentElement.scrollWidth") <= width
    context.close()
    assert hosts == {urlparse(live_server.url).netloc}  # no request leaves the site


def test_the_wall_scrolls_on_without_a_click(page, settings):
    from playwright.sync_api import expect

    from tests import factories

    settings.WALL_PAGE_SIZE = 4
    for i in range(10):
        factories.submission(message=f"voice {i}")
    page.goto("/nl/wall/")  # the server sends 4 tiles; the rest arrive as the visitor scrolls
    for _ in range(5):
        page.mouse.wheel(0, 5000)
        page.wait_for_timeout(200)
    expect(page.locator(".tile")).to_have_count(10)  # (no eval: the CSP forbids it, rightly)
    assert page.locator("[data-more]").count() == 0  # the last page removes the link


def test_the_more_link_pages_without_javascript(no_js_page, settings):
    from tests import factories

    settings.WALL_PAGE_SIZE = 4
    for i in range(6):
        factories.submission(message=f"voice {i}")
    no_js_page.goto("/nl/wall/")
    no_js_page.click("[data-more-link]")
    assert no_js_page.locator(".tile").count() == 2


@pytest.mark.parametrize("language", ["nl", "ar"])
def test_a_visitor_reports_a_tile(page, language):
    """A plain form (no script on the page). axe needs scripts, so this runs with them on."""
    from gezinsmuur.reports.models import Report
    from tests import factories

    tile = factories.submission(message="Een stem op de muur")
    page.goto(f"/{language}/wall/{tile.public_id}/")
    page.click(".report-link a")
    page.check("input[name=reason][value=subject]")
    page.click("form button[type=submit]")
    assert page.locator("h1").count() == 1
    assert_accessible(page, f"report thanks {language}")
    screenshot(page, f"report-thanks-{language}-360")
    assert Report.objects.get().reason == "subject"


def test_w14_the_error_page_is_a_plain_accessible_page_in_the_visitors_language(
    page, settings, monkeypatch
):
    settings.DEBUG = False
    settings.DEBUG_PROPAGATE_EXCEPTIONS = False
    monkeypatch.setattr("gezinsmuur.wall.views.queries.tiles", lambda *a, **k: 1 / 0)
    response = page.goto("/ar/wall/")
    assert response is not None and response.status == 500
    assert page.locator("html").get_attribute("dir") == "rtl"
    assert page.locator("code").inner_text() == response.headers["x-request-id"]
    assert_accessible(page, "error page")
    screenshot(page, "error-ar-360")
