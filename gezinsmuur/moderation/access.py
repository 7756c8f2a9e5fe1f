"""The one place that decides who may moderate."""

from collections.abc import Callable
from functools import wraps
from typing import Any

from django.contrib.auth.models import User
from django.contrib.auth.views import redirect_to_login
from django.core.exceptions import PermissionDenied
from django.http import HttpRequest
from django.http.response import HttpResponseBase

ROLES = ("moderator", "editor", "admin")


def can_moderate(user: Any) -> bool:
    return bool(
        user.is_authenticated
        and user.is_active
        and user.has_perm("submissions.moderate_submission")
    )


def moderator_required(view: Callable[..., HttpResponseBase]) -> Callable[..., HttpResponseBase]:
    @wraps(view)
    def wrapper(request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponseBase:
        if not request.user.is_authenticated:
            return redirect_to_login(request.get_full_path())
        if not can_moderate(request.user):
            raise PermissionDenied
        response = view(request, *args, **kwargs)
        response["Cache-Control"] = "no-store"
        return response

    return wrapper


def staff_user(request: HttpRequest) -> User:
    """The logged-in staff member behind a request that `moderator_required` let through."""
    assert isinstance(request.user, User)
    return request.user
