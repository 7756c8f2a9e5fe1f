"""Staff sign-in: password, then a second factor; the login throttle; session limits (W07-W10).

Mo the moderator logs in through the real forms here, with codes computed from his device's key
the way his phone would. Other test modules use `log_in_staff` (conftest) for the session.
"""

import io
import re
import time
from datetime import timedelta
from types import SimpleNamespace

import pytest
from axes.models import AccessFailureLog, AccessLog
from django.contrib.auth import SESSION_KEY
from django.contrib.sessions.models import Session
from django.test import Client
from django.utils import timezone, translation
from django.utils.html import escape
from django.utils.translation import gettext, ngettext
from django_otp.oath import TOTP, totp
from django_otp.plugins.otp_static.models import StaticDevice
from django_otp.plugins.otp_totp import models as totp_models
from django_otp.plugins.otp_totp.models import TOTPDevice

from gezinsmuur.campaign.management.commands.seed_demo import Command as SeedDemo
from gezinsmuur.staff import devices, sessions, throttle

from .conftest import log_in_staff

pytestmark = pytest.mark.django_db

PASSWORD = "mo-password-123"
WRONG_CODE = "That code is not right, or it was already used. Try the next code your app shows."
TOO_MANY = "Too many wrong codes. Wait a minute, then try again."
RECOVERY_LEFT = "You used a recovery code: %(count)d is left. Set up your authenticator app again, or skip this for now."
RECOVERY_LEFT_PLURAL = "You used a recovery code: %(count)d are left. Set up your authenticator app again, or skip this for now."
STAFF_PAGES = ["/nl/moderation/", "/cms/", "/django-admin/"]


def dutch(message: str) -> str:
    """A message as the Dutch pages show it (HTML-escaped)."""
    with translation.override("nl"):
        return escape(gettext(message))


def code_now(device) -> str:
    return f"{totp(device.bin_key):06d}"


def code_at(device, moment: float) -> str:
    clock = TOTP(device.bin_key, device.step, device.t0, device.digits)
    clock.time = moment
    return f"{clock.token():06d}"


def log_in(client, username="mo", password=PASSWORD, next_url="", **extra):
    data = {"username": username, "password": password}
    if next_url:
        data["next"] = next_url
    return client.post("/nl/accounts/login/", data, **extra)


@pytest.fixture(autouse=True)
def quick_passwords(settings):
    """Passwords hashed with MD5 here, for speed: every test logs in, some a hundred times."""
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]


@pytest.fixture
def mo_with_app(moderator):
    return TOTPDevice.objects.create(user=moderator, name="phone")


@pytest.fixture
def frozen_totp_clock(monkeypatch):
    """The TOTP check's clock stands still (mid-step), so codes a step away are exact."""
    now = (time.time() // 30) * 30 + 15
    monkeypatch.setattr(totp_models, "time", SimpleNamespace(time=lambda: now))
    return now


# W07: a second factor on every staff page ---------------------------------------------------


def test_W07_first_login_sets_up_totp_with_a_qr_code_and_shows_ten_recovery_codes_once(
    client, moderator
):
    response = log_in(client, next_url="/nl/moderation/")
    assert response.status_code == 302
    assert response["Location"] == "/nl/accounts/two-factor/?next=%2Fnl%2Fmoderation%2F"
    response = client.get(response["Location"])
    assert response["Location"] == "/nl/accounts/two-factor/setup/?next=%2Fnl%2Fmoderation%2F"

    page = client.get(response["Location"])
    html = page.content.decode()
    device = TOTPDevice.objects.get(user=moderator, confirmed=False)
    assert page.status_code == 200 and page["Cache-Control"].startswith("max-age=0")
    assert '<svg role="img" aria-label=' in html and "<img" not in html.split("<main", 1)[1]
    assert devices.secret(device) in html  # the key as text, for an app that cannot scan
    assert client.get("/nl/moderation/").status_code == 302  # not before the code

    wrong = client.post(page.request["PATH_INFO"], {"code": "000000", "next": "/nl/moderation/"})
    assert wrong.status_code == 200 and 'class="error"' in wrong.content.decode()
    device.throttle_reset()  # a wrong code slows the next try down by a second
    right = client.post(
        page.request["PATH_INFO"], {"code": code_now(device), "next": "/nl/moderation/"}
    )
    assert right["Location"] == "/nl/accounts/two-factor/recovery-codes/?next=%2Fnl%2Fmoderation%2F"

    codes_page = client.get(right["Location"]).content.decode()
    shown = re.findall(r"<code>([a-z2-7]{4}-[a-z2-7]{4})</code>", codes_page)
    assert len(shown) == 10 and len(set(shown)) == 10
    assert 'href="/nl/moderation/"' in codes_page
    assert client.get(right["Location"]).status_code == 302  # shown only once
    assert client.get("/nl/moderation/").status_code == 200


def test_W07_a_password_alone_opens_no_staff_page(client, moderator, mo_with_app):
    log_in(client)
    for path in STAFF_PAGES:
        response = client.get(path)
        assert response.status_code == 302, path
        assert response["Location"].startswith("/nl/accounts/two-factor/?next="), path


def test_W07_the_code_from_the_app_opens_the_staff_pages(client, moderator, mo_with_app):
    response = log_in(client, next_url="/nl/moderation/grid/")
    response = client.post(
        response["Location"], {"code": code_now(mo_with_app), "next": "/nl/moderation/grid/"}
    )
    assert response["Location"] == "/nl/moderation/grid/"
    assert client.get("/nl/moderation/grid/").status_code == 200


def test_W07_reused_totp_refused(client, moderator, mo_with_app):
    code = code_now(mo_with_app)
    log_in(client)
    assert client.post("/nl/accounts/two-factor/", {"code": code}).status_code == 302

    other = Client()  # someone who saw the code over Mo's shoulder, with his password
    log_in(other)
    response = other.post("/nl/accounts/two-factor/", {"code": code})
    assert response.status_code == 200
    assert dutch(WRONG_CODE) in response.content.decode()
    assert other.get("/nl/moderation/").status_code == 302


@pytest.mark.parametrize(
    ("steps", "accepted"),
    [(-2, False), (-1, True), (0, True), (1, True), (2, False)],
)
def test_W07_totp_skew_is_at_most_one_step(
    client, moderator, mo_with_app, frozen_totp_clock, steps, accepted
):
    log_in(client)
    code = code_at(mo_with_app, frozen_totp_clock + steps * 30)
    response = client.post("/nl/accounts/two-factor/", {"code": code})
    assert (response.status_code == 302) is accepted
    assert (client.get("/nl/moderation/").status_code == 200) is accepted


def test_W07_wrong_codes_slow_the_next_tries_down(client, moderator, mo_with_app):
    log_in(client)
    client.post("/nl/accounts/two-factor/", {"code": "000000"})
    client.post("/nl/accounts/two-factor/", {"code": "000001"})
    response = client.post("/nl/accounts/two-factor/", {"code": code_now(mo_with_app)})
    assert response.status_code == 200 and dutch(TOO_MANY) in response.content.decode()


def test_W07_a_recovery_code_works_instead_of_the_app_once(client, moderator, mo_with_app):
    code = devices.new_recovery_codes(moderator)[3]
    log_in(client, next_url="/nl/moderation/")
    response = client.post(
        "/nl/accounts/two-factor/recover/",
        {"code": devices.shown(code).upper(), "next": "/nl/moderation/"},
    )
    # In, and offered to set up a new app (the phone may be lost), or to go on.
    assert response["Location"] == "/nl/accounts/two-factor/setup/?next=%2Fnl%2Fmoderation%2F"
    page = client.get(response["Location"]).content.decode()
    with translation.override("nl"):
        left = ngettext(RECOVERY_LEFT, RECOVERY_LEFT_PLURAL, 9) % {"count": 9}
    assert escape(left) in page and 'href="/nl/moderation/"' in page
    assert client.get("/nl/moderation/").status_code == 200

    other = Client()
    log_in(other)
    response = other.post("/nl/accounts/two-factor/recover/", {"code": code})
    assert response.status_code == 200 and other.get("/nl/moderation/").status_code == 302


def test_W07_a_lost_phone_is_replaced_after_a_recovery_code(client, moderator, mo_with_app):
    code = devices.new_recovery_codes(moderator)[0]
    log_in(client)
    client.post("/nl/accounts/two-factor/recover/", {"code": code})
    client.get("/nl/accounts/two-factor/setup/")
    new_phone = TOTPDevice.objects.get(user=moderator, confirmed=False)
    response = client.post("/nl/accounts/two-factor/setup/", {"code": code_now(new_phone)})
    assert response.status_code == 302
    assert list(TOTPDevice.objects.filter(user=moderator)) == [new_phone]
    assert not StaticDevice.objects.filter(token_set__token=code).exists()  # new codes made


def test_W07_a_password_alone_cannot_add_an_authenticator(client, moderator, mo_with_app):
    log_in(client)
    response = client.get("/nl/accounts/two-factor/setup/")
    assert response["Location"] == "/nl/accounts/two-factor/"
    response = client.post("/nl/accounts/two-factor/setup/", {"code": "123456"})
    assert response["Location"] == "/nl/accounts/two-factor/"
    assert list(TOTPDevice.objects.filter(user=moderator)) == [mo_with_app]
    assert client.post("/nl/accounts/two-factor/recovery-codes/new/").status_code == 302
    assert not StaticDevice.objects.exists()


def test_W07_no_second_factor_for_a_visitor(client):
    for path in ("/nl/accounts/two-factor/", "/nl/accounts/two-factor/setup/"):
        assert client.get(path)["Location"].startswith("/nl/accounts/login/")
    assert not TOTPDevice.objects.exists()


@pytest.mark.parametrize("path", ["/fr/moderation/", "/cms/", "/django-admin/"])
def test_W07_every_staff_area_sends_visitors_to_the_one_login_in_their_language(client, path):
    response = client.get(path, HTTP_ACCEPT_LANGUAGE="fr")
    assert response.status_code == 302
    assert response["Location"].startswith("/fr/accounts/login/?next=")


def test_W07_the_cms_and_admin_login_pages_hand_over_to_ours(client, django_user_model):
    assert client.get("/cms/login/")["Location"].startswith("/nl/accounts/login/")
    assert client.get("/django-admin/login/")["Location"].startswith("/nl/accounts/login/")
    assert client.get("/nl/_util/login/")["Location"].startswith("/nl/accounts/login/")
    root = django_user_model.objects.create_superuser("root", password="root-password-123")
    log_in_staff(client, root)
    response = client.get("/django-admin/login/?next=/django-admin/submissions/")
    assert response["Location"] == "/django-admin/submissions/"


def test_W07_after_login_next_never_leads_off_the_site(client, moderator, mo_with_app):
    response = log_in(client, next_url="https://evil.example/")
    assert response["Location"] == "/nl/accounts/two-factor/"
    response = client.post(
        "/nl/accounts/two-factor/", {"code": code_now(mo_with_app), "next": "//evil.example/"}
    )
    assert response["Location"] == "/nl/moderation/"


def test_W07_verifying_gives_a_new_session_id(client, moderator, mo_with_app):
    log_in(client)
    before = client.cookies["sessionid"].value
    client.post("/nl/accounts/two-factor/", {"code": code_now(mo_with_app)})
    assert client.cookies["sessionid"].value != before


def test_W07_django_admin_needs_the_staff_flag_besides_the_second_factor(
    client, moderator, django_user_model
):
    log_in_staff(client, moderator)
    assert client.get("/django-admin/").status_code == 403
    root = django_user_model.objects.create_superuser("root", password="root-password-123")
    log_in_staff(client, root)
    assert client.get("/django-admin/").status_code == 200


# W08: the login throttle per (account, network) -----------------------------------------------


def test_W08_five_failures_from_one_network_pause_that_account_there_with_a_429(client, moderator):
    # 100 tries from one IPv6 /64, a new address each time: the network is what counts.
    statuses = []
    for n in range(100):
        response = client.post(
            "/fr/accounts/login/",
            {"username": "mo", "password": f"guess-{n}"},
            REMOTE_ADDR=f"2001:db8:1:2::{n + 1:x}",
        )
        statuses.append(response.status_code)
    assert statuses[:4] == [200] * 4 and set(statuses[4:]) == {429}
    assert response["Retry-After"] == "900"
    assert '<html lang="fr"' in response.content.decode()  # the visitor's language, site layout

    # Even the right password waits from that network...
    right = log_in(client, REMOTE_ADDR="2001:db8:1:2::abcd")
    assert right.status_code == 429
    # ... but Mo at home, on another network, logs in.
    home = Client(REMOTE_ADDR="2001:db8:99:1::1")
    assert log_in(home).status_code == 302
    assert home.session[SESSION_KEY] == str(moderator.pk)

    # Every attempt is logged, with the network.
    failures = AccessFailureLog.objects.filter(username="mo")
    assert failures.count() == 101
    assert set(failures.values_list("ip_address", flat=True)) == {"2001:db8:1:2::"}  # the /64
    assert AccessLog.objects.filter(username="mo", ip_address="2001:db8:99:1::").exists()


def test_W08_the_lock_ends_after_15_minutes(client, moderator):
    from axes.models import AccessAttempt

    for n in range(5):
        log_in(client, password=f"guess-{n}")
    assert log_in(client).status_code == 429
    AccessAttempt.objects.update(
        attempt_time=AccessAttempt.objects.get().attempt_time - timedelta(minutes=16)
    )
    assert log_in(client).status_code == 302


def test_W08_spraying_many_usernames_from_many_networks_locks_no_one_out(client, moderator):
    for n in range(100):
        username = "mo" if n == 50 else f"user{n}"
        response = client.post(
            "/nl/accounts/login/",
            {"username": username, "password": "Winter2026!"},
            REMOTE_ADDR=f"198.51.100.{n + 1}",
        )
        assert response.status_code == 200
    assert AccessFailureLog.objects.count() == 100
    assert log_in(Client(REMOTE_ADDR="203.0.113.7")).status_code == 302


def test_W08_one_account_tried_from_many_networks_is_slowed_down_not_locked(moderator, monkeypatch):
    """Credential stuffing from a botnet: 1 try per network never trips the per-network lock;
    after 10 failures for the account, each try waits 1, 2, 4 ... at most 60 s."""
    now = [1_000_000.0]
    monkeypatch.setattr(throttle, "clock", lambda: now[0])

    def attempt(n, password=None, language="nl"):
        return Client(REMOTE_ADDR=f"198.51.100.{n}").post(
            f"/{language}/accounts/login/", {"username": "mo", "password": password or f"guess-{n}"}
        )

    assert [attempt(n).status_code for n in range(1, 11)] == [200] * 10
    slowed = attempt(11, language="fr")
    assert slowed.status_code == 429 and slowed["Retry-After"] == "1"
    assert '<html lang="fr"' in slowed.content.decode()
    assert AccessFailureLog.objects.filter(username="mo").count() == 10  # no password was checked

    now[0] += 1
    assert attempt(12).status_code == 200  # tried, and failed: the 11th failure
    assert attempt(13)["Retry-After"] == "2"
    for n in range(14, 30):  # the delay doubles up to a minute
        now[0] += 120
        assert attempt(n).status_code == 200
    waits = attempt(30)
    assert waits.status_code == 429 and waits["Retry-After"] == "60"
    # even the right password waits, from any network ...
    assert attempt(31, password=PASSWORD).status_code == 429
    # ... but not longer than that: Mo gets in a minute later
    now[0] += 60
    home = Client(REMOTE_ADDR="203.0.113.7")
    assert log_in(home).status_code == 302
    assert home.session[SESSION_KEY] == str(moderator.pk)


def test_W08_the_account_delay_touches_no_other_account(moderator):
    for n in range(20):
        Client(REMOTE_ADDR=f"198.51.100.{n + 1}").post(
            "/nl/accounts/login/", {"username": "someone-else", "password": "x"}
        )
    assert throttle.account_wait("someone-else") > 0
    assert throttle.account_wait("mo") == 0
    assert log_in(Client(REMOTE_ADDR="203.0.113.8")).status_code == 302


def test_W08_a_forged_forwarded_for_header_changes_nothing(client, moderator):
    for n in range(5):
        log_in(client, password=f"guess-{n}", HTTP_X_FORWARDED_FOR=f"192.0.2.{n}")
    assert log_in(client, HTTP_X_FORWARDED_FOR="192.0.2.200").status_code == 429


# W09: idle and absolute session limits --------------------------------------------------------


def age(client, **seconds_ago):
    session = client.session
    for key, seconds in seconds_ago.items():
        session[key] = time.time() - seconds
    session.save()


def test_W09_idle_29_minutes_is_still_logged_in(client, moderator):
    log_in_staff(client, moderator)
    age(client, staff_seen_at=29 * 60)
    assert client.get("/nl/moderation/").status_code == 200


def test_W09_idle_31_minutes_sends_staff_back_to_the_login(client, moderator):
    log_in_staff(client, moderator)
    age(client, staff_seen_at=31 * 60)
    response = client.get("/nl/moderation/")
    assert response["Location"].startswith("/nl/accounts/login/")
    assert SESSION_KEY not in client.session


def test_W09_12_hours_1_minute_after_login_sends_staff_back_to_the_login(client, moderator):
    log_in_staff(client, moderator)
    age(client, staff_auth_at=12 * 3600 + 60, staff_seen_at=10)
    response = client.get("/nl/moderation/")
    assert response["Location"].startswith("/nl/accounts/login/")
    assert client.get("/cms/")["Location"].startswith("/nl/accounts/login/")


def test_W09_the_session_itself_expires_after_30_idle_minutes(client, moderator, mo_with_app):
    response = log_in(client)
    assert response.cookies["sessionid"]["max-age"] == 30 * 60
    stored = Session.objects.get().expire_date - timezone.now()
    assert timedelta(minutes=29) < stored <= timedelta(minutes=30)


def test_W09_requests_keep_a_session_alive(client, moderator):
    log_in_staff(client, moderator)
    age(client, staff_seen_at=20 * 60)
    assert client.get("/nl/moderation/").status_code == 200  # noted as the last request
    assert sessions.expired(client.session, now=time.time() + 20 * 60) is None


# W10: a deactivated account's sessions die ----------------------------------------------------


def test_W10_a_deactivated_account_is_logged_out_everywhere(moderator):
    office, home = Client(), Client()
    log_in_staff(office, moderator)
    log_in_staff(home, moderator)
    assert office.get("/nl/moderation/").status_code == 200
    moderator.is_active = False
    moderator.save()
    assert not [s for s in Session.objects.all() if s.get_decoded().get(SESSION_KEY)]
    for client in (office, home):
        assert client.get("/nl/moderation/")["Location"].startswith("/nl/accounts/login/")


def test_W10_django_refuses_an_inactive_user_on_the_next_request_even_without_the_signal(
    client, moderator, django_user_model
):
    log_in_staff(client, moderator)
    django_user_model.objects.filter(pk=moderator.pk).update(is_active=False)  # no signal
    assert client.get("/nl/moderation/")["Location"].startswith("/nl/accounts/login/")
    assert log_in(Client()).status_code == 200  # and the password no longer works


# Operations ------------------------------------------------------------------------------------


def test_seed_demo_leads_the_developer_through_the_set_up(moderator):
    out = io.StringIO()
    SeedDemo(stdout=out).seed_moderator()
    assert "set up two-factor authentication" in out.getvalue()
    TOTPDevice.objects.create(user=moderator.__class__.objects.get(username="moderator"))
    out = io.StringIO()
    SeedDemo(stdout=out).seed_moderator()
    assert "authenticator app you set up" in out.getvalue()


def test_reset_two_factor_removes_the_devices_and_ends_the_sessions(client, moderator):
    from django.core.management import call_command

    log_in_staff(client, moderator)
    devices.new_recovery_codes(moderator)
    out = io.StringIO()
    call_command("reset_two_factor", "mo", stdout=out)
    assert not devices.has_second_factor(moderator)
    assert "1 session(s) ended" in out.getvalue()
    assert client.get("/nl/moderation/")["Location"].startswith("/nl/accounts/login/")


def test_W07_verified_staff_can_renew_their_recovery_codes(client, moderator):
    old = devices.new_recovery_codes(moderator)
    log_in_staff(client, moderator)
    assert "recovery-codes/new/" in client.get("/nl/accounts/two-factor/setup/").content.decode()
    response = client.post("/nl/accounts/two-factor/recovery-codes/new/")
    page = client.get(response["Location"]).content.decode()
    new = re.findall(r"<code>([a-z2-7]{4}-[a-z2-7]{4})</code>", page)
    assert len(new) == 10 and not {devices.shown(c) for c in old} & set(new)


def test_a_moderator_finds_the_page_to_replace_a_phone_from_the_queue(client, moderator):
    log_in_staff(client, moderator)
    queue = client.get("/nl/moderation/").content.decode()
    assert 'href="/nl/accounts/two-factor/setup/?next=/nl/moderation/"' in queue
    setup = client.get("/nl/accounts/two-factor/setup/?next=/nl/moderation/")
    assert setup.status_code == 200 and setup.context["replacing"]
