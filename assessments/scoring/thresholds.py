"""Every cut point used in scoring, in one place.

The reasoning for each number lives in ``docs/scoring.md``; keep the two in
step. Scores run 0-100, so one step of a 5-point answer scale (``Never`` to
``Rarely``, ``Sometimes`` to ``Often`` ...) is 25 points.
"""

from __future__ import annotations

#: One step of a 5-point answer scale, in 0-100 points.
STEP = 25.0

#: Bands for any 0-100 score: a score sits in the band of the answer step its
#: mean falls in (below "Rarely" is low, up to "Sometimes" is some, up to
#: "Often" is moderate, "Often" and above is high).
BAND_SOME = 25.0
BAND_MODERATE = 50.0
BAND_HIGH = 75.0

#: A person leans one way when pursuit and distance differ by at least this.
LEAN_THRESHOLD = 15.0

#: Two people's leans must be at least this far apart to form a
#: pursuer-distancer loop; two people just past the lean threshold in opposite
#: directions are exactly this far apart.
LOOP_GAP = 2 * LEAN_THRESHOLD

#: A move counts as active for both partners (mutual patterns) from the
#: "Sometimes" anchor up.
ACTIVE_LEVEL = 50.0

#: Cycle strength cut points on the cycle intensity (0-100).
CYCLE_MODERATE = 45.0
CYCLE_HIGH = 70.0

#: A self-view and the partner's view of the same move differ notably from
#: one full answer step apart.
VIEW_GAP = STEP

#: The cost of the pattern is high when either partner's impact score is in
#: the high band.
COST_HIGH = BAND_HIGH

# --- model v2 only -----------------------------------------------------------

#: Each partner's own account of who pursues more (their own lean minus the
#: lean they see in the other) names someone from this margin; two accounts
#: that name different people contradict each other.
ACCOUNT_MARGIN = LOOP_GAP

#: Answers look patterned when at least this share of the forward-keyed items
#: *and* of the reverse-keyed items got the same extreme answer (numerator,
#: denominator; compared exactly).
PATTERNED_SHARE = (3, 4)

#: Agreement between a self-view and the partner's view (0-100, 100 minus the
#: larger gap of the two moves): close from 76 (both moves less than one answer
#: step apart, so no gap is named beside it), far apart from 50 down (one move
#: two steps apart or more).
AGREEMENT_CLOSE = 100 - int(VIEW_GAP) + 1
AGREEMENT_APART = 100 - 2 * int(VIEW_GAP) + 1
