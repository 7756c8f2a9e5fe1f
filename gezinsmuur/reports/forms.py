from django import forms
from django.utils.translation import gettext_lazy as _

from .models import Reason


class ReportForm(forms.Form):
    reason = forms.ChoiceField(
        label=_("What is wrong with this photo?"),
        choices=Reason.choices,
        widget=forms.RadioSelect,
        error_messages={"required": _("Please choose what is wrong.")},
    )


class ReportDecisionForm(forms.Form):
    decision = forms.ChoiceField(choices=[("take_down", "take_down"), ("keep", "keep")])
