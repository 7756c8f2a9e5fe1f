"""Every change to a submission goes through these functions.

Each one is atomic, moves the status only from the state it expects (a row-count gate, so two
workers or two moderators never both win), writes an append-only `ModerationEvent`, and fires
side effects (tasks, file deletion) only after the transaction commits.
"""

import logging
from datetime import timedelta
from typing import Any

from django.contrib.auth.models import User
from django.core.files.base import File
from django.core.files.storage import storages
from django.db import IntegrityError, transaction
from django.utils import timezone

from gezinsmuur.images import ImageInfo, ProcessedImage, to_signed64
from gezinsmuur.lib import pagecache

from . import consent, files
from .flags import INTAKE_FLAGS, duplicate_flags, face_flags, message_flags
from .models import ModerationEvent, Status, Submission, Tombstone
from .privatelink import hash_token, new_token

log = logging.getLogger(__name__)

MAX_ATTEMPTS = 3


def change_status(
    submission: Submission,
    to: Status,
    *,
    expected: list[Status],
    actor: User | None = None,
    reason: str = "",
    **fields: Any,
) -> bool:
    """Move `submission` to `to` if it is still in one of `expected`; write the audit event."""
    now = timezone.now()
    with transaction.atomic():
        updated = Submission.objects.filter(pk=submission.pk, status__in=expected).update(
            status=to, status_changed_at=now, **fields
        )
        if not updated:
            return False
        ModerationEvent.objects.create(
            submission=submission,
            actor=actor,
            from_status=submission.status,
            to_status=to,
            reason=reason[:200],
        )
    for name, value in {"status": to, "status_changed_at": now, **fields}.items():
        setattr(submission, name, value)
    log.info("submission.%s id=%s", to, submission.public_id)
    return True


def create_submission(
    *, photo: File, info: ImageInfo, data: dict[str, Any], language: str
) -> tuple[Submission, str]:
    """Store the original privately, commit the row, and enqueue processing after the commit.

    Returns the submission and the token of its private link (only its hash is stored). A second
    call with the same idempotency key (a double click, a mobile retry) stores nothing and returns
    the first submission with a new token: the answer to the first request may never have arrived.
    """
    existing = Submission.objects.filter(idempotency_key=data["idempotency_key"]).first()
    if existing:
        return existing, issue_private_link(existing)
    token, token_hash = new_token()
    submission = Submission(
        token_hash=token_hash,
        idempotency_key=data["idempotency_key"],
        message=data["message"],
        display_name=data.get("display_name", ""),
        municipality=data.get("municipality", ""),
        language=language,
        consent_publish=data["consent"]["choices"]["publication"] == "wall",
        consent_version=data["consent"]["version"],
        consent=data["consent"],
        blur_faces=data.get("blur_faces", False),
        sha256=data.get("sha256", ""),
        flags=data.get("flags", []),
        original_format=info.format,
        width=info.width,
        height=info.height,
    )
    originals = storages["private"]
    submission.original = originals.save(f"{submission.public_id}.{info.format}", photo)
    try:
        with transaction.atomic():
            submission.save()
            ModerationEvent.objects.create(
                submission=submission, from_status="", to_status=Status.RECEIVED
            )
            transaction.on_commit(lambda: enqueue_processing(submission))
    except IntegrityError:
        originals.delete(submission.original)
        existing = Submission.objects.get(idempotency_key=data["idempotency_key"])
        return existing, issue_private_link(existing)
    log.info("submission.received id=%s format=%s", submission.public_id, info.format)
    return submission, token


def issue_private_link(submission: Submission) -> str:
    """A new private-link token for `submission`; any earlier link stops working."""
    token, token_hash = new_token()
    Submission.objects.filter(pk=submission.pk).update(token_hash=token_hash)
    submission.token_hash = token_hash
    return token


def find_by_token(token: str) -> Submission | None:
    if not token or len(token) > 100:
        return None
    return Submission.objects.filter(token_hash=hash_token(token)).first()


def edit_message(submission: Submission, message: str) -> bool:
    """The participant changed their message: it goes back to review, off the wall until then."""
    if submission.status in (Status.REJECTED, Status.WITHDRAWN, Status.FAILED):
        return False
    if submission.status == Status.APPROVED:
        files.unpublish(submission)
        pagecache.invalidate()
    if submission.status in (Status.APPROVED, Status.PENDING_REVIEW):
        return change_status(
            submission,
            Status.PENDING_REVIEW,
            expected=[Status.APPROVED, Status.PENDING_REVIEW],
            reason="edited by participant",
            message=message,
            approved_at=None,
        )
    # Still being processed: the new text simply rides along.
    Submission.objects.filter(pk=submission.pk).update(message=message)
    submission.message = message
    return True


def erase(submission: Submission, *, reason: str, actor: User | None = None) -> Tombstone:
    """Remove everything held about a submission: files, rows, cached pages. Keep a tombstone.

    One action for the participant's withdrawal, a moderator's "this is me" request and the
    retention job. The audit events go with the row; the tombstone (id and content hash) lets a
    restored backup re-apply the deletion.
    """
    files.unpublish(submission)
    files.delete_private(submission)
    delete_original(submission)
    pagecache.forget_tile(submission.public_id, submission.approved_at)
    with transaction.atomic():
        tombstone, _ = Tombstone.objects.get_or_create(
            public_id=submission.public_id,
            defaults={"sha256": submission.sha256, "reason": reason[:32]},
        )
        Submission.objects.filter(pk=submission.pk).delete()
    pagecache.invalidate()
    log.info(
        "erasure.done id=%s reason=%s actor=%s",
        submission.public_id,
        reason,
        actor.pk if actor else None,
    )
    return tombstone


def enqueue_processing(submission: Submission) -> None:
    from .tasks import process_submission

    process_submission.enqueue(submission.pk)


def claim_for_processing(pk: int) -> Submission | None:
    """Take a received submission for processing; None when another worker has it or it is done."""
    submission = Submission.objects.filter(pk=pk).first()
    if submission is None or submission.status != Status.RECEIVED:
        return None
    claimed = change_status(
        submission,
        Status.PROCESSING,
        expected=[Status.RECEIVED],
        attempts=submission.attempts + 1,
    )
    return submission if claimed else None


def finish_processing(
    submission: Submission, result: ProcessedImage, renditions: list[dict]
) -> bool:
    """Record the renditions and flags, and hand the submission to the moderators."""
    found = (
        [code for code in submission.flags if code in INTAKE_FLAGS]
        + message_flags(submission.message)
        + duplicate_flags(
            result.sha256, result.phash, result.phash_mirror, exclude_pk=submission.pk
        )
        + face_flags(submission.blur_faces, result.faces_blurred)
    )
    return change_status(
        submission,
        Status.PENDING_REVIEW,
        expected=[Status.PROCESSING],
        width=result.width,
        height=result.height,
        renditions=renditions,
        placeholder=result.placeholder,
        sha256=result.sha256,
        phash=to_signed64(result.phash),
        phash_mirror=to_signed64(result.phash_mirror),
        flags=found,
        failure="",
    )


def fail_processing(submission: Submission, failure: str, *, permanent: bool) -> None:
    """Retry later, or after the last attempt (or a file that can never be read) mark it failed."""
    if permanent or submission.attempts >= MAX_ATTEMPTS:
        change_status(
            submission, Status.FAILED, expected=[Status.PROCESSING], reason=failure, failure=failure
        )
        return
    if change_status(
        submission, Status.RECEIVED, expected=[Status.PROCESSING], reason=failure, failure=failure
    ):
        transaction.on_commit(lambda: enqueue_processing(submission))


def requeue_stale(now: Any = None) -> int:
    """Pick up submissions a dead worker left behind; the row, not the queue, is the truth.

    `received` rows waiting longer than 10 minutes are enqueued again, `processing` rows older
    than 5 minutes (a worker died mid-job) count as a failed attempt. Returns how many it touched.
    """
    now = now or timezone.now()
    touched = 0
    stuck = Submission.objects.filter(
        status=Status.PROCESSING, status_changed_at__lt=now - timedelta(minutes=5)
    )
    for submission in stuck:
        fail_processing(submission, "worker stopped", permanent=False)
        touched += 1
    waiting = Submission.objects.filter(
        status=Status.RECEIVED, status_changed_at__lt=now - timedelta(minutes=10)
    )
    for submission in waiting:
        # Touch the timestamp so the next sweep waits again; duplicates are harmless (claim gate).
        Submission.objects.filter(pk=submission.pk).update(status_changed_at=now)
        enqueue_processing(submission)
        touched += 1
    return touched


def delete_original(submission: Submission) -> None:
    """The original is private and kept only until the moderation decision."""
    if submission.original:
        storages["private"].delete(submission.original)
        Submission.objects.filter(pk=submission.pk).update(original="")
        submission.original = ""


def change_consent(submission: Submission, uses: dict[str, Any], language: str) -> bool:
    """The participant changed what their photo may be used for; the old record is kept in history.

    Leaving the wall takes the tile down at once. Coming (back) onto the wall after approval sends
    the photo to review again, so a moderator sees it before it is public.
    """
    choices = {**submission.consent.get("choices", {}), **uses}
    if choices["publication"] != "wall":
        choices.update(dict.fromkeys(consent.USES, False))
    record = consent.record(choices, language)
    record["history"] = [
        *submission.consent.get("history", []),
        _without_history(submission.consent),
    ]
    on_wall = choices["publication"] == "wall"
    if submission.status == Status.APPROVED and submission.consent_publish and not on_wall:
        files.unpublish(submission)
        pagecache.invalidate()
    if submission.status == Status.APPROVED and on_wall and not submission.consent_publish:
        change_status(
            submission, Status.PENDING_REVIEW, expected=[Status.APPROVED], reason="consent changed"
        )
    Submission.objects.filter(pk=submission.pk).update(consent=record, consent_publish=on_wall)
    submission.consent, submission.consent_publish = record, on_wall
    return True


def _without_history(record: dict[str, Any]) -> dict[str, Any]:
    return {key: value for key, value in record.items() if key != "history"}
