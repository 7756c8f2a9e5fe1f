"""Abuse controls on the anonymous forms: SAFETY-TESTS.md section A (and W05), by ID.

Where a shared cache is named (rate limits, replay protection, the flood counter), the tests run
against the real Redis on 127.0.0.1:6379 (database 15, emptied around each test).
"""

import base64
import io
import json
import os
import subprocess
import sys
import time
import uuid
from pathlib import Path

import pytest
import redis
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client
from django_altcha import get_altcha_challenge
from PIL import Image

from gezinsmuur.abuse import challenge
from gezinsmuur.submissions.forms import LIMITED, NOJS_LIMITED, REJECT_MESSAGES, STALE_FORM
from gezinsmuur.submissions.models import Submission

from . import proof
from .test_submit import form_data, upload

pytestmark = pytest.mark.django_db
ROOT = Path(__file__).resolve().parent.parent
REDIS_URL = "redis://127.0.0.1:6379/15"


@pytest.fixture
def shared_cache(settings):
    """The default cache on the real Redis, as in production (REDIS_URL)."""
    try:
        redis.Redis.from_url(REDIS_URL).flushdb()
    except redis.ConnectionError:
        if os.environ.get("CI"):
            pytest.fail("Redis must run under CI (.ci/run starts it)")
        pytest.skip("Redis is not running on 127.0.0.1:6379")
    settings.CACHES = {
        "default": {"BACKEND": "django.core.cache.backends.redis.RedisCache", "LOCATION": REDIS_URL}
    }
    yield
    redis.Redis.from_url(REDIS_URL).flushdb()


def photo(number: int) -> SimpleUploadedFile:
    """A different small photo each time (an exact copy would be refused as a duplicate)."""
    buffer = io.BytesIO()
    Image.new("RGB", (400, 300), (number * 37 % 256, number * 91 % 256, 120)).save(buffer, "JPEG")
    return SimpleUploadedFile(f"photo{number}.jpg", buffer.getvalue(), content_type="image/jpeg")


def share(client: Client, number: int, meta: dict | None = None, **overrides: object):
    return client.post("/nl/share/", form_data(photo(number), **overrides), **(meta or {}))


def post_from(client: Client, number: int, meta: dict):
    return client.post("/nl/share/", form_data(photo(number), altcha=proof.solved(client)), **meta)


def test_A01_the_fourth_photo_in_an_hour_from_one_ipv4_is_refused_with_retry_after(
    client, shared_cache, caplog
):
    statuses = [post_from(client, n, {"REMOTE_ADDR": "203.0.113.7"}).status_code for n in range(4)]
    assert statuses == [303, 303, 303, 429]
    assert Submission.objects.count() == 3
    refused = post_from(client, 9, {"REMOTE_ADDR": "203.0.113.7"})
    assert refused.status_code == 429
    assert 0 < int(refused["Retry-After"]) <= 3600
    assert str(LIMITED) in refused.content.decode()
    assert "abuse.ratelimit group=submit" in caplog.text
    # Another network is not affected.
    assert post_from(client, 10, {"REMOTE_ADDR": "198.51.100.1"}).status_code == 303


def test_A02_rotating_ipv6_addresses_inside_one_64_share_one_bucket(client, shared_cache):
    addresses = [f"2001:db8:1:2::{n:x}" for n in range(1, 5)]
    statuses = [
        post_from(client, n, {"REMOTE_ADDR": address}).status_code
        for n, address in enumerate(addresses)
    ]
    assert statuses == [303, 303, 303, 429]
    assert post_from(client, 7, {"REMOTE_ADDR": "2001:db8:1:3::1"}).status_code == 303


@pytest.mark.parametrize("hops", [0, 1])
def test_A03_a_forged_x_forwarded_for_changes_nothing(client, shared_cache, settings, hops):
    settings.PROXY_HOPS = hops
    statuses = []
    for n in range(4):
        # The client writes a new address each time; our proxy (if any) appends the real one.
        forged = f"192.0.2.{n + 1}"
        meta = (
            {"REMOTE_ADDR": "10.0.0.2", "HTTP_X_FORWARDED_FOR": f"{forged}, 203.0.113.50"}
            if hops
            else {"REMOTE_ADDR": "203.0.113.50", "HTTP_X_FORWARDED_FOR": forged}
        )
        statuses.append(post_from(client, n, meta).status_code)
    assert statuses == [303, 303, 303, 429]


def test_A04_a_form_without_proof_of_work_is_refused(client, phone_photo):
    response = client.post("/nl/share/", form_data(upload(phone_photo), altcha=""))
    assert response.status_code == 400
    assert str(challenge.MESSAGES["required"]) in response.content.decode()
    assert Submission.objects.count() == 0


def test_A04_a_tampered_solution_is_refused(client, phone_photo):
    payload = json.loads(base64.b64decode(proof.solved(client)))
    payload["number"] += 1
    forged = base64.b64encode(json.dumps(payload).encode()).decode()
    response = client.post("/nl/share/", form_data(upload(phone_photo), altcha=forged))
    assert response.status_code == 400
    assert Submission.objects.count() == 0


def test_A04_an_expired_solution_is_refused(client, phone_photo):
    old = get_altcha_challenge(max_number=1000, expires=-1000)  # expired a second ago
    solution = proof.altcha.solve_challenge(old)
    payload = {**old.to_dict(), "number": solution.number}
    payload.pop("maxNumber")
    expired = base64.b64encode(json.dumps(payload).encode()).decode()
    response = client.post("/nl/share/", form_data(upload(phone_photo), altcha=expired))
    assert response.status_code == 400
    assert Submission.objects.count() == 0


def test_A04_a_replayed_solution_is_refused_even_by_another_process(client, shared_cache):
    used_here = proof.solved(client)
    assert share(client, 1, altcha=used_here).status_code == 303
    assert share(client, 2, altcha=used_here).status_code == 400

    # Another process (a second app server worker) spends a solution; this one must refuse it.
    used_there = proof.solved(client)
    code = (
        "import django, sys; django.setup();"
        "from gezinsmuur.abuse.challenge import ProofOfWorkField;"
        "ProofOfWorkField().validate(sys.argv[1]); print('accepted')"
    )
    env = {**os.environ, "REDIS_URL": REDIS_URL, "DEBUG": "1"}
    env["DJANGO_SETTINGS_MODULE"] = "gezinsmuur.settings"
    other = subprocess.run(
        [sys.executable, "-c", code, used_there], cwd=ROOT, env=env, capture_output=True, text=True
    )
    assert other.stdout.strip() == "accepted", other.stderr
    assert share(client, 3, altcha=used_there).status_code == 400
    assert Submission.objects.count() == 1


def test_A05_a_filled_honeypot_is_thanked_and_dropped(client, caplog):
    response = share(client, 1, website="http://spam.example")
    assert response.status_code == 200
    assert "submissions/thanks.html" in [t.name for t in response.templates]
    assert Submission.objects.count() == 0
    assert "abuse.honeypot reason=trap" in caplog.text


def test_A05_a_form_sent_back_within_a_second_is_thanked_and_dropped(client, caplog):
    response = share(client, 1, rendered=proof.rendered(seconds_ago=1))
    assert response.status_code == 200
    assert Submission.objects.count() == 0
    assert "abuse.honeypot reason=too_fast" in caplog.text


@pytest.mark.parametrize("stamp", ["", "12345:forged", proof.rendered(seconds_ago=2 * 3600 + 60)])
def test_A05_a_missing_forged_or_day_old_render_time_asks_to_send_again(client, stamp):
    # Not proof of a bot (a tab left open overnight): a clear 4xx, the message kept, nothing stored.
    response = share(client, 1, rendered=stamp)
    assert response.status_code == 400
    html = response.content.decode()
    assert str(STALE_FORM) in html and "Mijn zoon en ik horen samen." in html
    assert Submission.objects.count() == 0


def test_A06_a_flood_makes_each_new_challenge_ten_times_harder(client, shared_cache, settings):
    settings.ALTCHA_MAX_NUMBER = 50_000
    assert client.get("/altcha/challenge/").json()["maxNumber"] == 50_000
    for _ in range(settings.ALTCHA_FLOOD_PER_MINUTE + 1):
        challenge.note_attempt()
    assert client.get("/altcha/challenge/").json()["maxNumber"] == 500_000


def test_A06_every_share_attempt_counts_towards_the_flood(client, shared_cache):
    for n in range(3):
        share(client, n, altcha="")  # refused, but an attempt all the same
    assert challenge.attempts_last_minute() == 3


def test_challenges_are_never_cached_and_limited_per_network(client, shared_cache):
    first = client.get("/altcha/challenge/")
    assert "no-store" in first["Cache-Control"]
    assert first.json() != client.get("/altcha/challenge/").json()
    for _ in range(60):
        client.get("/altcha/challenge/", REMOTE_ADDR="203.0.113.9")
    assert client.get("/altcha/challenge/", REMOTE_ADDR="203.0.113.9").status_code == 429


def test_A07_an_exact_copy_of_a_photo_already_received_is_refused_politely(client, phone_photo):
    assert client.post("/nl/share/", form_data(upload(phone_photo))).status_code == 303
    again = client.post("/nl/share/", form_data(upload(phone_photo), message="Nog eens."))
    assert again.status_code == 409
    assert str(REJECT_MESSAGES["duplicate"]) in again.content.decode()
    assert Submission.objects.count() == 1


def test_without_javascript_one_photo_per_network_per_hour_is_taken_and_flagged(client):
    first = share(client, 1, altcha="", nojs="1")
    assert first.status_code == 303
    assert Submission.objects.get().flags == ["no_proof_of_work"]
    second = share(client, 2, altcha="", nojs="1")
    assert second.status_code == 429
    assert str(NOJS_LIMITED) in second.content.decode()
    # The same network with JavaScript (and so with proof of work) is not held back by the lane.
    assert share(client, 3).status_code == 303


def test_the_lane_without_javascript_has_a_budget_for_the_whole_site(client, settings):
    for n in range(30):
        meta = {"REMOTE_ADDR": f"198.51.100.{n}"}
        assert share(client, n, meta, altcha="", nojs="1").status_code == 303
    refused = share(client, 99, {"REMOTE_ADDR": "192.0.2.200"}, altcha="", nojs="1")
    assert refused.status_code == 429
    assert Submission.objects.count() == 30


def test_a_retry_of_an_accepted_form_needs_no_new_proof(client, phone_photo):
    data = form_data(upload(phone_photo))
    assert client.post("/nl/share/", data).status_code == 303
    data["photo"] = upload(phone_photo)
    assert (
        client.post("/nl/share/", data).status_code == 303
    )  # same solution, same key: found again
    assert Submission.objects.count() == 1


@pytest.mark.parametrize("path", ["/nl/share/", "/nl/my/withdraw/"])
def test_W05_a_cross_site_post_without_csrf_token_is_refused(path, phone_photo):
    client = Client(enforce_csrf_checks=True)
    response = client.post(path, form_data(upload(phone_photo)))
    assert response.status_code == 403
    assert Submission.objects.count() == 0


def test_W05_no_view_is_exempt_from_csrf():
    sources = (ROOT / "gezinsmuur").rglob("*.py")
    assert not [path for path in sources if "csrf_exempt" in path.read_text()]


def test_stamps_are_signed_render_times():
    from gezinsmuur.abuse import honeypot

    now = time.time()
    assert honeypot.verdict({"rendered": honeypot.stamp(now - 10)}, now) is honeypot.Verdict.PERSON
    assert honeypot.verdict({"rendered": honeypot.stamp(now)}, now) is honeypot.Verdict.BOT
    assert honeypot.verdict({"rendered": str(uuid.uuid4())}, now) is honeypot.Verdict.STALE


def test_A10_possible_personal_data_is_marked_for_the_moderator_and_never_a_link(client, moderator):
    from .conftest import log_in_staff
    from .factories import submission

    message = (
        "Bel 0470 12 34 56 of mail helen@example.org, Kerkstraat 12, "
        "zie https://evil.example/x <script>alert(1)</script>"
    )
    submission(status="pending_review", message=message, flags=["phone", "email", "url"])
    log_in_staff(client, moderator)
    html = client.get("/nl/moderation/").content.decode()
    for shown in ("0470 12 34 56", "helen@example.org", "Kerkstraat 12", "https://evil.example/x"):
        assert f">{shown}</mark>" in html
    assert "<script>alert(1)" not in html and "&lt;script&gt;alert(1)" in html
    assert 'href="https://evil.example' not in html


def test_W13_messages_lose_bidi_controls_and_long_runs_of_combining_marks(client, phone_photo):
    zalgo = "H" + "\u0301" * 10_000 + "elen"
    arabic = "شُكْرًا"  # a letter with two vowel marks stays as typed
    data = form_data(upload(phone_photo), message=f"\u202egpj.exe {zalgo} {arabic}")
    assert client.post("/nl/share/", data).status_code == 303
    message = Submission.objects.get().message
    assert "\u202e" not in message
    assert message == "gpj.exe H" + "\u0301" * 4 + f"elen {arabic}"
