from django import forms
from django.http import HttpRequest
from django.utils.translation import gettext_lazy as _

from accounts.models import User


class SignupForm(forms.Form):
    """Extra sign-up fields, mixed into allauth's own sign-up form."""

    display_name = forms.CharField(
        label=_("What your partner calls you"),
        max_length=60,
        help_text=_("A first name or nickname. Your partner sees it; nothing else about you."),
        widget=forms.TextInput(attrs={"autocomplete": "nickname"}),
    )

    def clean_display_name(self) -> str:
        name = self.cleaned_data["display_name"].strip()
        if not name:
            raise forms.ValidationError(_("Please tell us what your partner calls you."))
        return name

    def signup(self, request: HttpRequest, user: User) -> None:
        user.display_name = self.cleaned_data["display_name"]
        user.save(update_fields=["display_name"])
