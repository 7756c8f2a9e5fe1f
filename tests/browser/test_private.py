"""Paula's private link in a real browser, in Dutch and Arabic: status, edit, withdraw."""

import re
from urllib.parse import urlparse

import pytest
from django.core.management import call_command

from gezinsmuur.submissions.models import Submission, Tombstone

from .conftest import assert_accessible, screenshot
from .test_journey import PHONE_PHOTO, consent

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


@pytest.fixture
def seeded(settings):
    settings.DEBUG = False
    call_command("seed_demo")


@pytest.mark.parametrize("language", ["nl", "ar"])
def test_g07_the_private_link_journey(chromium, live_server, seeded, language):
    context = chromium.new_context(base_url=live_server.url, viewport={"width": 360, "height": 800})
    page = context.new_page()
    page.goto(f"/{language}/share/")
    page.set_input_files("input[name=photo]", str(PHONE_PHOTO))
    page.fill("textarea[name=message]", "Samen is beter")
    consent(page)
    page.click("button[type=submit]")
    page.wait_for_url(re.compile(r"/share/thanks/$"))
    link = page.locator(".private-link a").get_attribute("href")
    assert link and f"/{language}/my/" in link
    context.close()

    # Later, on another day, in a fresh browser: only the link.
    context = chromium.new_context(base_url=live_server.url, viewport={"width": 360, "height": 800})
    page = context.new_page()
    hosts = set()
    page.on("request", lambda request: hosts.add(urlparse(request.url).netloc))
    page.goto(urlparse(link).path)
    assert page.url.endswith(f"/{language}/my/")  # the token is no longer in the address bar
    assert page.locator("html").get_attribute("lang") == language
    assert "Samen is beter" in page.content()
    assert_accessible(page, f"private page {language}")
    screenshot(page, f"private-{language}-360")

    page.fill("textarea[name=message]", "Samen is nog beter")
    page.click("form.share-form button")
    page.wait_for_url(re.compile(rf"/{language}/my/$"))
    assert Submission.objects.get().message == "Samen is nog beter"

    page.click(".withdraw a")
    page.wait_for_url(re.compile(rf"/{language}/my/withdraw/$"))
    assert_accessible(page, f"withdraw {language}")
    page.click("form button")
    page.wait_for_url(re.compile(rf"/{language}/my/withdrawn/$"))
    assert_accessible(page, f"withdrawn {language}")
    screenshot(page, f"withdrawn-{language}-360")
    assert not Submission.objects.exists() and Tombstone.objects.count() == 1
    assert hosts == {urlparse(live_server.url).netloc}  # G07 on the private pages too
    context.close()
