from django.apps import AppConfig


class AbuseConfig(AppConfig):
    name = "gezinsmuur.abuse"
    default_auto_field = "django.db.models.BigAutoField"
