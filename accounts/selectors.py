"""Reads about a person."""

from allauth.account.models import EmailAddress

from accounts.models import User


def user_has_verified_email(*, user: User, email: str | None = None) -> bool:
    """Whether ``user`` has a verified address (``email``, in any letter case, if given)."""
    addresses = EmailAddress.objects.filter(user=user, verified=True)
    if email is not None:
        addresses = addresses.filter(email__iexact=email)
    return addresses.exists()
