from django import forms
from django.utils.translation import gettext_lazy as _

from gezinsmuur.submissions.forms import clean_text


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
