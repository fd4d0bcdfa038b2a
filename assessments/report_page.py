"""Everything the report page shows, gathered in a fixed number of queries."""

from collections import defaultdict
from typing import Any

from django.utils.translation import gettext as _

from accounts.models import User
from assessments.charts import (
    LINE_HEIGHT,
    LINE_LEFT,
    LINE_TOP,
    LINE_WIDTH,
    MARGIN,
    PLOT,
    dance_points,
    history_series,
    line_x,
    line_y,
)
from assessments.instrument import get_instrument
from assessments.models import Answer, AnswerSheet, Checkup
from assessments.report import BAND_LABELS, STRENGTH_LABELS, build_report, lean_text, score_text
from assessments.scoring import CoupleDynamic, couple_dynamic
from couples.models import Membership


def report_context(*, checkup: Checkup, user: User) -> dict[str, Any] | None:
    """The template context for ``checkup``'s report, or None if it cannot be shown.

    Partner positions are fixed by membership order, so ``a`` and ``b`` mean
    the same people in every checkup of the couple. Queries: memberships,
    checkups, sheets, answers; whatever the number of items or checkups.
    """
    members = [
        m.user
        for m in Membership.objects.filter(couple_id=checkup.couple_id).select_related("user").order_by("pk")
    ]
    if len(members) != 2 or user not in members:
        return None
    checkups = list(
        Checkup.objects.filter(
            couple_id=checkup.couple_id, completed_at__isnull=False, completed_at__lte=checkup.completed_at
        ).order_by("completed_at")
    )
    sheets = list(AnswerSheet.objects.filter(checkup__in=checkups))
    answers: dict[int, dict[str, int]] = defaultdict(dict)
    for sheet_id, item_id, value in Answer.objects.filter(sheet__in=sheets).values_list(
        "sheet_id", "item_id", "value"
    ):
        answers[sheet_id][item_id] = value
    by_checkup: dict[int, dict[int, int]] = defaultdict(dict)
    for sheet in sheets:
        by_checkup[sheet.checkup_id][sheet.user_id] = sheet.pk

    dynamics: list[tuple[Checkup, CoupleDynamic]] = []
    for past in checkups:
        ids = by_checkup[past.pk]
        if members[0].pk not in ids or members[1].pk not in ids:
            continue  # a checkup whose answers were deleted with an account
        instrument = get_instrument(past.instrument_key, past.instrument_version)
        dynamics.append(
            (past, couple_dynamic(instrument, answers[ids[members[0].pk]], answers[ids[members[1].pk]]))
        )
    if not dynamics or dynamics[-1][0].pk != checkup.pk:
        return None

    a, b = members
    dynamic = dynamics[-1][1]
    report = build_report(
        dynamic,
        name_a=a.display_name,
        name_b=b.display_name,
        history=[d for _c, d in dynamics[:-1]],
        translate=_,
    )
    context: dict[str, Any] = {
        "checkup": checkup,
        "report": report,
        "dynamic": dynamic,
        "reader_position": "a" if user == a else "b",
        "names": {"a": report.name_a, "b": report.name_b},
        "points": dance_points(
            dynamic,
            name_a=report.name_a,
            name_b=report.name_b,
            self_label=_("{name}, as {name} sees it"),
            seen_label=_("{name}, as {partner} sees it"),
        ),
        "score_rows": [
            {
                "label": row.label,
                "a": score_text(row.a),
                "b": score_text(row.b),
                "band_a": _(BAND_LABELS[row.band_a]),
                "band_b": _(BAND_LABELS[row.band_b]),
                "band_a_key": row.band_a.value,
                "band_b_key": row.band_b.value,
            }
            for row in report.score_rows
        ],
        "plot": {"margin": MARGIN, "size": PLOT, "end": MARGIN + PLOT, "mid": MARGIN + PLOT / 2},
    }
    if len(dynamics) > 1:
        dates = [c.completed_at for c, _d in dynamics]
        context["history"] = {
            "dates": dates,
            "rows": [
                {
                    "date": date,
                    "lean_a": lean_text(row.lean_a),
                    "lean_b": lean_text(row.lean_b),
                    "strength": _(STRENGTH_LABELS[row.cycle_strength]),
                    "cycle": score_text(row.cycle_intensity),
                    "impact_a": score_text(row.impact_a),
                    "impact_b": score_text(row.impact_b),
                }
                for date, row in zip(dates, report.history, strict=True)
            ],
            "series": history_series(
                [
                    (
                        "lean-a",
                        _("%(name)s's lean") % {"name": report.name_a},
                        [r.lean_a for r in report.history],
                    ),
                    (
                        "lean-b",
                        _("%(name)s's lean") % {"name": report.name_b},
                        [r.lean_b for r in report.history],
                    ),
                    ("cycle", _("How strongly the loop runs"), [r.cycle_intensity for r in report.history]),
                    (
                        "cost",
                        _("Cost (higher of the two)"),
                        [max(r.impact_a, r.impact_b) for r in report.history],
                    ),
                ]
            ),
            "x": [line_x(i, len(dates)) for i in range(len(dates))],
            "frame": {
                "left": LINE_LEFT,
                "top": LINE_TOP,
                "right": LINE_LEFT + LINE_WIDTH,
                "bottom": LINE_TOP + LINE_HEIGHT,
                "zero": line_y(0),
                "plus": line_y(100),
                "minus": line_y(-100),
            },
        }
    return context
