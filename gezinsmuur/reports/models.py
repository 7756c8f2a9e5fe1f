"""A visitor's report about a tile on the wall.

One report per tile per network: the network (IPv4 address or IPv6 /64) is kept only as a keyed
hash, enough to recognise a second report from the same place, never the address itself.
"""

from django.db import models
from django.utils.translation import gettext_lazy as _

from gezinsmuur.submissions.models import Submission


class Reason(models.TextChoices):
    SUBJECT = "subject", _("This is me or my child, and I want the photo taken down")
    PERSONAL_DATA = "personal_data", _("It shows personal data, such as an address or phone number")
    OFFENSIVE = "offensive", _("It is offensive or hateful")
    SPAM = "spam", _("It is not a family photo, or it is advertising")
    OTHER = "other", _("Something else is wrong")


class Report(models.Model):
    submission = models.ForeignKey(Submission, on_delete=models.CASCADE, related_name="reports")
    reason = models.CharField(max_length=20, choices=Reason.choices)
    network = models.CharField(max_length=64)  # HMAC-SHA256 of the reporter's network
    created_at = models.DateTimeField(auto_now_add=True)
    handled_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["submission", "network"], name="one_report_per_network")
        ]
        indexes = [models.Index(fields=["handled_at", "reason"])]

    def __str__(self) -> str:
        return f"{self.submission.public_id}: {self.reason}"
