"""The core loop in a real browser: Paula shares, the worker processes, Mo approves, Vera sees it."""

import re

import pytest
from django.contrib.auth.models import Group
from django.core.management import call_command
from django_otp.oath import totp
from django_otp.plugins.otp_totp.models import TOTPDevice

from gezinsmuur.submissions.models import Status, Submission

from ..conftest import SAMPLES
from .conftest import assert_accessible, screenshot

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True),
]

PHONE_PHOTO = SAMPLES / "demo" / "phone-iphone6-gps.jpg"  # a real iPhone photo with GPS tags
TWELVE_MP = SAMPLES / "camera-12mp.jpg"


@pytest.fixture
def seeded(settings):
    settings.DEBUG = False
    call_command("seed_demo")  # languages and the home page (no demo tiles: DEBUG is off)


@pytest.fixture
def mo(django_user_model, seeded):
    user = django_user_model.objects.create_user("mo", password="mo-password-123")
    user.groups.add(Group.objects.get(name="moderator"))
    TOTPDevice.objects.create(user=user, name="phone")  # the authenticator app on Mo's phone
    return user


def consent(page):
    page.check("input[name=publication][value=wall]")
    page.check("input[name=uploader][value=adult]")
    page.check("input[name=consent_adults]")
    page.check("input[name=consent_children]")


def share(page, photo, message):
    page.set_input_files("input[name=photo]", str(photo))
    page.fill("textarea[name=message]", message)
    page.fill("input[name=display_name]", "Helen & Adam")
    consent(page)
    page.click("button[type=submit]")
    page.wait_for_url(re.compile(r"/share/thanks/$"))


def test_a_photo_goes_from_phone_to_wall(page, seeded, mo):
    page.goto("/nl/")
    page.get_by_role("link", name="Deel jouw foto").first.click()
    page.wait_for_url(re.compile(r"/nl/share/$"))
    assert_accessible(page, "form")
    screenshot(page, "share-form-nl-360")
    share(page, PHONE_PHOTO, "Wij horen samen, ook na acht jaar.")
    assert "Wij horen samen" in page.content()
    assert_accessible(page, "thanks")
    screenshot(page, "thanks-nl-360")
    assert Submission.objects.get().status == Status.RECEIVED

    call_command("worker", "--batch")
    assert Submission.objects.get().status == Status.PENDING_REVIEW

    page.goto("/nl/accounts/login/?next=/nl/moderation/")
    page.fill("input[name=username]", "mo")
    page.fill("input[name=password]", "mo-password-123")
    page.click(".login-form button")
    page.wait_for_url(re.compile(r"/nl/accounts/two-factor/"))
    page.fill("input[name=code]", f"{totp(TOTPDevice.objects.get(user=mo).bin_key):06d}")
    page.click(".login-form button")
    page.wait_for_url(re.compile(r"/nl/moderation/$"))
    assert "Wij horen samen" in page.content()
    assert_accessible(page, "queue")
    screenshot(page, "queue-nl-360")
    with page.expect_navigation():
        page.keyboard.press("a")  # approve with the keyboard
    assert Submission.objects.get().status == Status.APPROVED

    page.goto("/nl/wall/")
    assert page.locator(".counter-voices strong").inner_text() == "1"
    tile = page.locator(".tile a").first
    assert "Wij horen samen" in tile.inner_text()
    assert_accessible(page, "wall")
    screenshot(page, "wall-nl-360")
    tile.click()
    page.wait_for_url(re.compile(r"/nl/wall/[\w-]+/$"))
    assert "Helen &amp; Adam" in page.content()
    image = page.locator("picture img")
    image.wait_for()
    assert page.evaluate("img => img.complete && img.naturalWidth > 0", image.element_handle())
    assert_accessible(page, "tile")
    screenshot(page, "tile-nl-360")


def test_the_form_works_without_javascript(no_js_page, seeded):
    no_js_page.goto("/nl/share/")
    share(no_js_page, PHONE_PHOTO, "Zonder JavaScript lukt het ook.")
    assert "Zonder JavaScript lukt het ook." in no_js_page.content()
    submission = Submission.objects.get()
    assert submission.status == Status.RECEIVED and submission.original_format == "jpeg"


def test_a_refusal_without_javascript_comes_back_with_a_message_in_the_visitors_language(
    no_js_page, seeded, tmp_path
):
    fake = tmp_path / "photo.jpg"
    fake.write_text("<html><script>alert(1)</script></html>")
    no_js_page.goto("/fr/share/")
    no_js_page.set_input_files("input[name=photo]", str(fake))
    no_js_page.fill("textarea[name=message]", "Bonjour")
    consent(no_js_page)
    no_js_page.click("button[type=submit]")
    assert no_js_page.locator(".error").count() == 1
    assert no_js_page.locator("html").get_attribute("lang") == "fr"
    assert Submission.objects.count() == 0


def test_the_browser_sends_a_12_mp_photo_at_least_five_times_smaller(page, seeded):
    sent = []
    page.on(
        "request",
        lambda r: sent.append(len(r.post_data_buffer or b"")) if r.method == "POST" else None,
    )
    page.goto("/nl/share/")
    page.set_input_files("input[name=photo]", str(TWELVE_MP))
    assert page.locator("[data-preview]").is_visible()  # the preview shows
    page.fill("textarea[name=message]", "Klein maar fijn")
    assert "485" in page.locator("[data-counter-output]").inner_text()  # 500 - 15 characters
    consent(page)
    page.click("button[type=submit]")
    page.wait_for_url(re.compile(r"/share/thanks/$"))
    assert sent and max(sent) * 5 <= TWELVE_MP.stat().st_size, (sent, TWELVE_MP.stat().st_size)
    call_command("worker", "--batch")
    submission = Submission.objects.get()
    assert submission.status == Status.PENDING_REVIEW
    assert max(submission.width, submission.height) == 2048
