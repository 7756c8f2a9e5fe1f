from django.apps import AppConfig


class CampaignConfig(AppConfig):
    name = "gezinsmuur.campaign"
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self) -> None:
        from gezinsmuur.campaign import signals

        signals.connect()
