from django.apps import AppConfig


class AbuseConfig(AppConfig):
    name = "gezinsmuur.abuse"
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self) -> None:
        from . import checks  # noqa: F401  (registers the deploy check)
