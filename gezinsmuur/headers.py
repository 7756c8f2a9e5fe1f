"""Response headers that django-csp and Django's SecurityMiddleware do not set.

The public site runs under a strict CSP (settings.CONTENT_SECURITY_POLICY: scripts and styles only
from the site itself, nothing inline). The CMS and Django admin ship inline scripts and styles of
their own, so they get a policy that still forbids framing, plugins and other origins.

Referrer-Policy is `no-referrer` (settings.SECURE_REFERRER_POLICY), except on pages that hold a
form posting back to the site (they rendered a CSRF token, so Django sets its cookie): those say `same-origin`. Under
`no-referrer` a browser posts a form with `Origin: null`, which Django's CSRF check must refuse; with
`same-origin` the site sees its own origin and no other site ever sees a referrer either way.
"""

from collections.abc import Callable

from django.conf import settings
from django.http import HttpRequest, HttpResponse
from django.http.response import HttpResponseBase

ADMIN_PREFIXES = ("/cms/", "/django-admin/")
ADMIN_CSP = (
    "default-src 'self'; script-src 'self' 'unsafe-inline'; style-src 'self' 'unsafe-inline'; "
    "img-src 'self' data: blob:; font-src 'self' data:; object-src 'none'; base-uri 'none'; "
    "frame-ancestors 'none'; form-action 'self'"
)
FORM_REFERRER_POLICY = "same-origin"
# Participants' photos and messages are public on the site, not in search engines (A12).
UNINDEXED_VIEWS = {"wall:wall", "wall:tile", "reports:report"}
ROBOTS_TXT = "\n".join(
    [
        "User-agent: *",
        "Disallow: /media/",
        "Disallow: /*/wall/",
        "Disallow: /*/my/",
        "Disallow: /*/share/",
        "Disallow: /*/moderation/",
        "Disallow: /*/accounts/",
        "Disallow: /cms/",
        "Disallow: /django-admin/",
        "Disallow: /altcha/",
        "",
    ]
)


def robots_txt(request: HttpRequest) -> HttpResponse:
    response = HttpResponse(ROBOTS_TXT, content_type="text/plain; charset=utf-8")
    response["Cache-Control"] = "public, max-age=86400"
    return response


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
        match = request.resolver_match
        if match and match.view_name in UNINDEXED_VIEWS:
            response.headers.setdefault("X-Robots-Tag", "noindex, noimageindex")
        if settings.CSRF_COOKIE_NAME in response.cookies:  # the page carries a CSRF token
            response.headers.setdefault("Referrer-Policy", FORM_REFERRER_POLICY)
        if request.path_info.startswith(ADMIN_PREFIXES):
            response.headers.setdefault("Content-Security-Policy", ADMIN_CSP)
        return response
