from django.apps import AppConfig


class CouplesConfig(AppConfig):
    name = "couples"
    default_auto_field = "django.db.models.BigAutoField"
