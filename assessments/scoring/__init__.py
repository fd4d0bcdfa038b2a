"""Scoring: pure functions from answers to scale scores to the couple's dynamic.

No Django or database import anywhere in this package. Formulas and the
reasoning for every threshold: ``docs/scoring.md``. Checkups on instrument v1
are read with model v1 (``dynamic_v1``); every other checkup with model v2.
"""

from __future__ import annotations

from assessments.scoring.dynamic import (
    MOVE_SCALES,
    AnyDynamic,
    CoupleDynamic,
    PersonDynamic,
    agreement_band,
    answer_steps,
    couple_dynamic,
    dynamic_from_scores,
    model_version,
)
from assessments.scoring.dynamic_v1 import (
    CoupleDynamicV1,
    PersonDynamicV1,
    couple_dynamic_v1,
    dynamic_v1_from_scores,
)
from assessments.scoring.outcomes import (
    Pattern,
    Position,
    Side,
    Strength,
    Tendency,
    cycle_strength,
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
    whole,
)
from assessments.scoring.style import VARIED, AnswerStyle, answer_style

__all__ = [
    "MOVE_SCALES",
    "SHARED_SCALES",
    "VARIED",
    "AnswerStyle",
    "AnyDynamic",
    "Band",
    "CoupleDynamic",
    "CoupleDynamicV1",
    "Pattern",
    "PersonDynamic",
    "PersonDynamicV1",
    "Position",
    "ScaleScores",
    "ScoringError",
    "Side",
    "Strength",
    "Tendency",
    "agreement_band",
    "answer_steps",
    "answer_style",
    "band",
    "couple_dynamic",
    "couple_dynamic_v1",
    "cycle_strength",
    "dynamic_from_scores",
    "dynamic_v1_from_scores",
    "model_version",
    "other",
    "response_scale",
    "scale_score",
    "score_response",
    "tendency",
    "whole",
]
