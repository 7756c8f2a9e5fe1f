"""Every page tells the browser to load nothing from anywhere else and to refuse framing."""

import pytest

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize("path", ["/nl/wall/", "/nl/share/", "/nl/accounts/login/"])
def test_public_pages_carry_a_strict_policy(client, path):  # W02, W06
    response = client.get(path)
    csp = response["Content-Security-Policy"]
    for directive in (
        "default-src 'none'",
        "script-src 'self'",
        "style-src 'self'",
        "frame-ancestors 'none'",
        "base-uri 'none'",
        "object-src 'none'",
        "form-action 'self'",
    ):
        assert directive in csp
    assert "unsafe-inline" not in csp and "unsafe-eval" not in csp and "http" not in csp
    assert response["X-Frame-Options"] == "DENY"
    assert response["X-Content-Type-Options"] == "nosniff"
    # No referrer at all, except where a form must post back (see gezinsmuur/headers.py).
    has_form = path != "/nl/wall/"
    assert response["Referrer-Policy"] == ("same-origin" if has_form else "no-referrer")
    assert response["Cross-Origin-Opener-Policy"] == "same-origin"
    assert response["Cross-Origin-Resource-Policy"] == "same-origin"
    assert "geolocation=()" in response["Permissions-Policy"]


def test_a_cached_page_keeps_its_headers(client, settings):
    settings.PUBLIC_CACHE_SECONDS = 30
    client.get("/nl/wall/")
    response = client.get("/nl/wall/")
    assert response["X-Cache"] == "hit"
    assert "default-src 'none'" in response["Content-Security-Policy"]
    assert response["X-Frame-Options"] == "DENY"


def test_the_cms_cannot_be_framed_or_load_other_origins(client):
    csp = client.get("/cms/login/")["Content-Security-Policy"]
    assert "frame-ancestors 'none'" in csp and "default-src 'self'" in csp
