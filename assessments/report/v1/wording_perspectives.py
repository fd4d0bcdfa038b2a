"""Wording for how you see each other, what each of you protects, and what the cycle costs."""

from __future__ import annotations

from assessments.report.i18n import _
from assessments.report.labels import score_text, scored
from assessments.report.model import ReportSection
from assessments.report.v1.text import Writer
from assessments.scoring import Band, Pattern, Position, other


def agreement_section(w: Writer) -> ReportSection:
    paragraphs = [_view_statement(w, person.position) for person in w.dynamic.people]
    paragraphs.append(_roles_statement(w))
    return ReportSection("agreement", _("How you see each other"), tuple(paragraphs))


def _view_statement(w: Writer, position: Position) -> str:
    person = w.dynamic.person(position)
    values = {
        "x": w.names[position],
        "y": w.names[other(position)],
        "self_toward": score_text(person.scores.pursuit),
        "seen_toward": score_text(person.seen_pursuit),
        "self_away": score_text(person.scores.distance),
        "seen_away": score_text(person.seen_distance),
    }
    if person.views_agree:
        return _(
            "{y} sees {x}'s moves much as {x} does: moving toward {self_toward} by {x}'s account and "
            "{seen_toward} by {y}'s; moving away {self_away} and {seen_away}."
        ).format(**values)
    lines = []
    if person.large_pursuit_gap and person.pursuit_gap > 0:
        lines.append(
            _(
                "{x} reports more moving toward ({self_toward}) than {y} notices "
                "({seen_toward}); some of {x}'s bids for connection may land more quietly than meant."
            )
        )
    elif person.large_pursuit_gap:
        lines.append(
            _(
                "{y} feels more pressing from {x} ({seen_toward}) than {x} reports ({self_toward}); what "
                "{x} means as a simple question may land on {y} as pressure."
            )
        )
    if person.large_distance_gap and person.distance_gap > 0:
        lines.append(
            _(
                "{x} reports more moving away ({self_away}) than {y} notices "
                "({seen_away}); {x} may be pulling away inside while still looking present."
            )
        )
    elif person.large_distance_gap:
        lines.append(
            _(
                "{y} feels more distance from {x} ({seen_away}) than {x} reports ({self_away}); a pause "
                "that feels short to {x} may feel long to {y}."
            )
        )
    return " ".join(line.format(**values) for line in lines)


def _roles_statement(w: Writer) -> str:
    d = w.dynamic
    if d.roles_agree and d.reading_by_a is None:
        return _("Neither of your accounts shows one of you clearly pursuing more than the other.")
    if d.roles_agree:
        return _(
            "You agree on the overall shape: each of you sees {name} as the one who pursues more."
        ).format(name=w.names[d.reading_by_a or "a"])
    accounts = []
    readings: tuple[tuple[Position, Position | None], ...] = (
        ("a", d.reading_by_a),
        ("b", d.reading_by_b),
    )
    for reader, reading in readings:
        if reading is None:
            line = _("{reader}'s answers show no clear difference")
        else:
            line = _("{reader}'s answers show {name} as the one who pursues more")
        accounts.append(line.format(reader=w.names[reader], name=w.names[reading] if reading else ""))
    return _(
        "Your accounts of who pursues more differ: {first}, while {second}. Each of you sees the loop "
        "from inside it, so both views are worth hearing."
    ).format(first=accounts[0], second=accounts[1])


def protects_section(w: Writer) -> ReportSection:
    d, p, q = w.dynamic, w.pursuing_name, w.distancing_name
    opening = {
        Pattern.PURSUE_DISTANCE: _(
            "{p} protects the relationship by seeking closeness: reconnecting is how {p} feels safe "
            "again. {q} protects it by seeking space: moving away is how {q} steadies. Both "
            "intentions are caring; it is the collision of the two that hurts."
        ),
        Pattern.BOTH_PURSUING: _(
            "You both protect the relationship by seeking closeness: reconnecting quickly is how each "
            "of you feels safe again."
        ),
        Pattern.BOTH_DISTANCING: _(
            "You both protect the relationship by seeking space: steadying yourselves first is how "
            "each of you copes, and it keeps arguments from flaring."
        ),
        Pattern.FLEXIBLE: _(
            "Each of you has ways of seeking closeness and ways of finding space, and you can use both."
        ),
    }[d.pattern].format(p=p, q=q)
    a, b = d.a.scores, d.b.scores
    numbers = _(
        "Closeness as safety: {a} {a_close}, {b} {b_close}. Space as safety: {a} {a_space}, "
        "{b} {b_space}. Someone who finds safety in closeness may watch closely for signs of "
        "withdrawal; someone who finds safety in space may feel strong emotional demands as a lot "
        "to carry. These describe what tends to settle each of you, not a fixed trait."
    ).format(
        a=w.names["a"],
        b=w.names["b"],
        a_close=scored(a.anxiety),
        b_close=scored(b.anxiety),
        a_space=scored(a.avoidance),
        b_space=scored(b.avoidance),
    )
    return ReportSection("protects", _("What each of you is protecting"), (opening, numbers))


def cost_section(w: Writer) -> ReportSection:
    d = w.dynamic
    a, b = d.a.scores, d.b.scores
    paragraphs = [
        _("What the cycle costs, as each of you rates it: {a} {a_cost}, {b} {b_cost}.").format(
            a=w.names["a"], b=w.names["b"], a_cost=scored(a.impact), b_cost=scored(b.impact)
        )
    ]
    if d.cost_band is Band.HIGH:
        paragraphs.append(
            _(
                "Left as it is, a loop like this tends to leave issues unresolved, lets quiet "
                "resentment build on both sides, and wears down trust in talking openly. Seeing it "
                "clearly now is the first step to changing it."
            )
        )
    elif d.cost_band is Band.MODERATE:
        paragraphs.append(
            _(
                "Some of that cost may already show: conversations that never finish, tiredness, "
                "feeling unseen. It is worth tending to before it grows."
            )
        )
    else:
        paragraphs.append(_("For now, the pattern seems to cost you relatively little."))
    paragraphs.append(
        _(
            "What already helps, as each of you rates it: {a} {a_repair}, {b} {b_repair}. Calming "
            "down before responding, saying plainly what you need, and naming the loop together are "
            "the habits the guidance below builds on."
        ).format(a=w.names["a"], b=w.names["b"], a_repair=scored(a.repair), b_repair=scored(b.repair))
    )
    return ReportSection("cost", _("What the cycle costs, and what already helps"), tuple(paragraphs))
