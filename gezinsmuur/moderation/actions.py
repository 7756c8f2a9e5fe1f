"""Moderators' decisions. Each one is a status change through `change_status`, audited."""

from django.contrib.auth.models import User
from django.db import transaction
from django.utils import timezone

from gezinsmuur.lib import pagecache
from gezinsmuur.submissions import files
from gezinsmuur.submissions.actions import change_status, delete_original
from gezinsmuur.submissions.models import RejectReason, Status, Submission


def approve(submission: Submission, *, moderator: User) -> bool:
    """Publish the tile: copy its renditions to public storage, then flip the status."""
    if submission.status != Status.PENDING_REVIEW:
        return False
    files.publish(submission)
    approved = change_status(
        submission,
        Status.APPROVED,
        expected=[Status.PENDING_REVIEW],
        actor=moderator,
        approved_at=timezone.now(),
    )
    if approved:
        transaction.on_commit(lambda: delete_original(submission))
    return approved


def reject(submission: Submission, *, moderator: User, reason: str) -> bool:
    """Refuse publication with a reason the participant will see; the files are removed."""
    rejected = change_status(
        submission,
        Status.REJECTED,
        expected=[Status.PENDING_REVIEW, Status.FAILED],
        actor=moderator,
        reason=reason,
        reject_reason=reason[:200],
    )
    if rejected:
        transaction.on_commit(lambda: _drop_files(submission))
    return rejected


def take_down(submission: Submission, *, moderator: User, reason: str) -> bool:
    """Take an approved tile off the wall at once (after a report): files and cached pages go."""
    approved_at = submission.approved_at
    taken = change_status(
        submission,
        Status.REJECTED,
        expected=[Status.APPROVED],
        actor=moderator,
        reason=reason,
        reject_reason=RejectReason.TAKEN_DOWN,
        approved_at=None,
    )
    if taken:
        files.unpublish(submission)
        pagecache.forget_tile(submission.public_id, approved_at)
        pagecache.invalidate()
        transaction.on_commit(lambda: files.delete_private(submission))
    return taken


def _drop_files(submission: Submission) -> None:
    delete_original(submission)
    files.delete_private(submission)
