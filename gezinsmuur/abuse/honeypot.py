"""Two cheap bot traps for the share form: a field people never see, and a signed render time.

A filled-in trap field, or a form sent back sooner than a person could fill it in, is a bot: it
is answered like a success and nothing is stored, so it learns nothing. A render time that is
missing, forged or older than two hours is not proof of a bot (a tab left open overnight); that
form is refused with a request to send it again.
"""

import logging
import time
from enum import Enum

from django.conf import settings
from django.core import signing

log = logging.getLogger("gezinsmuur.abuse")

TRAP_FIELD = "website"
STAMP_FIELD = "rendered"
MAX_SECONDS = 2 * 3600
_signer = signing.Signer(salt="gezinsmuur.abuse.honeypot")


class Verdict(Enum):
    PERSON = "person"
    BOT = "bot"
    STALE = "stale"


def stamp(now: float | None = None) -> str:
    return _signer.sign(str(int(now if now is not None else time.time())))


def verdict(data: dict, now: float | None = None) -> Verdict:  # type: ignore[type-arg]
    if data.get(TRAP_FIELD):
        log.warning("abuse.honeypot reason=trap")
        return Verdict.BOT
    try:
        rendered = int(_signer.unsign(data.get(STAMP_FIELD) or ""))
    except (signing.BadSignature, ValueError):
        return Verdict.STALE
    age = (now if now is not None else time.time()) - rendered
    if age < settings.HONEYPOT_MIN_SECONDS:
        log.warning("abuse.honeypot reason=too_fast")
        return Verdict.BOT
    return Verdict.STALE if age > MAX_SECONDS else Verdict.PERSON
