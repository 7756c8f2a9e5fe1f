"""Rate limits per network (an IPv4 address or an IPv6 /64), counted in the shared cache.

Only what succeeded is counted for the share form (a participant whose photo was refused can try
again); reports, private links and challenges count every request. Limits are data, so the
moderators' runbook can quote them; a refused request gets a 429 with Retry-After.
"""

import logging
from dataclasses import dataclass

from django.http import HttpRequest
from django_ratelimit.core import get_usage

from .clientip import network

log = logging.getLogger("gezinsmuur.abuse")

# group: rates that all apply ("count/period", period in s, m, h or d).
RATES: dict[str, tuple[str, ...]] = {
    "submit": ("3/h", "10/d"),
    "submit-nojs": ("1/h",),  # the lane without proof of work (see abuse/challenge.py)
    "submit-nojs-site": ("30/h",),  # ... and its budget for the whole site
    "report": ("10/h",),
    "private-link": ("20/h",),
    "challenge": ("60/m",),
}


@dataclass(frozen=True)
class Limited:
    retry_after: int  # seconds


SITE_WIDE = {"submit-nojs-site"}


def _key(group: str, request: HttpRequest) -> str:
    return "site" if group in SITE_WIDE else network(request)


def check(request: HttpRequest, group: str, *, count: bool = True) -> Limited | None:
    """Is `request`'s network over a limit of `group`? Counts this request if `count`."""
    waits = []
    for rate in RATES[group]:
        usage = get_usage(request, group=group, key=_key, rate=rate, increment=count)
        # Counting this request: over once past the limit. Only looking: over once at it.
        if usage and (usage["should_limit"] or (not count and usage["count"] >= usage["limit"])):
            waits.append(max(1, int(usage["time_left"])))
    if not waits:
        return None
    log.warning("abuse.ratelimit group=%s", group)
    return Limited(retry_after=max(waits))


def count(request: HttpRequest, group: str) -> None:
    """Count a success after the fact (the share form counts only accepted photos)."""
    for rate in RATES[group]:
        get_usage(request, group=group, key=_key, rate=rate, increment=True)
