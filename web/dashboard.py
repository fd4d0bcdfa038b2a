"""What the dashboard shows about checkups: only the person's own progress, never the partner's."""

from typing import Any

from accounts.models import User
from assessments.selectors import (
    answer_sheet_for,
    answer_sheet_has_safety_concern,
    checkup_open_for,
    checkups_completed_for,
)
from couples.models import Couple
from couples.selectors import couple_partner


def checkup_dashboard(*, couple: Couple, user: User) -> dict[str, Any]:
    open_checkup = checkup_open_for(couple=couple)
    sheet = answer_sheet_for(checkup=open_checkup, user=user) if open_checkup else None
    partner = couple_partner(couple=couple, user=user)
    return {
        "open_checkup": open_checkup,
        "my_sheet": sheet,
        # The person's own private answers only; the partner's are never read here.
        "safety_concern": bool(sheet and answer_sheet_has_safety_concern(sheet=sheet)),
        "partner_name": partner.display_name if partner else "",
        "completed_checkups": list(checkups_completed_for(couple=couple).order_by("-completed_at")),
    }
