from django.apps import AppConfig


class CampaignConfig(AppConfig):
    name = "gezinsmuur.campaign"
    default_auto_field = "django.db.models.BigAutoField"
