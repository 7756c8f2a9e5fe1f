"""Counters in the shared cache (Redis in production), atomic across processes."""

from django.core.cache import cache


def increment(key: str, timeout: int) -> int:
    """Add one to the counter at `key`, made with `timeout` seconds to live; the new count."""
    if cache.add(key, 1, timeout):
        return 1
    try:
        return cache.incr(key)
    except ValueError:  # it expired between add() and incr()
        cache.add(key, 1, timeout)
        return 1
