"""The answering-style check: the same extreme answer whatever an item's direction.

Someone who ticks the top (or the bottom) of the scale for nearly every
statement, including statements that point in opposite directions, has told
us more about how they filled in the form than about how they move. The
result is then marked less reliable. Pure Python; rule and reasons in
``docs/scoring.md``.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import Literal

from assessments.instrument import Instrument, Item
from assessments.scoring.scales import SHARED_SCALES
from assessments.scoring.thresholds import PATTERNED_SHARE

Extreme = Literal["highest", "lowest"]


@dataclass(frozen=True, slots=True)
class AnswerStyle:
    """How one person used the answer scale on the scales keyed both ways.

    ``extreme`` names the end of the scale that was repeated when the answers
    look patterned, else None. The counts are over the items checked.
    """

    patterned: bool
    extreme: Extreme | None = None
    forward_items: int = 0
    reverse_items: int = 0
    forward_at_extreme: int = 0
    reverse_at_extreme: int = 0


#: The style of answers that were not checked or showed no such pattern.
VARIED = AnswerStyle(patterned=False)


def checked_items(instrument: Instrument) -> tuple[Item, ...]:
    """The shared items of every scale that has items keyed in both directions."""
    two_way = {
        scale
        for scale in SHARED_SCALES
        if {item.reverse for item in instrument.items_for_scale(scale)} == {True, False}
    }
    return tuple(item for item in instrument.shared_items if item.scale in two_way)


def answer_style(instrument: Instrument, answers: Mapping[str, int]) -> AnswerStyle:
    """Check one person's raw answers (before reverse keying) for one repeated extreme.

    Patterned when, for the top or the bottom of the scale, at least
    ``PATTERNED_SHARE`` of the forward-keyed items *and* of the reverse-keyed
    items on the checked scales got that answer. Unanswered items count as
    not at the extreme (scoring rejects them separately).
    """
    items = checked_items(instrument)
    forward = [item for item in items if not item.reverse]
    reverse = [item for item in items if item.reverse]
    if not forward or not reverse:
        return VARIED
    numerator, denominator = PATTERNED_SHARE
    for extreme in ("highest", "lowest"):
        forward_hits = sum(_at(instrument, item, answers, extreme) for item in forward)
        reverse_hits = sum(_at(instrument, item, answers, extreme) for item in reverse)
        if (
            forward_hits * denominator >= len(forward) * numerator
            and reverse_hits * denominator >= len(reverse) * numerator
        ):
            return AnswerStyle(
                patterned=True,
                extreme="highest" if extreme == "highest" else "lowest",
                forward_items=len(forward),
                reverse_items=len(reverse),
                forward_at_extreme=forward_hits,
                reverse_at_extreme=reverse_hits,
            )
    return AnswerStyle(patterned=False, forward_items=len(forward), reverse_items=len(reverse))


def _at(instrument: Instrument, item: Item, answers: Mapping[str, int], extreme: str) -> bool:
    scale = instrument.response_scale_for(item)
    target = scale.max_value if extreme == "highest" else scale.min_value
    return answers.get(item.id) == target
