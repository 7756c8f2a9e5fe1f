"""The second factors of a staff member: one authenticator app (TOTP) and ten recovery codes.

Both are django-otp devices. A TOTP code is accepted within one 30-second step either way and only
once (django-otp keeps the last step used; OTP_TOTP_SYNC is off so the window never drifts wider);
a recovery code is deleted when used. Wrong codes slow further tries down (django-otp throttling).
"""

import re
from base64 import b32encode
from typing import Any

import segno
from django.db import transaction
from django.utils.html import escape
from django.utils.safestring import SafeString, mark_safe
from django_otp.plugins.otp_static.models import StaticDevice, StaticToken
from django_otp.plugins.otp_totp.models import TOTPDevice

AUTHENTICATOR = "authenticator"
RECOVERY = "recovery"
RECOVERY_CODES = 10


def authenticator(user: Any) -> TOTPDevice | None:
    return TOTPDevice.objects.filter(user=user, confirmed=True).order_by("pk").last()


def pending_authenticator(user: Any) -> TOTPDevice:
    """The authenticator being set up: the same secret until it is confirmed."""
    device = TOTPDevice.objects.filter(user=user, confirmed=False).order_by("pk").first()
    return device or TOTPDevice.objects.create(user=user, name=AUTHENTICATOR, confirmed=False)


def recovery(user: Any) -> StaticDevice | None:
    return StaticDevice.objects.filter(user=user, confirmed=True).first()


def has_second_factor(user: Any) -> bool:
    return authenticator(user) is not None or recovery(user) is not None


@transaction.atomic
def confirm(device: TOTPDevice) -> None:
    """A new authenticator whose first code was right replaces any earlier one."""
    TOTPDevice.objects.filter(user=device.user).exclude(pk=device.pk).delete()
    device.confirmed = True
    device.save(update_fields=["confirmed"])


@transaction.atomic
def new_recovery_codes(user: Any) -> list[str]:
    """Ten fresh recovery codes; earlier ones stop working."""
    StaticDevice.objects.filter(user=user).delete()
    device = StaticDevice.objects.create(user=user, name=RECOVERY, confirmed=True)
    codes = [StaticToken.random_token() for _ in range(RECOVERY_CODES)]
    StaticToken.objects.bulk_create(StaticToken(device=device, token=code) for code in codes)
    return codes


def recovery_codes(user: Any) -> list[str]:
    device = recovery(user)
    return [t.token for t in device.token_set.order_by("pk")] if device else []


def normalise_recovery_code(value: str) -> str:
    """Codes are shown as `abcd-efgh`; accept them with or without the dash, in any case."""
    return re.sub(r"[^a-z2-7]", "", value.lower())


def shown(code: str) -> str:
    return f"{code[:4]}-{code[4:]}"


def secret(device: TOTPDevice) -> str:
    """The key in base32, in groups of four, for typing into an app that cannot scan."""
    key = b32encode(device.bin_key).decode().rstrip("=")
    return " ".join(key[i : i + 4] for i in range(0, len(key), 4))


def qr_svg(device: TOTPDevice, label: str) -> SafeString:
    """The set-up QR code as inline SVG: drawn here, no image request, no third party."""
    svg = segno.make(device.config_url, error="m").svg_inline(
        scale=4, border=4, dark="#000", light="#fff", svgclass="qr", omitsize=True
    )
    return mark_safe(svg.replace("<svg ", f'<svg role="img" aria-label="{escape(label)}" ', 1))  # noqa: S308
