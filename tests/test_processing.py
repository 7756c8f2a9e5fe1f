"""The worker turns an accepted original into clean renditions; nothing accepted is ever lost."""

import uuid
from datetime import timedelta

import pytest
from django.core.files.storage import storages
from django.utils import timezone, translation

from gezinsmuur.images import inspect
from gezinsmuur.submissions import actions
from gezinsmuur.submissions.consent import wall_consent
from gezinsmuur.submissions.models import Status, Submission
from gezinsmuur.submissions.tasks import process_submission

from .conftest import SAMPLES

pytestmark = pytest.mark.django_db


def received(path=SAMPLES / "camera-12mp.jpg") -> Submission:
    with path.open("rb") as fp:
        data = {"idempotency_key": uuid.uuid4(), "message": "Samen.", "consent": wall_consent("nl")}
        return actions.create_submission(photo=fp, info=inspect(fp), data=data, language="nl")[0]


def test_it_makes_private_renditions_and_hands_the_photo_to_the_moderators():
    submission = received()
    process_submission.call(submission.pk)
    submission.refresh_from_db()
    assert submission.status == Status.PENDING_REVIEW
    assert {r["format"] for r in submission.renditions} == {"avif", "webp", "jpeg"}
    assert submission.placeholder.startswith("#") and len(submission.sha256) == 64
    assert submission.phash is not None
    for rendition in submission.renditions:
        assert storages["private"].exists(rendition["name"])
        assert not storages["default"].exists(rendition["name"])  # nothing public before approval
    assert storages["private"].exists(submission.original)  # kept until the decision


def test_it_processes_a_heic_from_an_iphone():
    submission = received(SAMPLES / "demo" / "phone-iphone15pro-gps.heic")
    assert submission.original_format == "heic"
    process_submission.call(submission.pk)
    submission.refresh_from_db()
    assert submission.status == Status.PENDING_REVIEW


def test_a_second_delivery_of_the_same_task_does_nothing():  # R10
    submission = received()
    process_submission.call(submission.pk)
    events = submission.events.count()
    process_submission.call(submission.pk)
    assert submission.events.count() == events


def test_it_retries_and_after_three_attempts_marks_the_photo_failed(
    monkeypatch, django_capture_on_commit_callbacks
):
    submission = received()

    def broken(fp, blur_faces=False):
        raise MemoryError("decoder blew up")

    monkeypatch.setattr("gezinsmuur.submissions.tasks.process", broken)
    for attempt in (1, 2):
        with django_capture_on_commit_callbacks(execute=False) as callbacks:
            process_submission.call(submission.pk)
        submission.refresh_from_db()
        assert submission.status == Status.RECEIVED and submission.attempts == attempt
        assert len(callbacks) == 1  # enqueued again
    process_submission.call(submission.pk)
    submission.refresh_from_db()
    assert submission.status == Status.FAILED
    assert submission.failure == "MemoryError"
    assert submission in Submission.objects.for_review()  # the moderators see it


def test_a_file_that_can_never_be_read_fails_at_once():
    path = SAMPLES / "truncated.jpg"
    submission = Submission.objects.create(
        message="x", language="nl", consent_publish=True, consent_version="t", original="t.jpg"
    )
    storages["private"].save("t.jpg", path.open("rb"))
    process_submission.call(submission.pk)
    submission.refresh_from_db()
    assert submission.status == Status.FAILED
    assert submission.attempts == 1
    assert submission.failure == "corrupt"


def test_a_submission_left_by_a_dead_worker_is_picked_up_again(django_capture_on_commit_callbacks):
    submission = received()
    assert actions.claim_for_processing(submission.pk)  # the worker took it ... and died
    later = timezone.now() + timedelta(minutes=6)
    with django_capture_on_commit_callbacks(execute=True):
        assert actions.requeue_stale(now=later) == 1
    submission.refresh_from_db()
    assert submission.status == Status.RECEIVED
    process_submission.call(submission.pk)
    submission.refresh_from_db()
    assert submission.status == Status.PENDING_REVIEW


def test_a_received_submission_whose_task_was_lost_is_enqueued_again(
    django_capture_on_commit_callbacks,
):
    received()
    with django_capture_on_commit_callbacks(execute=False):
        assert actions.requeue_stale(now=timezone.now() + timedelta(minutes=11)) == 1
    assert (
        actions.requeue_stale(now=timezone.now() + timedelta(minutes=12)) == 0
    )  # not twice in a row


def test_it_flags_personal_data_in_the_message_for_the_moderator():
    from gezinsmuur.submissions.flags import message_flags

    assert message_flags("Bel me op 0470 12 34 56 of mail a.b@example.be") == ["email", "phone"]
    assert message_flags("Kijk op www.example.org") == ["url"]
    assert "national_number" in message_flags("Mijn rijksregisternummer is 85.07.30-033.61")
    assert message_flags("Wij horen samen, al 8 jaar.") == []


def test_an_exact_re_upload_is_flagged_as_a_duplicate():
    first, second = received(), received()
    process_submission.call(first.pk)
    process_submission.call(second.pk)
    second.refresh_from_db()
    assert second.flags == ["duplicate"]


def test_a_mirrored_re_encoded_copy_is_flagged_as_a_possible_duplicate(tmp_path):
    from PIL import Image, ImageOps

    original = received()
    process_submission.call(original.pk)
    copy = tmp_path / "mirrored.jpg"
    with Image.open(SAMPLES / "camera-12mp.jpg") as im:
        ImageOps.mirror(im.reduce(4)).save(copy, quality=70)
    mirrored = received(copy)
    process_submission.call(mirrored.pk)
    mirrored.refresh_from_db()
    assert mirrored.flags == ["possible_duplicate"]


def test_it_asks_the_moderator_to_check_when_no_face_was_found_to_blur():
    submission = received(SAMPLES / "demo" / "phone-beach-gps.jpg")
    Submission.objects.filter(pk=submission.pk).update(blur_faces=True)
    process_submission.call(submission.pk)
    submission.refresh_from_db()
    assert submission.flags == ["no_face_found"]
    with translation.override("en"):
        assert submission.flag_labels == [
            "Faces should be blurred, but none were found: check the photo"
        ]
