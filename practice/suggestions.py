"""First words for a pause agreement, from the couple's report. Pure Python, no Django.

The couple edits all of it; these only spare them the blank page. They follow
the outcome: with a pursue-distance loop, the partner who leans toward
distancing usually asks for the pause and comes back, and the partner who
leans toward pursuing settles instead of following. When both lean the same
way, or there is no clear direction, the plan is symmetric.
"""

from dataclasses import dataclass

# Pattern and tendency values as the scoring package spells them (assessments.scoring).
PURSUE_DISTANCE = "pursue_distance"
BOTH_PURSUING = "both_pursuing"
BOTH_DISTANCING = "both_distancing"

SETTLE_PURSUING = (
    "Write down what I want to say instead of sending it, then walk or breathe slowly "
    "until my body has calmed down."
)
SETTLE_DISTANCING = (
    "Do something calming on my own, like a walk or music, then think about one thing "
    "I want to say when we talk again."
)
SETTLE_EITHER = "Take a short walk or do something with my hands until I feel calmer."


@dataclass(frozen=True, slots=True)
class Suggestion:
    signal: str
    pause_minutes: int
    settle_a: str
    settle_b: str
    restarter: str  # a practice.models.Restarter value
    return_plan: str
    waiting_plan: str


def _settle(tendency: str) -> str:
    return {"pursuing": SETTLE_PURSUING, "distancing": SETTLE_DISTANCING}.get(tendency, SETTLE_EITHER)


def suggest_plan(
    *, pattern: str | None, tendency_a: str | None, tendency_b: str | None, name_a: str, name_b: str
) -> Suggestion:
    """Suggested fields for a couple with this ``pattern`` and these leanings (None: no report yet)."""
    settle_a, settle_b = _settle(tendency_a or ""), _settle(tendency_b or "")
    if pattern == PURSUE_DISTANCE and {tendency_a, tendency_b} == {"pursuing", "distancing"}:
        pursuing, distancing = (name_a, name_b) if tendency_a == "pursuing" else (name_b, name_a)
        return Suggestion(
            signal="We're in the loop",
            pause_minutes=30,
            settle_a=settle_a,
            settle_b=settle_b,
            restarter="caller",
            return_plan=(
                f"{distancing} comes back at the agreed time, even if only to say how much longer they need. "
                "We start again by naming the loop, not each other."
            ),
            waiting_plan=(
                f"{pursuing} lets {distancing} go without following, calling or texting, "
                "and settles instead. Anything that feels urgent gets written down for the talk."
            ),
        )
    if pattern == BOTH_DISTANCING:
        return Suggestion(
            signal="Pause, and we come back",
            pause_minutes=60,
            settle_a=settle_a,
            settle_b=settle_b,
            restarter="caller",
            return_plan=(
                "The one who asked for the pause comes back at the agreed time and starts the talk, "
                "so that the pause does not quietly become silence."
            ),
            waiting_plan="The one who waits does something calming of their own and trusts the agreed time.",
        )
    return Suggestion(
        signal="Time out, we're in the loop",
        pause_minutes=20 if pattern == BOTH_PURSUING else 30,
        settle_a=settle_a,
        settle_b=settle_b,
        restarter="either",
        return_plan=(
            "Whoever feels ready first at the agreed time asks the other if now is good. "
            "We start by naming the loop, not each other."
        ),
        waiting_plan=(
            "The one who waits does not follow, call or text during the pause, and settles in their own way."
        ),
    )
