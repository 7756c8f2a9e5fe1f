"""The campaign site in Chromium: every page axe-clean in every language, the call to action by
keyboard alone, and the home page at phone and desktop width in Dutch and Arabic."""

import re

import pytest
from django.core.management import call_command

from gezinsmuur.submissions.models import Status, Submission

from ..conftest import SAMPLES
from .conftest import assert_accessible, screenshot

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

LANGUAGES = ["nl", "fr", "en", "de", "ar"]
PAGES = ["", "stories/", "stories/helen/", "privacy/", "faq/"]


@pytest.fixture
def seeded(settings):
    settings.DEBUG = False
    call_command("seed_demo")


@pytest.fixture
def demo_site(settings):
    settings.DEBUG = True  # demo tiles, example partners and the illustration, as `make run` shows
    call_command("seed_demo")
    settings.DEBUG = False


@pytest.mark.parametrize("language", LANGUAGES)
def test_every_campaign_page_is_accessible_in_every_language(page, seeded, language):
    for path in PAGES:
        page.goto(f"/{language}/{path}")
        assert page.locator("html").get_attribute("lang") == language
        assert_accessible(page, f"/{language}/{path}")


def tab_to(page, selector: str, limit: int = 80) -> None:
    """Press Tab until the element matching `selector` has the focus."""
    for _ in range(limit):
        page.keyboard.press("Tab")
        if page.evaluate("s => document.activeElement.matches(s)", selector):
            return
    raise AssertionError(f"Tab never reached {selector}")


def test_from_the_call_to_action_to_a_shared_photo_by_keyboard_alone(page, seeded):
    page.goto("/nl/")
    tab_to(page, ".hero a.button")
    page.keyboard.press("Enter")
    page.wait_for_url(re.compile(r"/nl/share/$"))
    tab_to(page, "input[name=photo]")
    page.set_input_files("input[name=photo]", str(SAMPLES / "demo" / "phone-beach-gps.jpg"))
    tab_to(page, "textarea[name=message]")
    page.keyboard.type("Met het toetsenbord gedeeld.")
    for choice in (
        "input[name=publication][value=wall]",  # the first radio of each group takes the focus
        "input[name=uploader][value=adult]",
        "input[name=consent_adults]",
        "input[name=consent_children]",
    ):
        tab_to(page, choice)
        page.keyboard.press("Space")
    tab_to(page, "button[type=submit]")
    page.keyboard.press("Enter")
    page.wait_for_url(re.compile(r"/share/thanks/$"))
    submission = Submission.objects.get()
    assert submission.message == "Met het toetsenbord gedeeld."
    assert submission.status == Status.RECEIVED


@pytest.mark.parametrize("language", ["nl", "ar"])
def test_the_home_page_at_phone_and_desktop_width(chromium, live_server, demo_site, language):
    for width in (360, 1280):
        context = chromium.new_context(
            base_url=live_server.url, viewport={"width": width, "height": 900}
        )
        page = context.new_page()
        page.goto(f"/{language}/")
        assert page.locator("html").get_attribute("dir") == ("rtl" if language == "ar" else "ltr")
        assert page.evaluate("document.documentElement.scrollWidth") <= width
        assert_accessible(page, f"home {language} {width}")
        screenshot(page, f"campaign-home-{language}-{width}")
        context.close()
