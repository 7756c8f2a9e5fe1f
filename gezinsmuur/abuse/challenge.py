"""Proof of work for the share form: ALTCHA, self-hosted.

The browser fetches a challenge from `/altcha/challenge/` (signed with ALTCHA_HMAC_KEY, valid 20
minutes), the vendored widget (static/vendor/altcha) solves it in a worker, and the form posts the
solution. The server verifies it (django-altcha) and marks it used in the shared cache with an
atomic `add`, so a replayed solution is refused on every process. Under a flood of attempts the
next challenges cost more work.

Without JavaScript no proof of work is possible. Such a form says so (a field inside <noscript>),
and is let through a narrow lane instead: one photo per network per hour and a small budget for the
whole site, flagged for the moderators. The lane closes when the budget is spent.
"""

import base64
import binascii
import json
import time

from django import forms
from django.conf import settings
from django.core.cache import cache
from django.http import HttpRequest, HttpResponse, JsonResponse
from django.utils.translation import gettext_lazy as _
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_GET
from django_altcha import AltchaField, get_altcha_challenge

from gezinsmuur.lib import counters

from . import limits

FLOOD_KEY = "abuse:attempts:{minute}"
REPLAY_KEY = "abuse:altcha-used:{challenge}"

MESSAGES = {
    "required": _(
        "The automatic check that you are not a robot has not finished. "
        "Please wait a moment and send the form again."
    ),
    "invalid": _(
        "The automatic check that you are not a robot failed. Please send the form again."
    ),
}


def note_attempt() -> None:
    """Count a share attempt (any outcome) in this minute, for the whole site."""
    counters.increment(FLOOD_KEY.format(minute=int(time.time() // 60)), 180)


def attempts_last_minute() -> int:
    minute = int(time.time() // 60)
    keys = [FLOOD_KEY.format(minute=m) for m in (minute, minute - 1)]
    counts = cache.get_many(keys)
    return max(counts.values(), default=0)


def difficulty() -> int:
    """The largest secret number a challenge may hide: the expected work is half of it."""
    base = settings.ALTCHA_MAX_NUMBER
    flooding = attempts_last_minute() > settings.ALTCHA_FLOOD_PER_MINUTE
    return base * settings.ALTCHA_FLOOD_FACTOR if flooding else base


@never_cache
@require_GET
def challenge(request: HttpRequest) -> HttpResponse:
    limited = limits.check(request, "challenge")
    if limited:
        response = JsonResponse({"error": "too many requests"}, status=429)
        response["Retry-After"] = str(limited.retry_after)
        return response
    return JsonResponse(get_altcha_challenge(max_number=difficulty()).to_dict())


class ProofOfWorkField(AltchaField):
    """django-altcha's field with our messages and an atomic replay check in the shared cache."""

    def __init__(self, **kwargs: object) -> None:
        kwargs.setdefault("required", False)  # the view decides: see `SubmissionForm.clean`
        super().__init__(**kwargs)
        # The vendored "external" build, so the CSP needs no inline code (see the template).
        self.widget.template_name = "abuse/altcha_widget.html"
        self.error_messages.update(
            {
                "required": MESSAGES["required"],
                "error": MESSAGES["invalid"],
                "invalid": MESSAGES["invalid"],
                "replay": MESSAGES["invalid"],
            }
        )

    def replay_attack_protection(self, payload: str) -> None:
        try:
            challenge = json.loads(base64.b64decode(payload).decode())["challenge"]
        except (ValueError, KeyError, TypeError, binascii.Error):
            raise forms.ValidationError(self.error_messages["error"], code="error") from None
        timeout = settings.ALTCHA_CHALLENGE_EXPIRE // 1000
        if not cache.add(REPLAY_KEY.format(challenge=challenge), 1, timeout):
            raise forms.ValidationError(self.error_messages["replay"], code="replay")

    skip = False  # set per form for a retry of an accepted form: its solution was used already

    def validate(self, value: object) -> None:
        if self.skip or (not value and not self.required):
            return  # no solution at all: the no-JavaScript lane, decided by the form
        super().validate(value)

    def configure(self, url: str) -> None:
        """Per form: where to fetch challenges, and the widget's words in the page's language."""
        self.widget.options.update(  # type: ignore[attr-defined]
            {
                "challengeurl": url,
                "auto": "onload",
                "hidefooter": True,
                "hidelogo": True,  # its link to altcha.org is focusable yet aria-hidden
                "strings": widget_strings(),
            }
        )


def widget_strings() -> str:
    return json.dumps(
        {
            "label": str(_("I am not a robot")),
            "verifying": str(_("Checking that you are not a robot…")),
            "verified": str(_("Checked: you are not a robot")),
            "waitAlert": str(_("Still checking… please wait a moment.")),
            "error": str(_("The check failed. Please try again later.")),
            "expired": str(_("The check expired. Please try again.")),
            "verificationRequired": str(_("Please wait until the check has finished.")),
            "ariaLinkLabel": "ALTCHA",
            "footer": "",
            "loading": str(_("Loading…")),
            "reload": str(_("Try again")),
            "verify": str(_("Check")),
        },
        ensure_ascii=False,
    )
