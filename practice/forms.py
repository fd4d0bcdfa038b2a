"""Request parsing for the plan and the check-ins. The limits come from the model, with their messages."""

from typing import Any

from django import forms
from django.utils.translation import gettext_lazy as _

from practice.models import (
    PAUSE_MAX_MINUTES,
    PAUSE_MIN_MINUTES,
    PAUSE_VALIDATORS,
    RETURN_VALIDATORS,
    SETTLE_VALIDATORS,
    SIGNAL_VALIDATORS,
    WAITING_VALIDATORS,
    Feeling,
    LoopCount,
    Restarter,
    ReturnAsAgreed,
    SignalUse,
)


def _text() -> forms.Textarea:
    # No maxlength: a paste that is too long is kept, with a message, rather than cut off silently.
    return forms.Textarea(attrs={"rows": 3})


class AgreementForm(forms.Form):
    base_number = forms.IntegerField(min_value=0, widget=forms.HiddenInput)
    signal = forms.CharField(
        label=_("The signal either of you uses to ask for a pause"),
        help_text=_("A word or a short phrase, at most 60 characters."),
        validators=SIGNAL_VALIDATORS,
        error_messages={"required": _("Please write the word or phrase you will use to ask for a pause.")},
    )
    pause_minutes = forms.IntegerField(
        label=_("How long a pause usually lasts, in minutes"),
        help_text=_("From 20 minutes to 24 hours (1,440 minutes). 30 to 60 minutes suits many couples."),
        validators=PAUSE_VALIDATORS,
        widget=forms.NumberInput(attrs={"min": PAUSE_MIN_MINUTES, "max": PAUSE_MAX_MINUTES, "step": 5}),
        error_messages={
            "required": _("Please say how long a pause lasts, in minutes."),
            "invalid": _("Please give the length of a pause as a whole number of minutes, such as 30."),
        },
    )
    own_settle = forms.CharField(
        label=_("What you do to settle during a pause"),
        help_text=_("Only you write this part; your partner writes their own. At most 300 characters."),
        required=False,
        validators=SETTLE_VALIDATORS,
        widget=_text(),
    )
    restarter = forms.ChoiceField(
        label=_("Who starts the talk again"),
        choices=Restarter.choices,
        widget=forms.RadioSelect,
        error_messages={"required": _("Please choose who starts the talk again.")},
    )
    return_plan = forms.CharField(
        label=_("How you come back"),
        help_text=_("Where, and the first thing you say. At most 400 characters."),
        validators=RETURN_VALIDATORS,
        widget=_text(),
        error_messages={"required": _("Please write how you come back after a pause.")},
    )
    waiting_plan = forms.CharField(
        label=_("What the one who waits does instead of following"),
        help_text=_("At most 400 characters."),
        validators=WAITING_VALIDATORS,
        widget=_text(),
        error_messages={"required": _("Please write what the one who waits does instead of following.")},
    )

    def edit(self) -> dict[str, Any]:
        """The keyword arguments of ``agreement_edit``, but the couple and the person."""
        data = self.cleaned_data
        return {
            "base_number": data["base_number"],
            "signal": data["signal"],
            "pause_minutes": data["pause_minutes"],
            "own_settle": data["own_settle"],
            "restarter": data["restarter"],
            "return_plan": data["return_plan"],
            "waiting_plan": data["waiting_plan"],
        }


def _choice(label: Any, choices: Any, coerce: Any = str) -> forms.TypedChoiceField:
    return forms.TypedChoiceField(
        label=label,
        choices=choices,
        coerce=coerce,
        widget=forms.RadioSelect,
        error_messages={"required": _("Please choose one answer.")},
    )


class CheckInForm(forms.Form):
    loop_count = _choice(_("How often did the loop start this week?"), LoopCount.choices, int)
    signal_used = _choice(_("When it started, did one of you use the signal?"), SignalUse.choices)
    returned = _choice(_("After a pause, did the return happen as you agreed?"), ReturnAsAgreed.choices)
    feeling = _choice(_("How did the week feel, as a whole?"), Feeling.choices, int)
