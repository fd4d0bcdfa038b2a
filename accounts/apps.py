from django.apps import AppConfig


class AccountsConfig(AppConfig):
    """The person: the user model, their sign-up details and their verified addresses."""

    name = "accounts"
    default_auto_field = "django.db.models.BigAutoField"
