"""A page cache for the public pages that holds under a visitor spike.

Views opt in with `@public_page`. A cached page is answered before sessions, CSRF or the
database are touched. When an entry goes stale, exactly one request renders it again (a lock in
the cache) while the others keep getting the stale copy: no stampede when TV sends a crowd.

Each process also keeps its own copy of the pages that are still fresh, ready to answer, so a
hit costs neither a trip to the shared cache nor unpickling a page (benchmarks/README.md, "Wall
page"). That copy is used only while the shared entry is fresh, so it changes nothing in what
visitors see or when a new approval shows; once stale, the shared cache and its lock decide.

It sits right after SecurityMiddleware (settings.MIDDLEWARE), so a hit skips django-csp and
`gezinsmuur.headers`: the headers they set (CSP, Permissions-Policy, CORP, and X-Frame-Options
from further in) are stored with the page and served with every hit; SecurityMiddleware still
adds its own (nosniff, Referrer-Policy, COOP, HSTS) to hits and misses alike. That is only right
while the policy is the same for every response: a CSP nonce must never be served twice, so a
response that used one is not stored (`_cacheable`).
"""

import threading
import time
from collections.abc import Callable
from functools import wraps
from typing import Any

from django.conf import settings
from django.core.cache import cache
from django.core.signals import setting_changed
from django.http import HttpRequest, HttpResponse

from gezinsmuur.lib import pagecache

STALE_FACTOR = 20  # keep a stale copy twenty times longer than it is fresh
LOCK_SECONDS = 10
LOCAL_PAGES = 256  # fresh pages each process keeps in memory (query strings make many keys)

# In the shared cache: fresh until, body, headers. In this process: the same, headers of a hit.
Entry = tuple[float, bytes, list[tuple[str, str]]]
Page = tuple[float, bytes, dict[str, str]]

# Read without a lock (a dict read is atomic); written under `_local_lock`, so pruning never races
# another write.
_local: dict[str, Page] = {}
_local_lock = threading.Lock()


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
        # Static files and renditions are never pages: they skip the lookup (with Redis, two
        # round trips).
        self.never_pages = tuple(p for p in (settings.STATIC_URL, settings.MEDIA_URL) if p)

    def __call__(self, request: HttpRequest) -> HttpResponse:
        seconds = settings.PUBLIC_CACHE_SECONDS
        if (
            request.method not in ("GET", "HEAD")
            or seconds <= 0
            or request.path_info.startswith(self.never_pages)
        ):
            return self.get_response(request)
        key = f"page:{pagecache.generation()}:{request.get_full_path()}"
        now = time.time()
        page = _local.get(key)
        if page is not None and page[0] > now:
            return HttpResponse(page[1], headers=page[2])
        entry = cache.get(key)
        locked = False
        if entry:
            page = _hit_page(entry)
            if entry[0] > now:
                _remember(key, page)
                return HttpResponse(page[1], headers=page[2])
            locked = cache.add(key + ":lock", 1, LOCK_SECONDS)
            if not locked:
                return HttpResponse(page[1], headers=page[2])  # stale while another renders
        try:
            response = self.get_response(request)
            if _cacheable(request, response):
                # Browsers and proxies may keep it briefly too; the language is in the path, not a header.
                response["Cache-Control"] = f"public, max-age={min(seconds, 10)}"
                del response["Vary"]
                entry = (time.time() + seconds, response.content, list(response.items()))
                cache.set(key, entry, seconds * STALE_FACTOR)
                _remember(key, _hit_page(entry))
        finally:
            if locked:
                cache.delete(key + ":lock")
        return response


def _cacheable(request: HttpRequest, response: HttpResponse) -> bool:
    return (
        getattr(response, "public_page", False)
        and response.status_code == 200
        and not response.cookies
        and not response.streaming
        and not _has_nonce(request, response)
    )


def _has_nonce(request: HttpRequest, response: HttpResponse) -> bool:
    """A page that used a CSP nonce: stored, every visitor would get the same nonce, and an
    injected script that copies it would run. Today's policy has none (settings: 'self' only);
    if nonces come, the pages that use one are simply rendered every time."""
    if isinstance(getattr(request, "_csp_nonce", None), str):  # django-csp made one
        return True
    return any(
        "'nonce-" in response.get(header, "")
        for header in ("Content-Security-Policy", "Content-Security-Policy-Report-Only")
    )


def _hit_page(entry: Entry) -> Page:
    fresh_until, content, headers = entry
    return fresh_until, content, {**dict(headers), "X-Cache": "hit"}


def _remember(key: str, page: Page) -> None:
    with _local_lock:
        if key not in _local and len(_local) >= LOCAL_PAGES:
            now = time.time()
            for old in [k for k, v in _local.items() if v[0] <= now] or [next(iter(_local))]:
                del _local[old]
        _local[key] = page


def _forget(*, setting: str, **kwargs: Any) -> None:
    """Tests that change the cache settings start from an empty local copy."""
    if setting in ("PUBLIC_CACHE_SECONDS", "CACHES"):
        with _local_lock:
            _local.clear()


setting_changed.connect(_forget)
