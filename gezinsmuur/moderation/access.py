"""The one place that decides every staff permission: moderate, edit the campaign, the Django admin.

Staff means: logged in, active, past the second factor in this session (django-otp, see
gezinsmuur/staff), and holding the role. Every staff URL (`STAFF_AREAS`) goes through `gate`,
called for each request by `gezinsmuur.staff.middleware.StaffMiddleware`; views and the Django admin
site call the same `can_*` functions. tests/test_staff_urls.py walks the URL resolver to prove it.
"""

from collections.abc import Callable
from functools import wraps
from typing import Any

from django.contrib.auth.models import User
from django.contrib.auth.views import redirect_to_login
from django.core.exceptions import PermissionDenied
from django.http import HttpRequest
from django.http.response import HttpResponseBase

from gezinsmuur.lib.languages import CODES

ROLES = ("moderator", "editor", "admin")


def is_verified(user: Any) -> bool:
    """Logged in, active, and verified with a second factor in this session."""
    verified = getattr(user, "is_verified", None)
    return bool(user.is_authenticated and user.is_active and verified is not None and verified())


def can_moderate(user: Any) -> bool:
    return is_verified(user) and user.has_perm("submissions.moderate_submission")


def can_edit_content(user: Any) -> bool:
    """The CMS (/cms/): editors and admins."""
    return is_verified(user) and user.has_perm("wagtailadmin.access_admin")


def can_administer(user: Any) -> bool:
    """The Django admin (/django-admin/) with its exports and erase action: Django's staff flag."""
    return is_verified(user) and user.is_staff


STAFF_AREAS: dict[str, Callable[[Any], bool]] = {
    "cms": can_edit_content,
    "django-admin": can_administer,
    "moderation": can_moderate,
}


def staff_area(path: str) -> str | None:
    """Which staff area a path belongs to: `/cms/...`, `/django-admin/...`, `/<lang>/moderation/...`."""
    parts = path.lstrip("/").split("/", 2)
    if parts[0] in ("cms", "django-admin"):
        return parts[0]
    if parts[0] in CODES and len(parts) > 1 and parts[1] == "moderation":
        return "moderation"
    return None


def refusal(request: HttpRequest, allowed: Callable[[Any], bool]) -> HttpResponseBase | None:
    """None if `allowed(user)`; else the way in: log in, then the second factor; else 403."""
    user = request.user
    if not (user.is_authenticated and user.is_active):
        return redirect_to_login(request.get_full_path())
    if not is_verified(user):
        return redirect_to_login(request.get_full_path(), "staff:verify")
    if not allowed(user):
        raise PermissionDenied
    return None


def gate(request: HttpRequest) -> HttpResponseBase | None:
    """Applied to every request: staff URLs answer only to staff with the area's role."""
    area = staff_area(request.path_info)
    return None if area is None else refusal(request, STAFF_AREAS[area])


def moderator_required(view: Callable[..., HttpResponseBase]) -> Callable[..., HttpResponseBase]:
    @wraps(view)
    def wrapper(request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponseBase:
        refused = refusal(request, can_moderate)
        if refused is not None:
            return refused
        response = view(request, *args, **kwargs)
        response["Cache-Control"] = "no-store"
        return response

    return wrapper


def staff_user(request: HttpRequest) -> User:
    """The logged-in staff member behind a request that `moderator_required` let through."""
    assert isinstance(request.user, User)
    return request.user
