from django import forms
from django.utils.translation import gettext_lazy as _

from accounts.addresses import validate_deliverable
from couples.models import MESSAGE_MAX_LENGTH


class InviteForm(forms.Form):
    email = forms.EmailField(
        label=_("Your partner's email address"),
        max_length=254,
        validators=[validate_deliverable],
        widget=forms.EmailInput(attrs={"autocomplete": "off"}),
    )
    message = forms.CharField(
        label=_("A short message (optional)"),
        help_text=_("Up to %(max)d characters. Your partner sees it with the invitation.")
        % {"max": MESSAGE_MAX_LENGTH},
        max_length=MESSAGE_MAX_LENGTH,
        required=False,
        widget=forms.Textarea(attrs={"rows": 4}),
    )
