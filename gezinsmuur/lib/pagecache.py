"""The public page cache's generation: bumping it retires every cached page at once.

Used when something must leave every page now (a withdrawal, an edit of a published message);
new approvals simply show when the cached copy goes stale.
"""

from django.core.cache import cache

KEY = "pagecache:generation"


def generation() -> int:
    return cache.get_or_set(KEY, 1, timeout=None) or 1


def invalidate() -> None:
    try:
        cache.incr(KEY)
    except ValueError:  # not set yet (or evicted): any new value retires the old pages
        cache.set(KEY, 2, timeout=None)
