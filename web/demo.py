"""Answers for the demo couple: Sam leans toward pursuing, Alex toward distancing."""

from datetime import timedelta

from django.db import transaction
from django.utils import timezone

from accounts.models import User
from assessments.models import AnswerSheet, Checkup
from assessments.selectors import checkup_instrument, checkups_completed_for
from assessments.services import answer_sheet_save_section, answer_sheet_submit, checkup_start
from couples.models import Couple

# Per scale, the typical answer (1-5, before reverse keying) for each profile.
PROFILES: dict[str, dict[str, int]] = {
    "reacher_then": {"pursuit": 5, "distance": 2, "partner_pursuit": 2, "partner_distance": 5,
                     "anxiety": 5, "avoidance": 2, "impact": 4, "repair": 2},
    "stepper_then": {"pursuit": 2, "distance": 5, "partner_pursuit": 5, "partner_distance": 2,
                     "anxiety": 2, "avoidance": 4, "impact": 4, "repair": 2},
    "reacher_now": {"pursuit": 4, "distance": 2, "partner_pursuit": 2, "partner_distance": 4,
                    "anxiety": 4, "avoidance": 2, "impact": 3, "repair": 3},
    "stepper_now": {"pursuit": 2, "distance": 4, "partner_pursuit": 4, "partner_distance": 2,
                    "anxiety": 2, "avoidance": 4, "impact": 3, "repair": 4},
}  # fmt: skip


def demo_answer_all(sheet: AnswerSheet, profile: str) -> None:
    """Answer every shared item of ``sheet`` from a profile, then submit."""
    instrument = checkup_instrument(checkup=sheet.checkup)
    for section in instrument.sections:
        if section.private:
            continue
        values = {}
        for n, item in enumerate(instrument.section_items(section.key)):
            value = PROFILES[profile][item.scale] + (n % 3 == 2) * (
                -1 if PROFILES[profile][item.scale] > 3 else 1
            )
            values[item.id] = 6 - value if item.reverse else value
        answer_sheet_save_section(sheet=sheet, section_key=section.key, values=values)
    answer_sheet_submit(sheet=sheet)


@transaction.atomic
def demo_checkups(*, couple: Couple, reacher: User, stepper: User) -> None:
    """Two completed checkups, two months apart, unless the couple already has some."""
    if checkups_completed_for(couple=couple).exists():
        return
    for when, reacher_profile, stepper_profile in (
        (timezone.now() - timedelta(days=60), "reacher_then", "stepper_then"),
        (None, "reacher_now", "stepper_now"),
    ):
        checkup = checkup_start(couple=couple, user=reacher)
        demo_answer_all(checkup.answer_sheets.get(user=reacher), reacher_profile)
        demo_answer_all(checkup.answer_sheets.get(user=stepper), stepper_profile)
        if when is not None:
            Checkup.objects.filter(pk=checkup.pk).update(started_at=when, completed_at=when)
