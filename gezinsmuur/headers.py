"""Response headers that django-csp and Django's SecurityMiddleware do not set.

The public site runs under a strict CSP (settings.CONTENT_SECURITY_POLICY: scripts and styles only
from the site itself, nothing inline). The CMS and Django admin ship inline scripts and styles of
their own, so they get a policy that still forbids framing, plugins and other origins.
"""

from collections.abc import Callable

from django.http import HttpRequest
from django.http.response import HttpResponseBase

ADMIN_PREFIXES = ("/cms/", "/django-admin/")
ADMIN_CSP = (
    "default-src 'self'; script-src 'self' 'unsafe-inline'; style-src 'self' 'unsafe-inline'; "
    "img-src 'self' data: blob:; font-src 'self' data:; object-src 'none'; base-uri 'none'; "
    "frame-ancestors 'none'; form-action 'self'"
)
PERMISSIONS_POLICY = (
    "camera=(), microphone=(), geolocation=(), payment=(), usb=(), interest-cohort=(), "
    "browsing-topics=()"
)


class SecurityHeadersMiddleware:
    def __init__(self, get_response: Callable[[HttpRequest], HttpResponseBase]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponseBase:
        response = self.get_response(request)
        response.headers.setdefault("Permissions-Policy", PERMISSIONS_POLICY)
        response.headers.setdefault("Cross-Origin-Resource-Policy", "same-origin")
        if request.path_info.startswith(ADMIN_PREFIXES):
            response.headers.setdefault("Content-Security-Policy", ADMIN_CSP)
        return response
