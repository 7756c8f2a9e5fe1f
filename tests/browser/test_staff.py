"""Mo's first login in a real browser at phone width: password, set-up, recovery codes, queue.

Then the later logins: the code form, the recovery code form, and the 429 page after too many
wrong passwords. Every page is checked with axe, with and without JavaScript, in Dutch and Arabic.
"""

import re

import pytest
from django.contrib.auth.models import Group
from django.core.management import call_command
from django_otp.oath import totp
from django_otp.plugins.otp_totp.models import TOTPDevice

from gezinsmuur.staff import devices

from .conftest import assert_accessible, screenshot

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

PASSWORD = "mo-password-123"


@pytest.fixture
def mo(settings, django_user_model):
    settings.DEBUG = False
    call_command("seed_demo")  # languages, home page, roles
    user = django_user_model.objects.create_user("mo", password=PASSWORD)
    user.groups.add(Group.objects.get(name="moderator"))
    return user


def log_in(page, language, password=PASSWORD):
    page.goto(f"/{language}/accounts/login/?next=/{language}/moderation/")
    page.fill("input[name=username]", "mo")
    page.fill("input[name=password]", password)
    page.click(".login-form button")


@pytest.mark.parametrize("language", ["nl", "ar"])
def test_W07_first_login_sets_up_the_authenticator_in_the_browser(page, mo, language):
    log_in(page, language)
    page.wait_for_url(re.compile(rf"/{language}/accounts/two-factor/setup/"))
    assert page.locator(".qr-code svg").is_visible()
    box = page.locator(".qr-code svg").bounding_box()
    assert box and 150 <= box["width"] <= 360 and box["width"] == box["height"]
    assert page.evaluate("document.documentElement.scrollWidth <= window.innerWidth")
    assert_accessible(page, f"two-factor set-up ({language})")
    screenshot(page, f"staff-setup-{language}-360")

    # The phone reads the key (as someone typing it would) and shows a code.
    key = page.locator(".secret").inner_text().replace(" ", "")
    device = TOTPDevice.objects.get(user=mo, confirmed=False)
    assert devices.secret(device).replace(" ", "") == key
    page.fill("input[name=code]", f"{totp(device.bin_key):06d}")
    page.click(".login-form button")
    page.wait_for_url(re.compile(rf"/{language}/accounts/two-factor/recovery-codes/"))
    assert page.locator(".recovery-codes li").count() == 10
    assert_accessible(page, f"recovery codes ({language})")
    screenshot(page, f"staff-codes-{language}-360")
    page.locator("main a.button").click()
    page.wait_for_url(re.compile(rf"/{language}/moderation/$"))


def test_W07_later_logins_ask_for_a_code_or_a_recovery_code(page, mo):
    device = TOTPDevice.objects.create(user=mo, name="phone")
    code = devices.new_recovery_codes(mo)[0]
    log_in(page, "nl")
    page.wait_for_url(re.compile(r"/nl/accounts/two-factor/\?next="))
    page.fill("input[name=code]", "123 456")
    page.click(".login-form button")
    page.locator(".error").wait_for()  # wrong, said next to the field
    assert_accessible(page, "two-factor code with an error")
    screenshot(page, "staff-verify-nl-360")

    page.click("a[href*='/two-factor/recover/']")
    page.wait_for_url(re.compile(r"/nl/accounts/two-factor/recover/"))
    assert_accessible(page, "recovery code form")
    page.fill("input[name=code]", devices.shown(code))
    page.click(".login-form button")
    page.wait_for_url(re.compile(r"/nl/accounts/two-factor/setup/"))  # offered a new phone
    assert page.locator(".messages").is_visible()
    assert_accessible(page, "set-up after a recovery code")
    page.click(".staff-links a")  # not now: keep the current app
    page.wait_for_url(re.compile(r"/nl/moderation/$"))
    assert device.pk == TOTPDevice.objects.get(user=mo, confirmed=True).pk


def test_W07_the_code_works_without_javascript(no_js_page, mo):
    device = TOTPDevice.objects.create(user=mo, name="phone")
    log_in(no_js_page, "nl")
    no_js_page.wait_for_url(re.compile(r"/nl/accounts/two-factor/\?next="))
    no_js_page.fill("input[name=code]", f"{totp(device.bin_key):06d}")
    no_js_page.click(".login-form button")
    no_js_page.wait_for_url(re.compile(r"/nl/moderation/$"))


def test_W08_the_lockout_page_is_a_page_of_the_site(page, mo):
    for n in range(5):
        log_in(page, "ar", password=f"guess-{n}")
    assert "429" not in page.title()
    assert page.locator("html").get_attribute("lang") == "ar"
    assert page.locator("html").get_attribute("dir") == "rtl"
    assert page.locator("h1").is_visible()
    assert_accessible(page, "login paused")
    screenshot(page, "staff-locked-ar-360")


def test_W08_the_account_slow_down_page_is_a_page_of_the_site(page, mo):
    from gezinsmuur.staff import throttle

    for _ in range(throttle.ACCOUNT_FREE_FAILURES):
        throttle.note_failure("mo")  # as after ten failures from ten networks
    log_in(page, "ar")
    assert page.locator("html").get_attribute("dir") == "rtl"
    assert page.locator("h1").is_visible()
    assert "1" in page.locator("main").inner_text()  # seconds to wait
    assert_accessible(page, "account slowed down")
    screenshot(page, "staff-slowed-ar-360")
