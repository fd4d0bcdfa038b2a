"""Parsing one posted page of the questionnaire.

Hand-written rather than a Django Form: the fields come from the instrument
file, and the rules are few and strict (every posted key must be a question
of this page, every value one of its choices).
"""

from dataclasses import dataclass, field

from django.http import QueryDict
from django.utils.translation import gettext as _

from assessments.instrument import Instrument

FIELD_PREFIX = "q_"


@dataclass
class SectionInput:
    values: dict[str, int] = field(default_factory=dict)
    item_errors: dict[str, str] = field(default_factory=dict)
    errors: list[str] = field(default_factory=list)

    @property
    def is_valid(self) -> bool:
        return not self.item_errors and not self.errors


def section_parse(*, instrument: Instrument, section_key: str, data: QueryDict) -> SectionInput:
    """Valid answers of this page, or messages saying what is wrong. Unanswered is allowed."""
    result = SectionInput()
    items = {item.id: item for item in instrument.section_items(section_key)}
    for key in data:
        if key.startswith(FIELD_PREFIX) and key.removeprefix(FIELD_PREFIX) not in items:
            result.errors.append(
                _("The page sent an answer to a question that is not on it. Nothing was saved.")
            )
            return result
    for item_id, item in items.items():
        raw = data.getlist(FIELD_PREFIX + item_id)
        if not raw or raw == [""]:
            continue
        scale = instrument.response_scale_for(item)
        value = raw[0].strip()
        valid = len(raw) == 1 and len(value) <= 3 and value.isdecimal()
        if not valid or not scale.min_value <= int(value) <= scale.max_value:
            result.item_errors[item_id] = _("Please choose one of the answers shown.")
            continue
        result.values[item_id] = int(value)
    return result
