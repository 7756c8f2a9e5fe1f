"""Mo the moderator works through the queue; strangers and editors cannot."""

import pytest
from django.core.files.storage import storages

from gezinsmuur.moderation import actions
from gezinsmuur.submissions.models import ModerationEvent, Status, Submission
from gezinsmuur.submissions.tasks import process_submission

from . import factories
from .conftest import log_in_staff
from .test_processing import received

pytestmark = pytest.mark.django_db


@pytest.fixture
def pending():
    submission = received()
    process_submission.call(submission.pk)
    submission.refresh_from_db()
    return submission


def test_it_sends_visitors_to_the_login_page(client):
    response = client.get("/nl/moderation/")
    assert response.status_code == 302
    assert response["Location"].startswith("/nl/accounts/login/")


@pytest.mark.parametrize("persona", ["stranger", "editor"])
def test_it_refuses_staff_without_the_moderator_role(client, request, persona):
    log_in_staff(client, request.getfixturevalue(persona))
    assert client.get("/nl/moderation/").status_code == 403
    assert client.get("/nl/moderation/grid/").status_code == 403


def test_it_shows_the_oldest_waiting_photo_with_its_message(client, moderator, pending):
    log_in_staff(client, moderator)
    response = client.get("/nl/moderation/")
    html = response.content.decode()
    assert response.status_code == 200
    assert pending.message in html
    assert f"/nl/moderation/photo/{pending.public_id}/" in html
    assert response["Cache-Control"] == "no-store"


def test_the_private_rendition_opens_for_moderators_only(client, moderator, stranger, pending):
    name = next(r["name"] for r in pending.renditions if r["format"] == "jpeg").rsplit("/", 1)[1]
    url = f"/nl/moderation/photo/{pending.public_id}/{name}"
    log_in_staff(client, stranger)
    assert client.get(url).status_code == 403
    log_in_staff(client, moderator)
    response = client.get(url)
    assert response.status_code == 200 and response["Content-Type"] == "image/jpeg"
    assert (
        client.get(f"/nl/moderation/photo/{pending.public_id}/..%2F..%2Fsecret").status_code == 404
    )


def test_g06_approving_publishes_the_files_and_deletes_the_original(
    client, moderator, pending, django_capture_on_commit_callbacks
):
    log_in_staff(client, moderator)
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(
            f"/nl/moderation/{pending.public_id}/decide/", {"decision": "approve"}
        )
    assert response.status_code == 302
    pending.refresh_from_db()
    assert pending.status == Status.APPROVED and pending.approved_at
    assert all(storages["default"].exists(r["name"]) for r in pending.renditions)
    assert pending.original == ""
    event = ModerationEvent.objects.filter(to_status=Status.APPROVED).get()
    assert event.actor == moderator and event.from_status == Status.PENDING_REVIEW


def test_rejecting_needs_a_reason_and_removes_the_files(
    client, moderator, pending, django_capture_on_commit_callbacks
):
    log_in_staff(client, moderator)
    client.post(f"/nl/moderation/{pending.public_id}/decide/", {"decision": "reject"})
    pending.refresh_from_db()
    assert pending.status == Status.PENDING_REVIEW  # no reason, no decision
    with django_capture_on_commit_callbacks(execute=True):
        client.post(
            f"/nl/moderation/{pending.public_id}/decide/",
            {"decision": "reject", "reason": "", "reason_text": "Adres in de boodschap"},
        )
    pending.refresh_from_db()
    assert pending.status == Status.REJECTED
    assert pending.reject_reason == "Adres in de boodschap"
    assert not any(storages["private"].exists(r["name"]) for r in pending.renditions)
    assert pending.original == ""
    assert ModerationEvent.objects.get(to_status=Status.REJECTED).reason == "Adres in de boodschap"


def test_skipping_shows_the_next_photo(client, moderator):
    first = factories.submission(status=Status.PENDING_REVIEW, message="first")
    factories.submission(status=Status.PENDING_REVIEW, message="second")
    log_in_staff(client, moderator)
    assert "first" in client.get("/nl/moderation/").content.decode()
    client.post(f"/nl/moderation/{first.public_id}/decide/", {"decision": "skip"})
    assert "second" in client.get("/nl/moderation/").content.decode()
    first.refresh_from_db()
    assert first.status == Status.PENDING_REVIEW


def test_failed_photos_show_in_the_queue_with_the_failure(client, moderator):
    factories.submission(status=Status.FAILED, failure="corrupt", message="broken one")
    log_in_staff(client, moderator)
    html = client.get("/nl/moderation/").content.decode()
    assert "broken one" in html and "corrupt" in html
    assert 'value="approve"' not in html  # a failed photo has nothing to publish


def test_two_moderators_cannot_both_decide(moderator, pending, django_user_model):
    other = django_user_model.objects.create_user("other")
    assert actions.approve(pending, moderator=moderator)
    stale = Submission.objects.get(pk=pending.pk)
    stale.status = Status.PENDING_REVIEW  # the second moderator's page was loaded earlier
    assert not actions.reject(stale, moderator=other, reason="late")
    assert Submission.objects.get(pk=pending.pk).status == Status.APPROVED


def test_the_grid_approves_many_at_once(client, moderator):
    rows = [factories.submission(status=Status.PENDING_REVIEW) for _ in range(3)]
    log_in_staff(client, moderator)
    client.post("/nl/moderation/grid/", {"selected": [rows[0].public_id, rows[2].public_id]})
    statuses = [Submission.objects.get(pk=r.pk).status for r in rows]
    assert statuses == [Status.APPROVED, Status.PENDING_REVIEW, Status.APPROVED]


def test_the_queue_costs_a_fixed_number_of_queries(client, moderator, django_assert_num_queries):
    for _ in range(30):
        factories.submission(status=Status.PENDING_REVIEW)
    log_in_staff(client, moderator)
    # 1 session, 1 user, 1 second-factor device, 2 permissions (has_perm reads the user's own and
    # their groups'), 1 the current submission, 1 the counts per status, 1 the reported tiles
    # (open reports counted in the same query). None per waiting photo or per report.
    with django_assert_num_queries(8):
        client.get("/nl/moderation/")


def test_every_state_change_is_in_the_append_only_log(moderator, pending):
    actions.approve(pending, moderator=moderator)
    trail = list(pending.events.values_list("from_status", "to_status"))
    assert trail == [
        ("", Status.RECEIVED),
        (Status.RECEIVED, Status.PROCESSING),
        (Status.PROCESSING, Status.PENDING_REVIEW),
        (Status.PENDING_REVIEW, Status.APPROVED),
    ]
    event = pending.events.first()
    event.reason = "rewritten"
    with pytest.raises(ValueError):
        event.save()


def test_a_listed_reason_reaches_the_participant_in_their_language(
    client, moderator, pending, django_capture_on_commit_callbacks
):
    from django.utils import translation

    log_in_staff(client, moderator)
    client.post(
        f"/nl/moderation/{pending.public_id}/decide/", {"decision": "reject", "reason": "unclear"}
    )
    pending.refresh_from_db()
    assert pending.reject_reason == "unclear"
    with translation.override("ar"):
        arabic = pending.reject_reason_text
    with translation.override("nl"):
        dutch = pending.reject_reason_text
    assert arabic != dutch and arabic and dutch


def test_the_moderator_sees_automatic_flags_in_their_language(client, moderator):
    factories.submission(status=Status.PENDING_REVIEW, flags=["phone", "possible_duplicate"])
    log_in_staff(client, moderator)
    html = client.get("/fr/moderation/").content.decode()
    from django.utils import translation

    from gezinsmuur.submissions.flags import FLAG_LABELS

    with translation.override("fr"):
        assert str(FLAG_LABELS["phone"]) in html and str(FLAG_LABELS["possible_duplicate"]) in html
