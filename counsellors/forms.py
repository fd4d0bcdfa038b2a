from django import forms
from django.utils.translation import gettext_lazy as _

from accounts.addresses import validate_deliverable
from accounts.names import DisplayNameField
from counsellors.models import CounsellorProfile


class CounsellorProfileForm(forms.ModelForm):
    # Cleaned like every display name: couples read it on their pages and in their access log.
    name = DisplayNameField(
        label=_("Your name, as couples know you"),
        help_text=_("Couples see this name when they share with you, and in their access log."),
    )

    class Meta:
        model = CounsellorProfile
        fields = ["name", "practice", "website"]
        help_texts = {
            "website": _("Where couples can read about your practice, starting with https://"),
        }


class EmailForm(forms.Form):
    email = forms.EmailField(
        label=_("Email address"),
        max_length=254,
        validators=[validate_deliverable],
        widget=forms.EmailInput(attrs={"autocomplete": "off"}),
    )


class ProposeForm(EmailForm):
    def __init__(self, *args: object, **kwargs: object) -> None:
        super().__init__(*args, **kwargs)  # type: ignore[arg-type]
        self.fields["email"].label = _("Your counsellor's email address")
        self.fields["email"].help_text = _("The address they use for their Attune counsellor account.")


class InviteCoupleForm(EmailForm):
    def __init__(self, *args: object, **kwargs: object) -> None:
        super().__init__(*args, **kwargs)  # type: ignore[arg-type]
        self.fields["email"].label = _("Email address of one of the partners")
        self.fields["email"].help_text = _(
            "We email them a link; both partners have to agree before you see anything."
        )
