"""Every request: end staff sessions past their limits, then let only staff onto staff URLs."""

import logging
from collections.abc import Callable

from django.contrib.auth import logout
from django.http import HttpRequest
from django.http.response import HttpResponseBase
from django.utils.cache import add_never_cache_headers

from gezinsmuur.moderation import access

from . import sessions

log = logging.getLogger("gezinsmuur.staff")


class StaffMiddleware:
    """After AuthenticationMiddleware and django-otp's OTPMiddleware (settings.MIDDLEWARE)."""

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponseBase]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponseBase:
        if request.user.is_authenticated:
            reason = sessions.expired(request.session)
            if reason:
                log.info("staff.session_ended user=%s reason=%s", request.user.pk, reason)
                logout(request)
            else:
                sessions.touch(request.session)
        refused = access.gate(request)
        if refused is not None:
            add_never_cache_headers(refused)
            return refused
        return self.get_response(request)
