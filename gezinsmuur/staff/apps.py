from django.apps import AppConfig


class StaffConfig(AppConfig):
    """Staff sign-in: password, then a second factor (TOTP or a recovery code); session limits."""

    name = "gezinsmuur.staff"
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self) -> None:
        from . import sessions

        sessions.connect()
