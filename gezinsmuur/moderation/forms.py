from django import forms
from django.utils.translation import gettext_lazy as _

from gezinsmuur.submissions.models import RejectReason

# A take-down after a report has its own action (gezinsmuur/reports), not a reason to pick here.
REJECT_REASONS = [
    ("", _("Choose a reason")),
    *[choice for choice in RejectReason.choices if choice[0] != RejectReason.TAKEN_DOWN],
]


class DecisionForm(forms.Form):
    decision = forms.ChoiceField(
        choices=[("approve", _("Approve")), ("reject", _("Reject")), ("skip", _("Skip"))]
    )
    reason = forms.ChoiceField(label=_("Reason"), choices=REJECT_REASONS, required=False)
    reason_text = forms.CharField(label=_("Or type a reason"), max_length=200, required=False)

    def clean(self) -> dict:
        data = super().clean() or {}
        # A typed reason wins; a listed one is stored as its code and shown translated.
        reason = data.get("reason_text") or data.get("reason") or ""
        if data.get("decision") == "reject" and not reason:
            raise forms.ValidationError(_("Choose or type a reason to reject."))
        data["reason_code"] = reason
        return data


class BulkApproveForm(forms.Form):
    selected = forms.MultipleChoiceField(choices=[])

    def __init__(self, *args: object, choices: list[tuple[str, str]], **kwargs: object) -> None:
        super().__init__(*args, **kwargs)  # type: ignore[arg-type]
        self.fields["selected"].choices = choices  # type: ignore[attr-defined]
