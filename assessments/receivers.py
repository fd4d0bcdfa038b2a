"""How checkups react to events in the layers below them."""

from typing import Any

from django.dispatch import receiver

from assessments.models import Checkup
from couples.models import Couple
from couples.signals import couple_ending


@receiver(couple_ending)
def wait_for_reveals_in_flight(sender: Any, couple: Couple, **kwargs: Any) -> None:
    """Wait for any submission in flight, so a couple never ends halfway through a reveal.

    Lock order: couple, then checkup; submissions lock the checkup and then
    only read the couple.
    """
    list(Checkup.objects.select_for_update().filter(couple=couple, completed_at__isnull=True))
