"""When the private safety answers call for a private, calm response.

Pure: no Django import. The threshold is deliberately low: showing someone
support resources they did not need costs little; missing someone who needed
them costs a great deal.
"""

from collections.abc import Mapping

from assessments.instrument import Instrument

# On the 5-point agreement scale, 3 is "Neither agree nor disagree". Not
# disagreeing that one is afraid, hurt or controlled is already a signal.
CONCERN_AT_OR_ABOVE = 3


def safety_concern(*, instrument: Instrument, answers: Mapping[str, int]) -> bool:
    """True when any private safety item is answered at or above the threshold."""
    return any(answers.get(item.id, 0) >= CONCERN_AT_OR_ABOVE for item in instrument.private_items)
