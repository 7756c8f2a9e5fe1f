"""Where to go after signing in: a `next` address on this site, never another one."""

from urllib.parse import urlencode

from django.http import HttpRequest
from django.urls import reverse
from django.utils.http import url_has_allowed_host_and_scheme


def safe_next(request: HttpRequest, value: str | None = None) -> str:
    """`value` (default: the request's `next`) if it points at this site, else ""."""
    if value is None:
        value = request.POST.get("next") or request.GET.get("next") or ""
    allowed = url_has_allowed_host_and_scheme(
        value, allowed_hosts={request.get_host()}, require_https=request.is_secure()
    )
    return value if allowed else ""


def with_next(name: str, next_url: str) -> str:
    """The URL named `name`, carrying `next_url` along."""
    url = reverse(name)
    return f"{url}?{urlencode({'next': next_url})}" if next_url else url
