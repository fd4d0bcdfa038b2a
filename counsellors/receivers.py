"""How counsellors react to events in the layers below them."""

from typing import Any

from django.dispatch import receiver

from counsellors.services import shares_end_for_couple
from couples.models import Couple
from couples.signals import couple_ending


@receiver(couple_ending)
def end_shares_of_an_ending_couple(sender: Any, couple: Couple, **kwargs: Any) -> None:
    """A couple that ends shares nothing any more: both partners agreed as a couple."""
    shares_end_for_couple(couple=couple)
