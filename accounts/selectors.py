"""Reads about a person."""

from allauth.account.models import EmailAddress

from accounts.addresses import email_canonical_or_none
from accounts.models import User


def user_has_verified_email(*, user: User, email: str | None = None) -> bool:
    """Whether ``user`` has a verified address (the same address as ``email``, if given).

    "The same" is equal canonical forms (``accounts.addresses``), never a
    case-insensitive database match, which lets look-alike letters through.
    """
    addresses = EmailAddress.objects.filter(user=user, verified=True)
    if email is None:
        return addresses.exists()
    wanted = email_canonical_or_none(email)
    return wanted is not None and wanted in user_email_canonicals(user=user, verified=True)


def user_email_canonicals(*, user: User, verified: bool = False) -> set[str]:
    """The canonical forms of ``user``'s addresses (only the verified ones, if asked)."""
    addresses = EmailAddress.objects.filter(user=user)
    if verified:
        addresses = addresses.filter(verified=True)
    emails = list(addresses.values_list("email", flat=True))
    if not verified:
        emails.append(user.email)
    return {canonical for canonical in map(email_canonical_or_none, emails) if canonical is not None}
