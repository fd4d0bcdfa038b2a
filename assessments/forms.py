"""One page of the questionnaire as a Django form, built from the instrument file."""

from dataclasses import dataclass

from django import forms
from django.utils.translation import gettext as _

from assessments.instrument import Instrument, Item, with_partner

FIELD_PREFIX = "q_"


class SectionForm(forms.Form):
    """The questions of one section: each is optional until submit, and must be one of its choices.

    A post that names a question of another page is refused as a whole, so
    nothing of a tampered or stale page is saved.
    """

    def __init__(
        self, *args: object, instrument: Instrument, section_key: str, partner_name: str, **kwargs: object
    ):
        super().__init__(*args, **kwargs)  # type: ignore[arg-type]
        self.items: tuple[Item, ...] = instrument.section_items(section_key)
        for item in self.items:
            scale = instrument.response_scale_for(item)
            self.fields[FIELD_PREFIX + item.id] = forms.TypedChoiceField(
                label=with_partner(item.text, partner_name),
                choices=list(enumerate(scale.labels, start=scale.min_value)),
                coerce=int,
                required=False,
                empty_value=None,
                widget=forms.RadioSelect,
                error_messages={"invalid_choice": _("Please choose one of the answers shown.")},
            )

    def clean(self) -> dict[str, object]:
        cleaned = super().clean() or {}
        if any(key.startswith(FIELD_PREFIX) and key not in self.fields for key in self.data):
            raise forms.ValidationError(
                _("The page sent an answer to a question that is not on it. Nothing was saved.")
            )
        for name in self.fields:
            if len(self.data.getlist(name)) > 1:  # type: ignore[attr-defined]
                self.add_error(name, _("Please choose one of the answers shown."))
        return cleaned

    @property
    def values(self) -> dict[str, int]:
        """The answers given on this page (valid forms only), by item id."""
        return {
            name.removeprefix(FIELD_PREFIX): value
            for name, value in self.cleaned_data.items()
            if name.startswith(FIELD_PREFIX) and value is not None
        }

    def questions(self) -> list["Question"]:
        """The page's questions for the template: a valid posted choice, else the saved one, is selected."""
        result = []
        for number, item in enumerate(self.items, start=1):
            field = self[FIELD_PREFIX + item.id]
            choices = [(int(value), str(label)) for value, label in field.field.choices]  # type: ignore[attr-defined]
            posted = str(field.data) if self.is_bound and field.data not in (None, "") else None
            chosen = next((value for value, _label in choices if str(value) == posted), None)
            if chosen is None and not field.errors:
                chosen = self.initial.get(field.name)
            result.append(
                Question(
                    number=number,
                    item_id=item.id,
                    name=field.html_name,
                    text=str(field.label),
                    choices=choices,
                    selected=chosen,
                    error=" ".join(str(e) for e in field.errors),
                )
            )
        return result


@dataclass(frozen=True, slots=True)
class Question:
    number: int
    item_id: str
    name: str
    text: str
    choices: list[tuple[int, str]]
    selected: int | None
    error: str
