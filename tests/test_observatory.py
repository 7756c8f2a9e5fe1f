"""W03: the response headers graded the way the MDN HTTP Observatory grades a site (goal A+).

The rules and their score modifiers follow the Observatory's scoring documentation
(https://developer.mozilla.org/en-US/observatory/docs/tests_and_scoring): start at 100, add
each test's modifier; bonuses count only when nothing is negative; A+ is 100 or more. The
production security settings are switched on for these requests (HTTPS, secure cookies, HSTS).
"""

import re

import pytest

from . import factories

pytestmark = pytest.mark.django_db

PRIVATE_REFERRER = {
    "no-referrer",
    "same-origin",
    "strict-origin",
    "strict-origin-when-cross-origin",
}


def directives(policy: str) -> dict[str, list[str]]:
    parsed = {}
    for part in policy.split(";"):
        words = part.split()
        if words:
            parsed[words[0].lower()] = [w.lower() for w in words[1:]]
    return parsed


def csp_score(headers) -> tuple[int, str]:
    policy = headers.get("Content-Security-Policy")
    if not policy:
        return -25, "csp-not-implemented"
    csp = directives(policy)
    scripts = csp.get("script-src", csp.get("default-src", []))
    styles = csp.get("style-src", csp.get("default-src", []))
    if "'unsafe-inline'" in scripts or "'unsafe-eval'" in scripts or "data:" in scripts:
        return -20, "csp-implemented-with-unsafe-inline"
    if any(source in ("*", "http:", "https:") for source in scripts):
        return -20, "csp-implemented-with-insecure-scheme"
    if "'unsafe-inline'" in styles:
        return 0, "csp-implemented-with-unsafe-inline-in-style-src-only"
    if csp.get("default-src") == ["'none'"]:
        return 10, "csp-implemented-with-no-unsafe-default-src-none"
    return 5, "csp-implemented-with-no-unsafe"


def cookie_score(response) -> tuple[int, str]:
    cookies = list(response.cookies.values())
    if not cookies:
        return 0, "cookies-not-found"
    if not all(c["secure"] for c in cookies):
        return -20, "cookies-without-secure-flag"
    session = [c for c in cookies if "session" in c.key]
    if any(not c["httponly"] for c in session):
        return -30, "cookies-session-without-httponly-flag"
    if all(c["samesite"] for c in cookies):
        return 5, "cookies-secure-with-httponly-sessions-and-samesite"
    return 0, "cookies-secure-with-httponly-sessions"


def referrer_score(headers) -> tuple[int, str]:
    value = headers.get("Referrer-Policy", "")
    if not value:
        return 0, "referrer-policy-not-implemented"
    last = value.split(",")[-1].strip().lower()
    return (5, "referrer-policy-private") if last in PRIVATE_REFERRER else (-5, "unsafe")


def hsts_score(headers) -> tuple[int, str]:
    match = re.search(r"max-age=(\d+)", headers.get("Strict-Transport-Security", ""))
    if not match:
        return -20, "hsts-not-implemented"
    if int(match.group(1)) < 15768000:
        return -10, "hsts-implemented-max-age-less-than-six-months"
    return 0, "hsts-implemented-max-age-at-least-six-months"  # +5 only once on the preload list


def frame_score(headers) -> tuple[int, str]:
    ancestors = directives(headers.get("Content-Security-Policy", "")).get("frame-ancestors")
    if ancestors and ancestors in (["'none'"], ["'self'"]):
        return 5, "x-frame-options-implemented-via-csp"
    if headers.get("X-Frame-Options", "").upper() in ("DENY", "SAMEORIGIN"):
        return 0, "x-frame-options-sameorigin-or-deny"
    return -20, "x-frame-options-not-implemented"


def nosniff_score(headers) -> tuple[int, str]:
    if headers.get("X-Content-Type-Options", "").lower() == "nosniff":
        return 0, "x-content-type-options-nosniff"
    return -5, "x-content-type-options-not-implemented"


def cors_score(headers) -> tuple[int, str]:
    if headers.get("Access-Control-Allow-Origin") == "*":
        return 0, "cross-origin-resource-sharing-implemented-with-public-access"
    return 0, "cross-origin-resource-sharing-not-implemented"


def sri_score(html: str) -> tuple[int, str]:
    external = re.findall(r"<script[^>]+src=\"(https?:)?//", html)
    if external:
        return -5, "sri-not-implemented-and-external-scripts-loaded-securely"
    return 0, "sri-not-implemented-but-all-scripts-loaded-from-secure-origin"


def grade(response) -> tuple[int, str, list[str]]:
    headers = response.headers
    results = [
        csp_score(headers),
        cookie_score(response),
        referrer_score(headers),
        hsts_score(headers),
        frame_score(headers),
        nosniff_score(headers),
        cors_score(headers),
        sri_score(response.content.decode(errors="replace")),
    ]
    negatives = [name for score, name in results if score < 0]
    score = 100 + sum(score for score, _ in results if score < 0)
    if not negatives:
        score += sum(score for score, _ in results if score > 0)
    letter = "A+" if score >= 100 else "A" if score >= 90 else "B" if score >= 70 else "F"
    return score, letter, negatives


@pytest.fixture
def production_headers(settings):
    settings.SECURE_HSTS_SECONDS = 63072000
    settings.SECURE_HSTS_INCLUDE_SUBDOMAINS = True
    settings.SECURE_HSTS_PRELOAD = True
    settings.SESSION_COOKIE_SECURE = settings.CSRF_COOKIE_SECURE = True
    settings.SESSION_COOKIE_NAME = "__Host-sessionid"
    settings.CSRF_COOKIE_NAME = "__Host-csrftoken"


@pytest.mark.parametrize(
    "path", ["/nl/", "/nl/wall/", "/ar/wall/", "/nl/share/", "/nl/accounts/login/", "tile"]
)
def test_W03_every_public_page_grades_a_plus_with_no_negative_modifier(
    client, production_headers, path
):
    if path == "tile":
        path = f"/nl/wall/{factories.submission().public_id}/"
    response = client.get(path, secure=True)
    assert response.status_code == 200
    score, letter, negatives = grade(response)
    assert negatives == []
    assert letter == "A+" and score >= 120, score


def test_W03_the_grader_fails_a_weak_page(client):
    """The grader itself: the same page without its protections grades far lower."""

    class Weak:
        headers = {"Content-Security-Policy": "script-src 'self' 'unsafe-inline'"}
        cookies: dict = {}
        content = b'<script src="https://cdn.example/x.js"></script>'

    score, letter, negatives = grade(Weak())
    assert letter == "F" and "hsts-not-implemented" in negatives and score < 50
