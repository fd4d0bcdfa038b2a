"""The v2 writer: one dynamic, the partners' names, and the claims printed so far."""

from __future__ import annotations

from assessments.report.claims import Claim, Facts, check
from assessments.scoring import CoupleDynamic, Position


class Writer:
    """Turns one model-v2 dynamic into sentences; every descriptive one goes through ``say``."""

    def __init__(self, dynamic: CoupleDynamic, names: dict[Position, str]) -> None:
        self.dynamic = dynamic
        self.names = names
        self.facts = Facts(dynamic)
        self.claims: list[Claim] = []
        # Only a pursue-distance loop has one partner on each side.
        self.pursuing_name: str = names[dynamic.pursuing] if dynamic.pursuing else ""
        self.distancing_name: str = names[dynamic.distancing] if dynamic.distancing else ""

    def say(self, key: str, text: str, *about: Position) -> str:
        """Check the claim ``key`` against the numbers, record it, and return its text."""
        check(self.facts, key, about)
        self.claims.append(Claim(key, about, text))
        return text
