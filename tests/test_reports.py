"""Visitors report tiles; moderators decide (SAFETY-TESTS A08, A09, A11)."""

import pytest
from django.core import mail

from gezinsmuur.reports.actions import ALERT_AT
from gezinsmuur.reports.models import Report
from gezinsmuur.submissions.models import ModerationEvent, RejectReason, Status, Submission

from . import factories
from .conftest import log_in_staff

pytestmark = pytest.mark.django_db


@pytest.fixture
def tile():
    return factories.submission(status=Status.APPROVED, message="Wij horen samen.")


@pytest.fixture
def moderator_with_email(moderator):
    moderator.email = "mo@example.org"
    moderator.save()
    return moderator


def report(client, tile, reason="offensive", address="203.0.113.1"):
    return client.post(
        f"/nl/wall/{tile.public_id}/report/", {"reason": reason}, REMOTE_ADDR=address
    )


def test_every_tile_links_to_a_report_form_that_works_without_javascript(client, tile):
    page = client.get(f"/nl/wall/{tile.public_id}/").content.decode()
    assert f"/nl/wall/{tile.public_id}/report/" in page
    form = client.get(f"/nl/wall/{tile.public_id}/report/")
    assert form.status_code == 200
    assert 'type="radio"' in form.content.decode() and "no-store" in form["Cache-Control"]


def test_a_report_without_a_reason_gets_a_clear_4xx(client, tile):
    response = client.post(f"/nl/wall/{tile.public_id}/report/", {})
    assert response.status_code == 400
    assert Report.objects.count() == 0


def test_only_tiles_on_the_wall_can_be_reported(client):
    pending = factories.submission(status=Status.PENDING_REVIEW)
    assert report(client, pending).status_code == 404


def test_A08_many_reports_never_hide_a_tile_and_alert_moderators_once(
    client, tile, moderator_with_email
):
    for n in range(50):
        assert report(client, tile, address=f"2001:db8:{n:x}::1").status_code == 200
    assert client.get(f"/nl/wall/{tile.public_id}/").status_code == 200  # still visible
    assert Report.objects.filter(submission=tile).count() == 50
    alerts = [m for m in mail.outbox if "mo@example.org" in m.to]
    assert len(alerts) == 1  # at the threshold, not for every report after it
    assert ALERT_AT == 5


def test_A08_one_report_per_tile_per_network(client, tile):
    for address in ("2001:db8:5:6::1", "2001:db8:5:6::2", "2001:db8:5:6::3"):
        assert report(client, tile, address=address).status_code == 200
    assert Report.objects.count() == 1
    assert "2001:db8" not in Report.objects.get().network  # only a keyed hash is kept


def test_A09_this_is_me_goes_to_the_top_of_the_queue_and_comes_down_in_one_action(
    client, tile, moderator_with_email
):
    other = factories.submission(status=Status.APPROVED)
    for n in range(ALERT_AT):
        report(client, other, address=f"198.51.100.{n}")
    report(client, tile, reason="subject")
    assert any("mo@example.org" in m.to for m in mail.outbox)

    log_in_staff(client, moderator_with_email)
    queue = client.get("/nl/moderation/")
    reported = [s.public_id for s, _image in queue.context["reported"]]
    assert reported == [tile.public_id, other.public_id]  # the subject request first

    response = client.post(f"/nl/moderation/reports/{tile.public_id}/", {"decision": "take_down"})
    assert response.status_code == 302
    tile.refresh_from_db()
    assert tile.status == Status.REJECTED and tile.reject_reason == RejectReason.TAKEN_DOWN
    assert client.get(f"/nl/wall/{tile.public_id}/").status_code == 404
    assert tile.public_id not in client.get("/nl/wall/").content.decode()
    event = ModerationEvent.objects.filter(submission=tile).last()
    assert event.actor == moderator_with_email and event.to_status == Status.REJECTED
    assert not Report.objects.filter(submission=tile, handled_at__isnull=True).exists()


def test_a_moderator_can_keep_a_reported_tile(client, tile, moderator):
    for n in range(ALERT_AT):
        report(client, tile, address=f"198.51.100.{n}")
    log_in_staff(client, moderator)
    client.post(f"/nl/moderation/reports/{tile.public_id}/", {"decision": "keep"})
    assert Submission.objects.get(pk=tile.pk).status == Status.APPROVED
    assert client.get("/nl/moderation/").context["reported"] == []


def test_visitors_cannot_decide_on_reports(client, tile, stranger):
    assert client.post(f"/nl/moderation/reports/{tile.public_id}/", {"decision": "take_down"})[
        "Location"
    ].startswith("/nl/accounts/login/")
    log_in_staff(client, stranger)
    response = client.post(f"/nl/moderation/reports/{tile.public_id}/", {"decision": "take_down"})
    assert response.status_code == 403
    assert Submission.objects.get(pk=tile.pk).status == Status.APPROVED


def test_A11_reports_are_limited_per_network(client, tile):
    tiles = [factories.submission(status=Status.APPROVED) for _ in range(11)]
    statuses = [report(client, t, address="203.0.113.77").status_code for t in tiles]
    assert statuses[:10] == [200] * 10 and statuses[10] == 429
    assert Report.objects.count() == 10


def test_A11_private_links_are_limited_per_network(client):
    statuses = [
        client.get(f"/nl/my/guess-{n}/", REMOTE_ADDR="2001:db8:9::1").status_code for n in range(21)
    ]
    assert statuses == [404] * 20 + [429]
