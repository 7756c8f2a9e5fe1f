from django.apps import AppConfig


class WallConfig(AppConfig):
    name = "gezinsmuur.wall"
    default_auto_field = "django.db.models.BigAutoField"
