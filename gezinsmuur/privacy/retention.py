"""How long we keep what. Every rule for submissions erases through `erase`, the same action as a
withdrawal; staff sign-in logs go after 90 days."""

import datetime as dt
from collections.abc import Iterator
from datetime import timedelta
from typing import Any

from axes.models import AccessFailureLog, AccessLog
from django.conf import settings
from django.db.models import QuerySet
from django.utils import timezone

from gezinsmuur.submissions.actions import delete_original, erase
from gezinsmuur.submissions.models import Status, Submission

# The staff sign-in logs (django-axes: every login and every failure, with the account and the
# network) serve to look into an attack; after 90 days they only hold staff's and strangers'
# addresses. AccessAttempt (the lock counters) axes clears itself after its cool-off.
SIGN_IN_LOGS_KEPT = timedelta(days=90)

RULES = {
    "rejected": (timedelta(days=7), [Status.REJECTED]),
    "failed": (timedelta(days=30), [Status.FAILED]),
    "abandoned": (timedelta(days=30), [Status.RECEIVED, Status.PROCESSING]),
}


def due(now: dt.datetime) -> Iterator[tuple[str, Submission]]:
    """(rule, submission) for everything that has been kept long enough."""
    erase_all_after = settings.ERASE_ALL_AFTER
    if erase_all_after and now.date() > erase_all_after:
        for submission in Submission.objects.all():
            yield "campaign_ended", submission
        return
    for rule, (age, statuses) in RULES.items():
        old = Submission.objects.filter(status__in=statuses, status_changed_at__lt=now - age)
        for submission in old:
            yield rule, submission


def decided_with_original() -> Iterator[Submission]:
    """Originals are kept only until the moderation decision."""
    yield from Submission.objects.filter(status__in=[Status.APPROVED, Status.REJECTED]).exclude(
        original=""
    )


def apply(now: dt.datetime | None = None, *, dry_run: bool = False) -> list[tuple[str, str]]:
    """Erase what is due; returns (rule, public id) for each, and does nothing on a dry run."""
    now = now or timezone.now()
    done = []
    for submission in decided_with_original():
        done.append(("original", submission.public_id))
        if not dry_run:
            delete_original(submission)
    for rule, submission in list(due(now)):
        done.append((rule, submission.public_id))
        if not dry_run:
            erase(submission, reason=f"retention:{rule}")
    logs = old_sign_in_logs(now)
    count = sum(rows.count() for rows in logs)
    if count:
        done.append(("sign_in_logs", f"{count} log rows"))
        if not dry_run:
            for rows in logs:
                rows.delete()
    return done


def old_sign_in_logs(now: dt.datetime) -> list[QuerySet[Any]]:
    cutoff = now - SIGN_IN_LOGS_KEPT
    return [
        model.objects.filter(attempt_time__lt=cutoff) for model in (AccessLog, AccessFailureLog)
    ]
