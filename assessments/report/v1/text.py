"""The v1 writer's context: one model-v1 dynamic and the partners' display names."""

from __future__ import annotations

from assessments.scoring import CoupleDynamicV1, Position


class Writer:
    """One v1 dynamic to be turned into sentences, with the names to use."""

    def __init__(self, dynamic: CoupleDynamicV1, names: dict[Position, str]) -> None:
        self.dynamic = dynamic
        self.names = names
        # Only a pursue-distance loop has one partner on each side.
        self.pursuing_name: str = names[dynamic.pursuing] if dynamic.pursuing else ""
        self.distancing_name: str = names[dynamic.distancing] if dynamic.distancing else ""
