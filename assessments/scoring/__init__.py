"""Scoring: pure functions from answers to scale scores to the couple's dynamic.

No Django or database import anywhere in this package. Formulas and the
reasoning for every threshold: ``docs/scoring.md``.
"""

from __future__ import annotations

from assessments.scoring.dynamic import (
    CoupleDynamic,
    Pattern,
    PersonDynamic,
    Position,
    Side,
    Strength,
    Tendency,
    couple_dynamic,
    cycle_strength,
    dynamic_from_scores,
    other,
    tendency,
)
from assessments.scoring.scales import (
    SHARED_SCALES,
    Band,
    ScaleScores,
    ScoringError,
    band,
    response_scale,
    scale_score,
    score_response,
)

__all__ = [
    "SHARED_SCALES",
    "Band",
    "CoupleDynamic",
    "Pattern",
    "PersonDynamic",
    "Position",
    "ScaleScores",
    "ScoringError",
    "Side",
    "Strength",
    "Tendency",
    "band",
    "couple_dynamic",
    "cycle_strength",
    "dynamic_from_scores",
    "other",
    "response_scale",
    "scale_score",
    "score_response",
    "tendency",
]
