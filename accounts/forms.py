from django import forms
from django.http import HttpRequest
from django.utils.translation import gettext_lazy as _

from accounts.models import User
from accounts.names import DisplayNameField


class SignupForm(forms.Form):
    """Extra sign-up fields, mixed into allauth's own sign-up form."""

    display_name = DisplayNameField(
        label=_("What your partner calls you"),
        help_text=_("A first name or nickname. Your partner sees it; nothing else about you."),
        widget=forms.TextInput(attrs={"autocomplete": "nickname"}),
        error_messages={"required": _("Please tell us what your partner calls you.")},
    )

    def signup(self, request: HttpRequest, user: User) -> None:
        user.display_name = self.cleaned_data["display_name"]
        user.save(update_fields=["display_name"])
