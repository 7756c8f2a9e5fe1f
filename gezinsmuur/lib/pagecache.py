"""The public page cache's generation: bumping it retires every cached page at once.

Used when something must leave every page now (a withdrawal, an edit of a published message);
new approvals simply show when the cached copy goes stale.
"""

import time
from datetime import datetime

from django.core.cache import cache

KEY = "pagecache:generation"


def generation() -> int:
    return cache.get_or_set(KEY, time.time_ns, timeout=None) or 0


def invalidate() -> None:
    try:
        cache.incr(KEY)
    except ValueError:  # not set yet (or evicted): a new value retires the old pages
        cache.set(KEY, time.time_ns(), timeout=None)


# A generation starts from the clock, not from 1: if the cache drops the key (a full local-memory
# cache culls, Redis evicts), counting again from 1 would bring back pages cached under an old
# generation, withdrawn photos included. A new start is always past every earlier value (it moves
# on by one per invalidation, the clock by a billion a second).


TILE_SECONDS = 3600


def tile_key(public_id: str, approved_at: datetime | None, language: str) -> str:
    """The cached HTML of one wall tile. A re-approval (after an edit) gives a new key."""
    moment = int(approved_at.timestamp() * 1_000_000) if approved_at else 0
    return f"tile:{language}:{public_id}:{moment}"


def forget_tile(public_id: str, approved_at: datetime | None) -> None:
    """Drop a tile's cached HTML in every language (erasure leaves no message text in a cache)."""
    from django.conf import settings

    cache.delete_many([tile_key(public_id, approved_at, code) for code, _ in settings.LANGUAGES])
