from django import forms
from django.utils.translation import gettext_lazy as _

from gezinsmuur.submissions import consent
from gezinsmuur.submissions.forms import clean_text
from gezinsmuur.submissions.models import Submission


class EditMessageForm(forms.Form):
    message = forms.CharField(
        label=_("Your message"),
        help_text=_("Up to 500 characters. A changed message is reviewed again before it shows."),
        widget=forms.Textarea(attrs={"rows": 4, "maxlength": 500}),
    )

    def clean_message(self) -> str:
        message = clean_text(self.cleaned_data["message"])
        if not message:
            raise forms.ValidationError(_("Please write a short message."))
        if len(message) > 500:
            raise forms.ValidationError(_("Please keep your message to 500 characters."))
        return message


class ConsentForm(forms.Form):
    """The uses a participant may change later; who is in the photo was confirmed when sharing."""

    publication = forms.ChoiceField(
        label=_("Where may your photo appear?"),
        choices=consent.PUBLICATION,
        widget=forms.RadioSelect,
    )
    consent_partners = forms.BooleanField(label=consent.USES["consent_partners"], required=False)
    consent_event = forms.BooleanField(label=consent.USES["consent_event"], required=False)
    consent_press = forms.BooleanField(label=consent.USES["consent_press"], required=False)

    @classmethod
    def for_submission(cls, submission: Submission) -> "ConsentForm":
        return cls(initial=submission.consent.get("choices", {}), prefix="consent")
