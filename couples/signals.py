"""What couples tell the layers above them, without importing them."""

from django.dispatch import Signal

#: Sent inside ``couple_leave``'s transaction with the couple row locked, before it is
#: dissolved (``couple``, ``user`` leaving). Receivers that must finish their own work
#: first (a reveal in flight) take their locks here.
couple_ending = Signal()
