"""A participant's photo and message, and the audit log of every change to it.

The row is the source of truth for a submission's state. Public pages read it only through
`Submission.objects.public()`.
"""

import secrets
import uuid

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _


def new_public_id() -> str:
    # 72 random bits, URL-safe: tile URLs are not sequential and cannot be enumerated.
    return secrets.token_urlsafe(9)


class Status(models.TextChoices):
    RECEIVED = "received", _("Received")
    PROCESSING = "processing", _("Being processed")
    PENDING_REVIEW = "pending_review", _("Waiting for review")
    APPROVED = "approved", _("On the wall")
    REJECTED = "rejected", _("Not published")
    WITHDRAWN = "withdrawn", _("Withdrawn")
    FAILED = "failed", _("Could not be processed")


class RejectReason(models.TextChoices):
    """Reasons a moderator can pick; the participant reads them in their own language."""

    PERSONAL_DATA = (
        "personal_data",
        _("The message shares personal data (address, phone, case number)."),
    )
    NOT_A_FAMILY_PHOTO = "not_a_family_photo", _("This is not a family photo.")
    OFFENSIVE = "offensive", _("The photo or message is offensive.")
    UNCLEAR = "unclear", _("The photo is too dark, blurred or unclear.")
    CONSENT_DOUBT = "consent_doubt", _("We are not sure everyone in the photo agreed.")
    DUPLICATE = "duplicate", _("This photo was already shared.")
    TAKEN_DOWN = "taken_down", _("After a report, a moderator took the photo off the wall.")


class SubmissionQuerySet(models.QuerySet["Submission"]):
    def public(self) -> "SubmissionQuerySet":
        """The one gate for public pages: approved, meant for the wall, newest approval first."""
        return self.counted().filter(consent_publish=True).order_by("-approved_at", "-public_id")

    def counted(self) -> "SubmissionQuerySet":
        """Every approved voice, including those who keep their photo private."""
        return self.filter(status=Status.APPROVED)

    def for_review(self) -> "SubmissionQuerySet":
        """What moderators work through: waiting for review, or failed processing."""
        return self.filter(status__in=[Status.PENDING_REVIEW, Status.FAILED]).order_by("created_at")


class Submission(models.Model):
    public_id = models.CharField(max_length=16, unique=True, default=new_public_id, editable=False)
    # One per rendered form: a double click or a mobile retry finds the first submission again.
    idempotency_key = models.UUIDField(unique=True, default=uuid.uuid4, editable=False)
    status = models.CharField(max_length=16, choices=Status.choices, default=Status.RECEIVED)

    message = models.TextField(max_length=500)
    display_name = models.CharField(max_length=60, blank=True)
    municipality = models.CharField(max_length=80, blank=True)
    language = models.CharField(max_length=8)
    consent_publish = models.BooleanField(default=False, help_text="May appear on the public wall")
    consent_version = models.CharField(max_length=32)
    consent = models.JSONField(default=dict, blank=True, help_text="The record of consent, per use")
    blur_faces = models.BooleanField(
        default=False, help_text="The participant asked the worker to blur every face it finds"
    )

    original = models.CharField(
        max_length=100, blank=True, help_text="Key of the original in the private storage"
    )
    original_format = models.CharField(max_length=8, blank=True)
    width = models.PositiveIntegerField(default=0)
    height = models.PositiveIntegerField(default=0)
    renditions = models.JSONField(default=list, blank=True)
    placeholder = models.CharField(max_length=7, blank=True)
    sha256 = models.CharField(max_length=64, blank=True, db_index=True)
    phash = models.BigIntegerField(null=True, blank=True)
    phash_mirror = models.BigIntegerField(null=True, blank=True)

    # The participant's private link: only a SHA-256 of the token is kept (see privatelink.py).
    token_hash = models.CharField(max_length=64, blank=True, db_index=True, editable=False)

    attempts = models.PositiveSmallIntegerField(default=0)
    failure = models.CharField(max_length=200, blank=True)
    flags = models.JSONField(default=list, blank=True)
    reject_reason = models.CharField(max_length=200, blank=True)

    created_at = models.DateTimeField(auto_now_add=True)
    status_changed_at = models.DateTimeField(auto_now_add=True)
    approved_at = models.DateTimeField(null=True, blank=True)

    objects = SubmissionQuerySet.as_manager()

    class Meta:
        indexes = [
            models.Index(
                fields=["status", "consent_publish", "-approved_at", "-public_id"],
                name="wall_order",
            ),
            models.Index(fields=["status", "created_at"], name="queue_order"),
        ]
        permissions = [("moderate_submission", "Can review and moderate submissions")]

    def __str__(self) -> str:
        return f"Submission {self.public_id} ({self.status})"

    @property
    def flag_labels(self) -> list[str]:
        from .flags import flag_label  # flags reads this model; the labels are only for display

        return [flag_label(code) for code in self.flags]

    @property
    def reject_reason_text(self) -> str:
        """A listed reason in the reader's language; a typed one as the moderator wrote it."""
        if self.reject_reason in RejectReason.values:
            return str(RejectReason(self.reject_reason).label)
        return self.reject_reason


class ModerationEvent(models.Model):
    """Append-only audit log: who changed what, when and why. Never updated, never deleted by hand."""

    submission = models.ForeignKey(Submission, on_delete=models.CASCADE, related_name="events")
    actor = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    from_status = models.CharField(max_length=16, choices=Status.choices, blank=True)
    to_status = models.CharField(max_length=16, choices=Status.choices)
    reason = models.CharField(max_length=200, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["created_at", "id"]

    def __str__(self) -> str:
        return f"{self.submission_id}: {self.from_status} → {self.to_status}"

    def save(self, *args: object, **kwargs: object) -> None:
        if self.pk:
            raise ValueError("Moderation events are append-only.")
        super().save(*args, **kwargs)  # type: ignore[arg-type]


class Tombstone(models.Model):
    """What is left of an erased submission: its id and content hash, nothing personal.

    A restored backup replays these deletions before it serves anything.
    """

    public_id = models.CharField(max_length=16, unique=True)
    sha256 = models.CharField(max_length=64, blank=True)
    reason = models.CharField(max_length=32)
    erased_at = models.DateTimeField(auto_now_add=True)

    def __str__(self) -> str:
        return f"Tombstone {self.public_id} ({self.reason})"
