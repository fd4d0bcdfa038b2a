from django.apps import AppConfig


class WebConfig(AppConfig):
    """The top layer: the site's own pages (landing, dashboard, data rights), allauth's adapter, the demo."""

    name = "web"
    default_auto_field = "django.db.models.BigAutoField"
