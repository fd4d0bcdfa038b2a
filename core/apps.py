from django.apps import AppConfig


class CoreConfig(AppConfig):
    """The bottom layer: mail, audit, errors, middleware and log filters that every app may use."""

    name = "core"
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self) -> None:
        from core import audit  # noqa: F401 - connects the signal receivers
