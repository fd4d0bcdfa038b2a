from django.apps import AppConfig


class CounsellorsConfig(AppConfig):
    name = "counsellors"
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self) -> None:
        from counsellors import receivers  # noqa: F401 - connects the signal receivers
