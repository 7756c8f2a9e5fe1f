"""The participant's private link: a 256-bit token, kept by the participant, stored as a hash."""

import hashlib
import secrets

from django.conf import settings
from django.http import HttpRequest
from django.urls import reverse


def new_token() -> tuple[str, str]:
    """A fresh token (for the participant) and its hash (for the database)."""
    token = secrets.token_urlsafe(32)  # 32 bytes = 256 bits
    return token, hash_token(token)


def url(token: str) -> str:
    """The private link, on the configured address (never the Host header a visitor sent)."""
    return settings.BASE_URL.rstrip("/") + reverse("privacy:open", args=[token])


def hash_token(token: str) -> str:
    return hashlib.sha256(token.encode()).hexdigest()


SESSION_KEY = "private_submission"
FRESH_TOKEN_KEY = "private_link_once"  # noqa: S105 - a session key name, not a secret


def remember(request: HttpRequest, public_id: str, token: str = "") -> None:
    """This browser may open the participant's own submission; the token is shown once."""
    request.session[SESSION_KEY] = public_id
    request.session.cycle_key()  # a new session id whenever it gains access
    if token:
        request.session[FRESH_TOKEN_KEY] = token


def take_fresh_token(request: HttpRequest) -> str:
    return request.session.pop(FRESH_TOKEN_KEY, "")


def remembered(request: HttpRequest) -> str:
    return request.session.get(SESSION_KEY, "")
