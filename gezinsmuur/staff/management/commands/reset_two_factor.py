"""Remove a staff member's second factors (lost phone and recovery codes): next login sets up anew."""

from typing import Any

from django.contrib.auth import get_user_model
from django.core.management.base import BaseCommand, CommandError
from django_otp.plugins.otp_static.models import StaticDevice
from django_otp.plugins.otp_totp.models import TOTPDevice

from gezinsmuur.staff.sessions import end_sessions_of


class Command(BaseCommand):
    help = (
        "Remove the authenticator app and recovery codes of USERNAME and end their sessions; "
        "at the next login they set up two-factor authentication again. Check who asks first."
    )

    def add_arguments(self, parser: Any) -> None:
        parser.add_argument("username")

    def handle(self, *args: Any, **options: Any) -> None:
        user = get_user_model().objects.filter(username=options["username"]).first()
        if user is None:
            raise CommandError(f"No user {options['username']!r}.")
        TOTPDevice.objects.filter(user=user).delete()
        StaticDevice.objects.filter(user=user).delete()
        ended = end_sessions_of(user)
        self.stdout.write(
            f"Second factor removed for {user.get_username()}; {ended} session(s) ended."
        )
