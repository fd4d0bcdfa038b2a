"""How the practice reacts to events in the layers below it."""

from typing import Any

from django.dispatch import receiver
from django.template.loader import render_to_string
from django.utils.safestring import SafeString

from accounts.models import User
from assessments.models import Checkup
from assessments.signals import report_panels
from couples.models import Couple
from couples.signals import couple_ending
from practice.presenters import plan_page
from practice.selectors import plan_data_for
from practice.services import agreement_close


@receiver(couple_ending)
def close_the_plan(sender: Any, couple: Couple, **kwargs: Any) -> None:
    """Leaving the couple closes the pause plan and its practice for both partners."""
    agreement_close(couple=couple)


@receiver(report_panels)
def plan_panel(sender: Any, checkup: Checkup, user: User, **kwargs: Any) -> SafeString | None:
    """The pause plan in brief, with the timeline of checkups and practice weeks, for the report page.

    Only for the couple the person is in now (a report of an ended couple has no plan to show).
    """
    couple = checkup.couple
    if not couple.is_active:
        return None
    data = plan_data_for(user=user, couple=couple, detail=False)
    if data is None:
        return None
    return SafeString(render_to_string("practice/_summary.html", {"plan": plan_page(data)}))
