import pytest

from assessments.instrument import current_instrument
from assessments.models import Response
from assessments.services import checkup_start, response_save_section, response_submit


def answers_for(profile: dict[str, int]) -> dict[str, int]:
    """Every shared item answered with its scale's value in ``profile`` (reverse items flipped)."""
    instrument = current_instrument()
    return {
        item.id: (6 - profile[item.scale]) if item.reverse else profile[item.scale]
        for item in instrument.shared_items
    }


REACHER = {"pursuit": 5, "distance": 1, "partner_pursuit": 1, "partner_distance": 5,
           "anxiety": 5, "avoidance": 1, "impact": 4, "repair": 2}  # fmt: skip
STEPPER = {"pursuit": 1, "distance": 5, "partner_pursuit": 5, "partner_distance": 1,
           "anxiety": 1, "avoidance": 5, "impact": 4, "repair": 2}  # fmt: skip
BOTH_REACH = {"pursuit": 5, "distance": 1, "partner_pursuit": 5, "partner_distance": 1,
              "anxiety": 5, "avoidance": 1, "impact": 3, "repair": 3}  # fmt: skip
BOTH_STEP = {"pursuit": 1, "distance": 5, "partner_pursuit": 1, "partner_distance": 5,
             "anxiety": 1, "avoidance": 5, "impact": 3, "repair": 3}  # fmt: skip
CALM = {"pursuit": 2, "distance": 2, "partner_pursuit": 2, "partner_distance": 2,
        "anxiety": 2, "avoidance": 2, "impact": 1, "repair": 5}  # fmt: skip


def save_answers(
    response: Response, answers: dict[str, int], *, safety: dict[str, int] | None = None
) -> None:
    instrument = current_instrument()
    for section in instrument.sections:
        items = instrument.section_items(section.key)
        source = (safety or {}) if section.private else answers
        values = {item.id: source[item.id] for item in items if item.id in source}
        if values:
            response_save_section(response=response, section_key=section.key, values=values)


@pytest.fixture
def checkup_for():
    """Start a checkup for a couple and return (checkup, response_a, response_b)."""

    def make(couple, a, b):
        checkup = checkup_start(couple=couple, user=a)
        return checkup, checkup.responses.get(user=a), checkup.responses.get(user=b)

    return make


@pytest.fixture
def completed_checkup(couple_of, checkup_for, django_capture_on_commit_callbacks):
    """A couple {a, b} whose checkup is complete with the given profiles; returns (checkup, a, b)."""

    def make(profile_a=REACHER, profile_b=STEPPER, couple=None, a=None, b=None):
        if couple is None:
            couple, a, b = couple_of()
        checkup, ra, rb = checkup_for(couple, a, b)
        save_answers(ra, answers_for(profile_a))
        save_answers(rb, answers_for(profile_b))
        with django_capture_on_commit_callbacks(execute=True):
            response_submit(response=ra)
            response_submit(response=rb)
        checkup.refresh_from_db()
        return checkup, a, b

    return make
