from django import forms
from django.utils.translation import gettext_lazy as _

REJECT_REASONS = [
    ("", _("Choose a reason")),
    ("personal_data", _("The message shares personal data (address, phone, case number).")),
    ("not_a_family_photo", _("This is not a family photo.")),
    ("offensive", _("The photo or message is offensive.")),
    ("unclear", _("The photo is too dark, blurred or unclear.")),
    ("consent_doubt", _("We are not sure everyone in the photo agreed.")),
    ("duplicate", _("This photo was already shared.")),
]
REASON_LABELS = dict(REJECT_REASONS[1:])


class DecisionForm(forms.Form):
    decision = forms.ChoiceField(
        choices=[("approve", _("Approve")), ("reject", _("Reject")), ("skip", _("Skip"))]
    )
    reason = forms.ChoiceField(label=_("Reason"), choices=REJECT_REASONS, required=False)
    reason_text = forms.CharField(label=_("Or type a reason"), max_length=200, required=False)

    def clean(self) -> dict:
        data = super().clean() or {}
        reason = data.get("reason_text") or str(REASON_LABELS.get(data.get("reason") or "", ""))
        if data.get("decision") == "reject" and not reason:
            raise forms.ValidationError(_("Choose or type a reason to reject."))
        data["reason_label"] = reason
        return data


class BulkApproveForm(forms.Form):
    selected = forms.MultipleChoiceField(choices=[])

    def __init__(self, *args: object, choices: list[tuple[str, str]], **kwargs: object) -> None:
        super().__init__(*args, **kwargs)  # type: ignore[arg-type]
        self.fields["selected"].choices = choices  # type: ignore[attr-defined]
