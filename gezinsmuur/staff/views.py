"""Signing in as staff: password (with the login throttle), then a second factor.

First login: set up an authenticator app (QR code and the key as text), confirm with a code, get
ten recovery codes shown once. Later logins: a code from the app, or a recovery code instead.
`moderation.access` sends every unverified request for a staff URL here.
"""

import logging
from typing import Any

import django_otp
from axes.handlers.proxy import AxesProxyHandler
from django.conf import settings
from django.contrib import messages
from django.contrib.auth import views as auth_views
from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse, HttpResponseRedirect
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import ngettext
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_POST
from django_otp.models import Device

from gezinsmuur.moderation import access

from . import devices, throttle
from .forms import CodeForm, RecoveryForm
from .redirects import safe_next, with_next

log = logging.getLogger("gezinsmuur.staff")
SHOW_CODES = "staff_show_codes"


class LoginView(auth_views.LoginView):
    """The one login form for all staff (the CMS and the Django admin send people here)."""

    redirect_authenticated_user = True

    def post(self, request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponse:
        username = request.POST.get("username", "")
        wait = throttle.account_wait(username)
        # A network that django-axes has locked gets axes' own answer (its longer pause)
        if wait and not AxesProxyHandler.is_locked(request, {"username": username}):
            log.warning("login for %r slowed down: %d s to wait", username, wait)
            return account_slowed(request, wait)
        response = super().post(request, *args, **kwargs)
        # The form again: a wrong password. A try that axes refused (its network is locked)
        # checked no password and is axes' business, not the account's.
        if (
            username
            and response.status_code == 200
            and not getattr(request, "axes_locked_out", False)
        ):
            throttle.note_failure(username)
        return response

    def get_success_url(self) -> str:
        return with_next("staff:verify", self.get_redirect_url())


def staff_home(request: HttpRequest) -> str:
    user = request.user
    if access.can_moderate(user):
        return reverse("moderation:queue")
    if access.can_edit_content(user):
        return reverse("wagtailadmin_home")
    if access.can_administer(user):
        return reverse("admin:index")
    return "/"


def _verified(request: HttpRequest, device: Device, how: str) -> None:
    request.session.cycle_key()  # a new session id for the new privilege
    django_otp.login(request, device)
    log.info("staff.verified user=%s with=%s", request.user.pk, how)


def _check(request: HttpRequest, device: Device, code: str, how: str) -> str | None:
    """Verify `code` on `device` (django-otp: once only, throttled); None if right, else why not."""
    allowed, _data = device.verify_is_allowed()
    if allowed and django_otp.verify_token(request.user, device.persistent_id, code):
        return None
    log.warning("staff.otp_failed user=%s with=%s throttled=%s", request.user.pk, how, not allowed)
    if not allowed:
        return _("Too many wrong codes. Wait a minute, then try again.")
    return _("That code is not right, or it was already used. Try the next code your app shows.")


@never_cache
@login_required
def verify(request: HttpRequest) -> HttpResponse:
    next_url = safe_next(request)
    if access.is_verified(request.user):
        return redirect(next_url or staff_home(request))
    device = devices.authenticator(request.user)
    if device is None:
        if devices.recovery(request.user) is not None:
            return redirect(with_next("staff:recover", next_url))
        return redirect(with_next("staff:setup", next_url))
    form = CodeForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        error = _check(request, device, form.cleaned_data["code"], "totp")
        if error is None:
            _verified(request, device, "totp")
            return redirect(next_url or staff_home(request))
        form.add_error("code", error)
    return render(request, "staff/verify.html", {"form": form, "next": next_url})


@never_cache
@login_required
def setup(request: HttpRequest) -> HttpResponse:
    """Set up an authenticator: on first login, or (once verified) to replace a lost phone."""
    next_url = safe_next(request)
    replacing = access.is_verified(request.user)
    if not replacing and devices.has_second_factor(request.user):
        return redirect(with_next("staff:verify", next_url))  # a password alone adds no device
    device = devices.pending_authenticator(request.user)
    form = CodeForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        error = _check(request, device, form.cleaned_data["code"], "totp-setup")
        if error is None:
            devices.confirm(device)
            devices.new_recovery_codes(request.user)
            device.refresh_from_db()
            _verified(request, device, "totp-setup")
            log.info("staff.authenticator_set_up user=%s", request.user.pk)
            request.session[SHOW_CODES] = True
            return redirect(with_next("staff:codes", next_url))
        form.add_error("code", error)
    label = _("QR code that adds De Gezinsmuur to your authenticator app")
    context = {
        "form": form,
        "next": next_url,
        "qr": devices.qr_svg(device, label),
        "secret": devices.secret(device),
        "issuer": settings.OTP_TOTP_ISSUER,
        "username": request.user.get_username(),
        "replacing": replacing,
        "skip": next_url or staff_home(request),
    }
    return render(request, "staff/setup.html", context)


@never_cache
@login_required
def codes(request: HttpRequest) -> HttpResponse:
    """The recovery codes, shown once right after they were made."""
    next_url = safe_next(request)
    if not access.is_verified(request.user) or not request.session.pop(SHOW_CODES, False):
        return redirect(next_url or staff_home(request))
    shown = [devices.shown(code) for code in devices.recovery_codes(request.user)]
    context = {"codes": shown, "continue_to": next_url or staff_home(request)}
    return render(request, "staff/codes.html", context)


@never_cache
@require_POST
@login_required
def new_codes(request: HttpRequest) -> HttpResponseRedirect:
    next_url = safe_next(request)
    if not access.is_verified(request.user):
        return redirect(with_next("staff:verify", next_url))
    devices.new_recovery_codes(request.user)
    log.info("staff.recovery_codes_renewed user=%s", request.user.pk)
    request.session[SHOW_CODES] = True
    return redirect(with_next("staff:codes", next_url))


@never_cache
@login_required
def recover(request: HttpRequest) -> HttpResponse:
    """Log in with a recovery code instead of the app; then offer to set up a new app."""
    next_url = safe_next(request)
    if access.is_verified(request.user):
        return redirect(next_url or staff_home(request))
    device = devices.recovery(request.user)
    form = RecoveryForm(request.POST or None)
    if request.method == "POST" and form.is_valid() and device is not None:
        error = _check(request, device, form.cleaned_data["code"], "recovery")
        if error is None:
            _verified(request, device, "recovery")
            left = device.token_set.count()
            messages.warning(
                request,
                ngettext(
                    "You used a recovery code: %(count)d is left. Set up your authenticator app again, or skip this for now.",
                    "You used a recovery code: %(count)d are left. Set up your authenticator app again, or skip this for now.",
                    left,
                )
                % {"count": left},
            )
            return redirect(with_next("staff:setup", next_url))
        form.add_error("code", error)
    elif request.method == "POST" and device is None:
        form.add_error("code", _("This account has no recovery codes."))
    context = {"form": form, "next": next_url, "has_app": devices.authenticator(request.user)}
    return render(request, "staff/recover.html", context)


def locked_out(
    request: HttpRequest, original_response: Any = None, credentials: Any = None
) -> HttpResponse:
    """django-axes' answer to a login from a (username, network) with too many failures."""
    seconds = int(settings.AXES_COOLOFF_TIME.total_seconds())
    return _too_many(request, seconds, {"minutes": seconds // 60})


def account_slowed(request: HttpRequest, seconds: int) -> HttpResponse:
    """Too many failures for one account from many networks: a short wait, not a lockout."""
    return _too_many(request, seconds, {"seconds": seconds})


def _too_many(request: HttpRequest, seconds: int, context: dict[str, int]) -> HttpResponse:
    response = render(request, "staff/too_many.html", context, status=429)
    response["Retry-After"] = str(seconds)
    response["Cache-Control"] = "no-store"
    return response


def to_login(request: HttpRequest) -> HttpResponseRedirect:
    """The CMS's and Wagtail's own login addresses lead to the one login."""
    next_url = safe_next(request)
    if access.is_verified(request.user):
        return redirect(next_url or staff_home(request))
    return redirect(with_next("login", next_url))
