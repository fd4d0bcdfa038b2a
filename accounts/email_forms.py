"""allauth's account forms, adjusted.

A module apart from ``accounts.forms``, which allauth imports while loading its own forms.
"""

from typing import TYPE_CHECKING, Any, ClassVar

from allauth.account.adapter import get_adapter
from allauth.account.forms import AddEmailForm as AllauthAddEmailForm
from allauth.account.forms import ChangePasswordForm as AllauthChangePasswordForm
from allauth.account.forms import LoginForm as AllauthLoginForm
from allauth.account.forms import ResetPasswordKeyForm as AllauthResetPasswordKeyForm
from allauth.account.forms import SignupForm as AllauthSignupForm
from allauth.account.models import EmailAddress
from django.contrib.auth.hashers import make_password
from django.http import HttpRequest
from django.utils.translation import gettext_lazy as _

if TYPE_CHECKING:  # django-stubs is a development dependency
    from django_stubs_ext import StrOrPromise


class AddEmailForm(AllauthAddEmailForm):
    """allauth's "change address" form; the current address hears about the request at once.

    allauth tells the old address when the change completes; an attacker on a
    shared device would be done by then, so the owner is warned at the start.
    """

    def save(self, request: HttpRequest) -> Any:
        user = request.user
        current = EmailAddress.objects.filter(user_id=user.pk, primary=True).first()
        result = super().save(request)
        if current is not None:
            get_adapter(request).send_notification_mail(
                "account/email/email_change_requested",
                user,
                {"to_email": self.cleaned_data["email"]},
                email=current.email,
            )
        return result


class SignupForm(AllauthSignupForm):
    """allauth's sign-up form; an address that already has an account costs the same work as a new one.

    A new address hashes its password (the slow part, hundreds of
    milliseconds by design); allauth's path for a known address only sends
    the "you already have an account" mail. The difference in time told
    anyone whether an address has an account. The known path now hashes the
    password too, and the hash is thrown away.
    """

    def try_save(self, request: HttpRequest) -> Any:
        if self.account_already_exists:
            make_password(self.cleaned_data.get("password1"))
        return super().try_save(request)


class _SentenceCaseLabels:
    """allauth's field labels in the site's voice (sentence case, plain words)."""

    labels: ClassVar[dict[str, "StrOrPromise"]] = {}

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        fields = self.fields  # type: ignore[attr-defined]
        for name, label in self.labels.items():
            if name in fields:
                fields[name].label = label


class LoginForm(_SentenceCaseLabels, AllauthLoginForm):
    labels: ClassVar[dict[str, "StrOrPromise"]] = {
        "remember": _("Keep me logged in on this device (not on a shared one)"),
    }


class ChangePasswordForm(_SentenceCaseLabels, AllauthChangePasswordForm):
    labels: ClassVar[dict[str, "StrOrPromise"]] = {
        "oldpassword": _("Current password"),
        "password1": _("New password"),
        "password2": _("New password (again)"),
    }


class ResetPasswordKeyForm(_SentenceCaseLabels, AllauthResetPasswordKeyForm):
    labels: ClassVar[dict[str, "StrOrPromise"]] = {
        "password1": _("New password"),
        "password2": _("New password (again)"),
    }
