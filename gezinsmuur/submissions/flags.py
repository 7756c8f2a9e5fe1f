"""Automatic flags for the moderators. They never publish or hide anything by themselves.

Flags are codes; `flag_label()` gives the moderator a translated label. A code may carry a count
after a colon ("faces_blurred:2").
"""

import re
from datetime import timedelta

from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext

from gezinsmuur.images import from_signed64, hamming

from .models import Status, Submission

NEAR_DUPLICATE_BITS = 8
DUPLICATE_WINDOW = timedelta(days=30)

FLAG_LABELS = {
    "url": _("Contains a web address"),
    "email": _("Contains an e-mail address"),
    "phone": _("Contains a phone number"),
    "national_number": _("Contains what looks like a national register number"),
    "duplicate": _("Exactly the same photo was shared before"),
    "possible_duplicate": _("Looks like a photo shared before"),
    "no_face_found": _("Faces should be blurred, but none were found: check the photo"),
    "no_proof_of_work": _("Sent without JavaScript, so without the anti-robot check"),
    "address": _("Contains what looks like a street address"),
}
# Set when the photo arrives (the rest are computed by the worker) and kept through processing.
INTAKE_FLAGS = {"no_proof_of_work"}
PATTERNS = {
    "url": re.compile(
        r"(https?://|www\.)\S+|(?<![@.\w-])[\w-]+\.(be|com|org|net|eu|nl|fr)\b", re.I
    ),
    "email": re.compile(r"[\w.+-]+@[\w-]+\.[\w.]+"),
    "phone": re.compile(r"(\+|00)\d[\d /.-]{7,}\d|\b0\d[\d /.-]{7,}\d"),
    "national_number": re.compile(r"\b\d{2}[.\s]?\d{2}[.\s]?\d{2}[-\s]?\d{3}[.\s]?\d{2}\b"),
    # "Kerkstraat 12", "rue de la Loi 16", "12 rue Haute", "Avenue Louise 54": a street and a number.
    "address": re.compile(
        r"\b\w*(straat|laan|lei|weg|plein|steenweg|dreef|kaai|strasse|straße)\s+\d{1,4}[a-z]?\b"
        r"|\b(rue|avenue|chauss[ée]e|boulevard|place|quai|impasse|street|road)\b[^\n,.;]{1,40}?\d{1,4}\b"
        r"|\b\d{1,4},?\s+(rue|avenue|chauss[ée]e|boulevard|place|quai|impasse)\b",
        re.I,
    ),
}


def flag_label(code: str) -> str:
    name, _sep, count = code.partition(":")
    if name == "faces_blurred":
        faces = int(count or 0)
        return ngettext(
            "%(count)d face blurred automatically: check that every face is covered",
            "%(count)d faces blurred automatically: check that every face is covered",
            faces,
        ) % {"count": faces}
    return str(FLAG_LABELS.get(code, code))


def face_flags(asked: bool, faces_blurred: int) -> list[str]:
    """The worker's face blur is a help, not a guarantee: the moderator always checks."""
    if not asked:
        return []
    return [f"faces_blurred:{faces_blurred}"] if faces_blurred else ["no_face_found"]


def message_flags(message: str) -> list[str]:
    return [code for code, pattern in PATTERNS.items() if pattern.search(message)]


def duplicate_flags(sha256: str, phash: int, phash_mirror: int, exclude_pk: int) -> list[str]:
    """Exact copies by SHA-256; near copies (re-encoded, resized, mirrored) by perceptual hash."""
    recent = Submission.objects.exclude(pk=exclude_pk).exclude(status=Status.WITHDRAWN)
    if recent.filter(sha256=sha256).exists():
        return ["duplicate"]
    since = timezone.now() - DUPLICATE_WINDOW
    hashes = recent.filter(created_at__gte=since, phash__isnull=False).values_list(
        "phash", flat=True
    )
    for stored in hashes.iterator():
        other = from_signed64(stored or 0)
        if min(hamming(other, phash), hamming(other, phash_mirror)) <= NEAR_DUPLICATE_BITS:
            return ["possible_duplicate"]
    return []
