"""What a participant agrees to, per use, in plain words; versioned so a record never changes.

Change a text: change CONSENT_VERSION too. Each submission stores the version, the language, a
SHA-256 of the texts exactly as shown in that language, the choices and the time.
"""

import hashlib
from typing import Any

from django.utils import timezone, translation
from django.utils.translation import gettext_lazy as _

CONSENT_VERSION = "2026-12-1"

PUBLICATION = [
    ("wall", _("Show my photo and message on the public wall.")),
    ("private", _("Count my voice, but keep my photo and message private.")),
]
UPLOADER = [
    ("adult", _("I am 18 or older.")),
    ("teen", _("I am 13 to 17 years old and I am the only person in the photo.")),
]
USES = {
    "consent_partners": _("The partner organisations may show it on their own websites."),
    "consent_event": _(
        "It may be shown on the printed wall and big screens at the event on 15 May."
    ),
    "consent_press": _("It may be used in campaign posts on social media and in the press."),
}
PEOPLE = {
    "consent_adults": _("Every adult in the photo agreed to share it."),
    "consent_children": _(
        "If there are children in the photo: I hold parental responsibility for each of them, "
        "and every child aged 12 or older agreed too."
    ),
}


def texts() -> list[str]:
    """All consent texts in the active language, in a fixed order."""
    labels = [label for _code, label in PUBLICATION + UPLOADER]
    return [str(label) for label in [*labels, *USES.values(), *PEOPLE.values()]]


def record(choices: dict[str, Any], language: str) -> dict[str, Any]:
    """The proof of consent to store with a submission (no IP address, no user agent)."""
    with translation.override(language):
        shown = "\n".join(texts())
    return {
        "version": CONSENT_VERSION,
        "language": language,
        "text_sha256": hashlib.sha256(shown.encode()).hexdigest(),
        "choices": choices,
        "at": timezone.now().isoformat(),
    }


def wall_consent(language: str) -> dict[str, Any]:
    """The record of an adult who agreed to the wall and every use (demo content and tests)."""
    choices: dict[str, Any] = {"publication": "wall", "uploader": "adult"}
    choices.update(dict.fromkeys([*USES, *PEOPLE], True))
    return record(choices, language)
