"""Staff sessions end after 30 minutes idle or 12 hours in all; a deactivated account's end at once.

The login stamps the session (`AUTH_AT`, `SEEN_AT`) and makes it expire after the idle time, so the
cookie and the stored row also die on their own; `StaffMiddleware` checks both limits on every
request. Django refuses an inactive user on the next request anyway (ModelBackend); deactivating
an account also deletes its stored sessions.
"""

import logging
import time
from typing import Any

from django.conf import settings
from django.contrib.auth import SESSION_KEY, get_user_model, user_logged_in
from django.contrib.sessions.backends.base import SessionBase
from django.db.models.signals import post_save
from django.http import HttpRequest
from django.utils import timezone

log = logging.getLogger("gezinsmuur.staff")

AUTH_AT = "staff_auth_at"  # when the password was accepted (Unix time)
SEEN_AT = "staff_seen_at"  # the last request, to the minute
TOUCH_EVERY = 60  # seconds: idle time counts from the last noted request, at most this early


def started(sender: Any, request: HttpRequest, user: Any, **kwargs: Any) -> None:
    now = time.time()
    request.session[AUTH_AT] = now
    request.session[SEEN_AT] = now
    request.session.set_expiry(settings.STAFF_IDLE_SECONDS)


def expired(session: SessionBase, now: float | None = None) -> str | None:
    """Why a logged-in session is over ("idle", "absolute"), or None while it is still good."""
    now = time.time() if now is None else now
    auth_at, seen_at = session.get(AUTH_AT), session.get(SEEN_AT)
    if auth_at is None or seen_at is None:
        return "absolute"  # made before these limits existed: start again
    if now - auth_at > settings.STAFF_SESSION_SECONDS:
        return "absolute"
    if now - seen_at > settings.STAFF_IDLE_SECONDS:
        return "idle"
    return None


def touch(session: SessionBase, now: float | None = None) -> None:
    """Note a request; written at most once a minute, so most staff requests save no session."""
    now = time.time() if now is None else now
    if now - session.get(SEEN_AT, 0) >= TOUCH_EVERY:
        session[SEEN_AT] = now


def end_sessions_of(user: Any) -> int:
    """Delete the stored sessions of `user` (database sessions; other engines rely on is_active)."""
    if settings.SESSION_ENGINE != "django.contrib.sessions.backends.db":
        return 0
    from django.contrib.sessions.models import Session

    ended = 0
    for session in Session.objects.filter(expire_date__gt=timezone.now()).iterator():
        if session.get_decoded().get(SESSION_KEY) == str(user.pk):
            session.delete()
            ended += 1
    return ended


def deactivated(sender: Any, instance: Any, created: bool, **kwargs: Any) -> None:
    update_fields = kwargs.get("update_fields")
    if created or instance.is_active or (update_fields and "is_active" not in update_fields):
        return
    ended = end_sessions_of(instance)
    log.warning("staff.deactivated user=%s sessions_ended=%d", instance.pk, ended)


def connect() -> None:
    user_logged_in.connect(started, dispatch_uid="gezinsmuur.staff.started")
    post_save.connect(deactivated, sender=get_user_model(), dispatch_uid="gezinsmuur.staff.off")
