"""Answer profiles and helpers for tests that take the checkup."""

from assessments.instrument import current_instrument
from assessments.models import AnswerSheet
from assessments.services import answer_sheet_save_section


def answers_for(profile: dict[str, int]) -> dict[str, int]:
    """Every shared item answered so that it scores its scale's level in ``profile``."""
    instrument = current_instrument()
    return {item.id: instrument.answer_at(item, profile[item.scale]) for item in instrument.shared_items}


PURSUING = {"pursuit": 5, "distance": 1, "partner_pursuit": 1, "partner_distance": 5,
            "anxiety": 5, "avoidance": 1, "impact": 4, "repair": 2}  # fmt: skip
DISTANCING = {"pursuit": 1, "distance": 5, "partner_pursuit": 5, "partner_distance": 1,
              "anxiety": 1, "avoidance": 5, "impact": 4, "repair": 2}  # fmt: skip
BOTH_PURSUING = {"pursuit": 5, "distance": 1, "partner_pursuit": 5, "partner_distance": 1,
                 "anxiety": 5, "avoidance": 1, "impact": 3, "repair": 3}  # fmt: skip
BOTH_DISTANCING = {"pursuit": 1, "distance": 5, "partner_pursuit": 1, "partner_distance": 5,
                   "anxiety": 1, "avoidance": 5, "impact": 3, "repair": 3}  # fmt: skip
CALM = {"pursuit": 2, "distance": 2, "partner_pursuit": 2, "partner_distance": 2,
        "anxiety": 2, "avoidance": 2, "impact": 1, "repair": 5}  # fmt: skip
# Sees themselves moving away and the partner moving toward: two of these contradict each other.
SEES_SELF_MOVING_AWAY = {"pursuit": 1, "distance": 5, "partner_pursuit": 5, "partner_distance": 1,
                         "anxiety": 3, "avoidance": 3, "impact": 3, "repair": 3}  # fmt: skip


def straight_answers(value: int) -> dict[str, int]:
    """The same raw answer to every shared item, whatever its direction: answers that look patterned."""
    return {item.id: value for item in current_instrument().shared_items}


def save_answers(
    sheet: AnswerSheet, answers: dict[str, int], *, safety: dict[str, int] | None = None
) -> None:
    instrument = current_instrument()
    for section in instrument.sections:
        items = instrument.section_items(section.key)
        source = (safety or {}) if section.private else answers
        values = {item.id: source[item.id] for item in items if item.id in source}
        if values:
            answer_sheet_save_section(sheet=sheet, section_key=section.key, values=values)
