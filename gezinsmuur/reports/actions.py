"""Reporting a tile, and what moderators do with reports. Every change is a function here."""

import hashlib
import hmac
import logging

from django.conf import settings
from django.contrib.auth.models import User
from django.core.mail import send_mail
from django.db import IntegrityError, transaction
from django.db.models import Count, Q, QuerySet
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _

from gezinsmuur.moderation import actions as moderation
from gezinsmuur.submissions.models import Submission

from .models import Reason, Report

log = logging.getLogger("gezinsmuur.reports")

ALERT_AT = 5  # distinct networks reporting one tile before moderators are alerted


def network_hash(network: str) -> str:
    return hmac.new(settings.SECRET_KEY.encode(), network.encode(), hashlib.sha256).hexdigest()


def report(submission: Submission, *, reason: str, network: str) -> bool:
    """Record a report; False if this network already reported this tile (nothing changes)."""
    try:
        with transaction.atomic():
            Report.objects.create(
                submission=submission, reason=reason, network=network_hash(network)
            )
    except IntegrityError:
        return False
    open_reports = Report.objects.filter(submission=submission, handled_at__isnull=True)
    log.info("report.received id=%s reason=%s", submission.public_id, reason)
    if reason == Reason.SUBJECT or open_reports.count() == ALERT_AT:
        alert_moderators(submission, reason)  # the report is committed already
    return True


def needing_attention() -> QuerySet[Submission]:
    """Tiles with open reports that moderators must see: "this is me" first, then many reports."""
    subject = Q(reports__reason=Reason.SUBJECT, reports__handled_at__isnull=True)
    return (
        Submission.objects.annotate(
            open_reports=Count("reports", filter=Q(reports__handled_at__isnull=True)),
            subject_requests=Count("reports", filter=subject),
        )
        .filter(Q(subject_requests__gt=0) | Q(open_reports__gte=ALERT_AT))
        .order_by("-subject_requests", "-open_reports", "public_id")
    )


def take_down(submission: Submission, *, moderator: User) -> bool:
    """One action: the tile leaves the wall at once and its reports are closed."""
    done = moderation.take_down(submission, moderator=moderator, reason="reported")
    close(submission)
    return done


def keep(submission: Submission, *, moderator: User) -> None:
    """The moderator looked and the tile stays; its reports are closed."""
    close(submission)
    log.info("report.kept id=%s moderator=%s", submission.public_id, moderator.pk)


def close(submission: Submission) -> None:
    Report.objects.filter(submission=submission, handled_at__isnull=True).update(
        handled_at=timezone.now()
    )


def alert_moderators(submission: Submission, reason: str) -> None:
    """E-mail every moderator who has an address; the queue shows the same at the top."""
    addresses = list(
        User.objects.filter(groups__name="moderator", is_active=True)
        .exclude(email="")
        .values_list("email", flat=True)
    )
    if not addresses:
        return
    url = settings.BASE_URL + reverse("moderation:queue")
    subject = (
        _("A person asks for their photo to be taken down")
        if reason == Reason.SUBJECT
        else _("A photo on the wall was reported several times")
    )
    try:
        send_mail(str(subject), f"{subject}\n\n{url}\n", None, addresses)
    except OSError:
        log.warning("report.alert_failed id=%s", submission.public_id)
