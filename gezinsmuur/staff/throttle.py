"""Login throttles: django-axes per account and network, and a soft delay per account.

What django-axes counts login failures by: the account and the client's network.

The network is `abuse.clientip.network` (an IPv4 address, or an IPv6 /64, from trusted proxy hops
only), written as its first address: axes stores it in an IP address column, which on PostgreSQL
takes an address, not a network like `2001:db8::/64`.
"""

import hashlib
import math
import time

from django.core.cache import cache
from django.http import HttpRequest

from gezinsmuur.abuse.clientip import network
from gezinsmuur.lib import counters


def network_address(request: HttpRequest) -> str:
    return network(request).split("/", 1)[0]


# W08's second half: one account tried from many networks (credential stuffing spread over a
# botnet) never trips the per-network lock above. After ACCOUNT_FREE_FAILURES failures for one
# account from anywhere within ACCOUNT_WINDOW, each further try must wait 1, 2, 4 ... up to
# ACCOUNT_MAX_DELAY seconds after the last failure. A soft delay, not a lockout: the real user,
# from any network, gets in at most a minute later (ASVS 6.1.1: no malicious lockout), while a
# botnet's thousands of guesses an hour drop to about sixty.
ACCOUNT_WINDOW = 15 * 60
ACCOUNT_FREE_FAILURES = 10
ACCOUNT_MAX_DELAY = 60
clock = time.time  # tests move it


def _account_keys(username: str) -> tuple[str, str]:
    digest = hashlib.sha256(username.casefold().encode()).hexdigest()[:32]
    return f"login-account:{digest}:failures", f"login-account:{digest}:last"


def note_failure(username: str) -> None:
    failures, last = _account_keys(username)
    counters.increment(failures, ACCOUNT_WINDOW)
    cache.set(last, clock(), ACCOUNT_WINDOW)


def account_wait(username: str) -> int:
    """Seconds this account's next try must still wait; 0 when it may go ahead."""
    failures_key, last_key = _account_keys(username)
    failures = cache.get(failures_key, 0)
    if failures < ACCOUNT_FREE_FAILURES:
        return 0
    delay = min(2 ** (failures - ACCOUNT_FREE_FAILURES), ACCOUNT_MAX_DELAY)
    remaining = cache.get(last_key, 0.0) + delay - clock()
    return math.ceil(remaining) if remaining > 0 else 0
