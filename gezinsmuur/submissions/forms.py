import unicodedata
import uuid

from django import forms
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from gezinsmuur.abuse import honeypot
from gezinsmuur.abuse.challenge import MESSAGES as PROOF_MESSAGES
from gezinsmuur.abuse.challenge import ProofOfWorkField
from gezinsmuur.images import ImageInfo, ImageRejected, inspect, sha256_file

from . import consent
from .models import Submission

ACCEPT = "image/jpeg,image/png,image/webp,image/heic,image/heif,image/avif,.jpg,.jpeg,.png,.webp,.heic,.heif,.avif"

REJECT_MESSAGES = {
    "format": _(
        "This file is not a photo we can use. Please choose a JPEG, PNG, WebP, HEIC or AVIF photo."
    ),
    "pixels": _(
        "This photo has too many pixels (more than %(megapixels)s megapixels). Please choose a "
        "smaller photo."
    ),
    "dimensions": _(
        "This photo is too small, too large or too narrow. Please choose an ordinary photo."
    ),
    "corrupt": _(
        "This photo seems damaged or incomplete. Please try again or choose another photo."
    ),
    "too_large": _("This photo is larger than 25 MB. Please choose a smaller photo."),
    "duplicate": _(
        "We already received this photo, thank you. To change your message, use the private "
        "link you got after sharing it."
    ),
}
# HTTP status per refusal: 413 for too many bytes, 415 for a format we do not take, 409 for a
# photo we already have, 422 otherwise.
REJECT_STATUS = {"too_large": 413, "format": 415, "duplicate": 409}
LIMITED = _("You have shared several photos in a short time. Thank you! Please try again later.")
NOJS_LIMITED = _(
    "Without JavaScript we can take only a few photos at a time. Please try again later, "
    "or turn on JavaScript in your browser."
)
STALE_FORM = _("This form was open for a long time. Please check it and send it again.")

# Bidirectional controls could make a message display differently from what was typed.
BIDI_CONTROLS = dict.fromkeys(map(ord, "\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069"))


MAX_COMBINING_RUN = 4  # enough for Arabic vowel marks on a letter; "Zalgo" text is cut short


def clean_text(value: str) -> str:
    """NFC, no bidirectional controls, and no long runs of combining marks."""
    text = unicodedata.normalize("NFC", value).translate(BIDI_CONTROLS)
    kept, run = [], 0
    for char in text:
        run = run + 1 if unicodedata.category(char).startswith("M") else 0
        if run <= MAX_COMBINING_RUN:
            kept.append(char)
    return "".join(kept).strip()


class SubmissionForm(forms.Form):
    photo = forms.FileField(
        label=_("Your family photo"),
        help_text=_("JPEG, PNG, WebP, HEIC or AVIF, up to 25 MB."),
        widget=forms.FileInput(attrs={"accept": ACCEPT, "data-photo-input": ""}),
        error_messages={"required": _("Please choose a photo.")},
    )
    blur_faces = forms.BooleanField(
        label=_("Blur all faces for me"),
        help_text=_(
            "We make the faces we find unrecognisable before anyone else sees the photo. "
            "A moderator checks that no face was missed."
        ),
        required=False,
        widget=forms.CheckboxInput(attrs={"data-blur-faces": ""}),
    )
    message = forms.CharField(
        label=_("Your message"),
        help_text=_("Up to 500 characters. Plain text."),
        # The 500-character limit is checked in clean_message, after normalisation.
        widget=forms.Textarea(attrs={"rows": 4, "maxlength": 500, "data-counter": ""}),
        error_messages={"required": _("Please write a short message.")},
    )
    display_name = forms.CharField(
        label=_("Name shown with the photo (optional)"),
        help_text=_("For example “Helen & Adam”. Leave empty to stay anonymous."),
        max_length=60,
        required=False,
    )
    municipality = forms.CharField(
        label=_("Municipality (optional)"), max_length=80, required=False
    )
    email = forms.EmailField(
        label=_("E-mail address (optional)"),
        help_text=_("Only to send you your private link. We do not keep the address."),
        required=False,
    )
    publication = forms.ChoiceField(
        label=_("Where may your photo appear?"),
        choices=consent.PUBLICATION,
        widget=forms.RadioSelect,
        error_messages={"required": _("Please choose whether your photo may appear on the wall.")},
    )
    consent_partners = forms.BooleanField(label=consent.USES["consent_partners"], required=False)
    consent_event = forms.BooleanField(label=consent.USES["consent_event"], required=False)
    consent_press = forms.BooleanField(label=consent.USES["consent_press"], required=False)
    uploader = forms.ChoiceField(
        label=_("Who are you?"),
        choices=consent.UPLOADER,
        widget=forms.RadioSelect,
        error_messages={"required": _("Please tell us your age group.")},
    )
    consent_adults = forms.BooleanField(
        label=consent.PEOPLE["consent_adults"],
        error_messages={"required": _("We can only use a photo that everyone in it agreed to.")},
    )
    consent_children = forms.BooleanField(
        label=consent.PEOPLE["consent_children"],
        error_messages={"required": _("We can only use a photo that everyone in it agreed to.")},
    )
    idempotency_key = forms.UUIDField(widget=forms.HiddenInput)
    altcha = ProofOfWorkField(label=_("Check that you are not a robot"))

    def __init__(self, *args: object, retry: bool = False, **kwargs: object) -> None:
        """`retry`: this idempotency key was already accepted; the form only finds it again."""
        kwargs.setdefault("initial", {"idempotency_key": uuid.uuid4()})
        super().__init__(*args, **kwargs)  # type: ignore[arg-type]
        proof = self.fields["altcha"]
        assert isinstance(proof, ProofOfWorkField)
        proof.configure(reverse("altcha-challenge"))
        proof.skip = retry
        self.image_info: ImageInfo | None = None
        self.sha256 = ""
        self.refusal = ""
        self.retry = retry
        self.without_proof = False  # sent without JavaScript: no proof of work was possible

    def stamp(self) -> str:
        """A fresh signed render time for the page (see gezinsmuur/abuse/honeypot.py)."""
        return honeypot.stamp()

    def clean(self) -> dict[str, object]:
        cleaned = super().clean() or {}
        if self.retry or "altcha" in self.errors or cleaned.get("altcha"):
            return cleaned
        if self.data.get("nojs") != "1":
            raise forms.ValidationError(PROOF_MESSAGES["required"], code="proof_required")
        self.without_proof = True
        return cleaned

    def clean_message(self) -> str:
        message = clean_text(self.cleaned_data["message"])
        if len(message) > 500:
            raise forms.ValidationError(_("Please keep your message to 500 characters."))
        if not message:
            raise forms.ValidationError(_("Please write a short message."))
        return message

    def consent_choices(self) -> dict[str, object]:
        fields = ["publication", "uploader", *consent.USES, *consent.PEOPLE]
        choices = {name: self.cleaned_data[name] for name in fields}
        if choices["publication"] != "wall":  # a private voice is used nowhere
            choices.update(dict.fromkeys(consent.USES, False))
        return choices

    def clean_display_name(self) -> str:
        return clean_text(self.cleaned_data["display_name"])

    def clean_municipality(self) -> str:
        return clean_text(self.cleaned_data["municipality"])

    def clean_photo(self):  # type: ignore[no-untyped-def]
        photo = self.cleaned_data["photo"]
        try:
            self.image_info = inspect(photo)
        except ImageRejected as rejected:
            self.refuse(rejected.reason, megapixels=rejected.limit // 1_000_000)
        self.sha256 = sha256_file(photo)  # leaves the file at its start
        if not self.retry and Submission.objects.filter(sha256=self.sha256).exists():
            self.refuse("duplicate")
        return photo

    def refuse(self, reason: str, **params: object) -> None:
        self.refusal = reason
        raise forms.ValidationError(REJECT_MESSAGES[reason], code=reason, params=params or None)

    @property
    def status_code(self) -> int:
        return REJECT_STATUS.get(self.refusal, 422) if self.refusal else 400
