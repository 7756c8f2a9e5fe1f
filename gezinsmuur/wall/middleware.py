"""A page cache for the public pages that holds under a visitor spike.

Views opt in with `@public_page`. A cached page is answered before sessions, CSRF or the
database are touched. When an entry goes stale, exactly one request renders it again (a lock in
the cache) while the others keep getting the stale copy: no stampede when TV sends a crowd.
"""

import time
from collections.abc import Callable
from functools import wraps
from typing import Any

from django.conf import settings
from django.core.cache import cache
from django.http import HttpRequest, HttpResponse

STALE_FACTOR = 20  # keep a stale copy twenty times longer than it is fresh
LOCK_SECONDS = 10


def public_page(view: Callable[..., HttpResponse]) -> Callable[..., HttpResponse]:
    """Mark a view's 200 responses as the same for every visitor, so they may be cached."""

    @wraps(view)
    def wrapper(request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponse:
        response = view(request, *args, **kwargs)
        mark_public(response)
        return response

    return wrapper


def mark_public(response: HttpResponse) -> None:
    response.public_page = True  # type: ignore[attr-defined]


class PublicPageCacheMiddleware:
    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        seconds = settings.PUBLIC_CACHE_SECONDS
        if request.method not in ("GET", "HEAD") or seconds <= 0:
            return self.get_response(request)
        key = "page:" + request.get_full_path()
        entry = cache.get(key)
        if entry and (entry[0] > time.time() or not cache.add(key + ":lock", 1, LOCK_SECONDS)):
            return _response(entry[1], entry[2], hit=True)
        response = self.get_response(request)
        if _cacheable(response):
            # Browsers and proxies may keep it briefly too; the language is in the path, not a header.
            response["Cache-Control"] = f"public, max-age={min(seconds, 10)}"
            del response["Vary"]
            fresh_until = time.time() + seconds
            cache.set(key, (fresh_until, response.content, list(response.items())), seconds * STALE_FACTOR)
        cache.delete(key + ":lock")
        return response


def _cacheable(response: HttpResponse) -> bool:
    return (
        getattr(response, "public_page", False)
        and response.status_code == 200
        and not response.cookies
        and not response.streaming
    )


def _response(content: bytes, headers: list[tuple[str, str]], *, hit: bool) -> HttpResponse:
    response = HttpResponse(content)
    for name, value in headers:
        response[name] = value
    response["X-Cache"] = "hit" if hit else "miss"
    return response
