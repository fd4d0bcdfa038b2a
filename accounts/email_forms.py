"""allauth's account forms, adjusted.

A module apart from ``accounts.forms``, which allauth imports while loading its own forms.
"""

from typing import Any

from allauth.account.adapter import get_adapter
from allauth.account.forms import AddEmailForm as AllauthAddEmailForm
from allauth.account.models import EmailAddress
from django.http import HttpRequest


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
