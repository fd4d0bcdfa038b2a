"""Wording for how you see each other, what each of you protects, and what tension costs."""

from __future__ import annotations

from assessments.report.i18n import _, gettext_noop
from assessments.report.labels import lean_text, score_text, scored
from assessments.report.model import ReportSection
from assessments.report.text import Writer
from assessments.scoring import Band, Pattern, Position, agreement_band, other
from assessments.scoring.thresholds import ACTIVE_LEVEL

AGREEMENT_WORDS = {
    Band.HIGH: gettext_noop("close"),
    Band.MODERATE: gettext_noop("some difference"),
    Band.LOW: gettext_noop("far apart"),
}


POSITIONS: tuple[Position, Position] = ("a", "b")


def agreement_section(w: Writer) -> ReportSection:
    paragraphs: list[str] = []
    for x in POSITIONS:
        paragraphs.append(_figure(w, x))
        paragraphs += _gaps(w, x)
    for x in POSITIONS:
        paragraphs.append(_account(w, x))
    paragraphs.append(_roles(w))
    return ReportSection("agreement", _("How you see each other"), tuple(paragraphs))


def _values(w: Writer, x: Position) -> dict[str, str]:
    f = w.facts
    return {
        "x": w.names[x],
        "y": w.names[other(x)],
        "self_toward": score_text(f.self_toward(x)),
        "seen_toward": score_text(f.seen_toward(x)),
        "self_away": score_text(f.self_away(x)),
        "seen_away": score_text(f.seen_away(x)),
    }


def _figure(w: Writer, x: Position) -> str:
    agreement = w.facts.agreement(x)
    return w.say(
        "agreement.figure",
        _(
            "How closely your views of {x} match: {agreement} out of 100 ({word}). {x} puts their own "
            "moving toward at {self_toward} and moving away at {self_away}; {y} sees {x} at {seen_toward} "
            "and {seen_away}."
        ).format(agreement=agreement, word=_(AGREEMENT_WORDS[agreement_band(agreement)]), **_values(w, x)),
        x,
    )


def _gaps(w: Writer, x: Position) -> list[str]:
    person, values, lines = w.dynamic.person(x), _values(w, x), []
    if person.large_pursuit_gap and person.pursuit_gap > 0:
        lines.append(
            w.say(
                "gap.toward_self_more",
                _(
                    "{x} sees more moving toward in themselves ({self_toward}) than {y} notices "
                    "({seen_toward}); some of {x}'s bids for connection may land more quietly than meant."
                ).format(**values),
                x,
            )
        )
    elif person.large_pursuit_gap:
        lines.append(
            w.say(
                "gap.toward_seen_more",
                _(
                    "{y} sees more moving toward in {x} ({seen_toward}) than {x} reports ({self_toward}); "
                    "what {x} means as a simple question may land on {y} as pressure."
                ).format(**values),
                x,
            )
        )
    if person.large_distance_gap and person.distance_gap > 0:
        lines.append(
            w.say(
                "gap.away_self_more",
                _(
                    "{x} reports more moving away ({self_away}) than {y} notices ({seen_away}); {x} may "
                    "pull away inside while still looking present."
                ).format(**values),
                x,
            )
        )
    elif person.large_distance_gap:
        lines.append(
            w.say(
                "gap.away_seen_more",
                _(
                    "{y} sees more moving away in {x} ({seen_away}) than {x} reports ({self_away}); a pause "
                    "that feels short to {x} may feel long to {y}."
                ).format(**values),
                x,
            )
        )
    return lines


def _account(w: Writer, x: Position) -> str:
    f, y = w.facts, other(x)
    return w.say(
        "account.own",
        _("By {x}'s own answers, {x}'s lean is {own} and {y}'s is {seen}.").format(
            x=w.names[x],
            y=w.names[y],
            own=lean_text(f.self_toward(x) - f.self_away(x)),
            seen=lean_text(f.seen_toward(y) - f.seen_away(y)),
        ),
        x,
    )


def _roles(w: Writer) -> str:
    f = w.facts
    reading_a, reading_b = f.reading("a"), f.reading("b")
    if reading_a is None and reading_b is None:
        return w.say(
            "roles.none", _("Neither of your accounts shows one of you clearly pursuing more than the other.")
        )
    if reading_a == reading_b and reading_a is not None:
        return w.say(
            "roles.agree",
            _("You agree on the overall shape: by each of your answers, {name} pursues more.").format(
                name=w.names[reading_a]
            ),
            reading_a,
        )
    accounts = []
    readings: tuple[tuple[Position, Position | None], ...] = (("a", reading_a), ("b", reading_b))
    for reader, reading in readings:
        if reading is None:
            line = _("{reader}'s answers show no clear difference")
        else:
            line = _("{reader}'s answers show {name} pursuing more")
        accounts.append(line.format(reader=w.names[reader], name=w.names[reading] if reading else ""))
    return w.say(
        "roles.differ",
        _(
            "Your accounts of who pursues more differ: {first}, while {second}. Each of you sees the "
            "pattern from inside it, so both views are worth hearing."
        ).format(first=accounts[0], second=accounts[1]),
    )


def protects_section(w: Writer) -> ReportSection:
    opening = (
        _(
            "Both of you are trying to protect the relationship, each in your own way. The intentions "
            "are caring, even when the moves collide."
        )
        if w.dynamic.pattern is Pattern.PURSUE_DISTANCE
        else _("Each of you has your own ways of feeling safe when things are tense.")
    )
    paragraphs = [opening, *(_protects(w, x) for x in POSITIONS)]
    paragraphs.append(
        _(
            "Someone who finds safety in closeness may watch closely for signs of distance; someone who "
            "finds safety in space may feel strong emotional demands as a lot to carry. These describe "
            "what tends to settle each of you, not a fixed trait."
        )
    )
    return ReportSection("protects", _("What each of you is protecting"), tuple(paragraphs))


def _protects(w: Writer, x: Position) -> str:
    f = w.facts
    closeness, space = f.closeness(x), f.space(x)
    values = {"x": w.names[x], "closeness": score_text(closeness), "space": score_text(space)}
    if max(closeness, space) < ACTIVE_LEVEL:
        key = "protects.neither"
        text = _(
            "Neither closeness ({closeness}) nor space ({space}) stands out for {x} as a source of safety."
        )
    elif closeness > space:
        key = "protects.closeness"
        text = _(
            "{x} finds more safety in closeness ({closeness}) than in space ({space}): reconnecting is "
            "how {x} settles."
        )
    elif space > closeness:
        key = "protects.space"
        text = _(
            "{x} finds more safety in space ({space}) than in closeness ({closeness}): time to steady "
            "themselves is how {x} settles."
        )
    else:
        key = "protects.both"
        text = _("{x} finds safety in closeness ({closeness}) and in space ({space}) alike.")
    return w.say(key, text.format(**values), x)


def cost_section(w: Writer) -> ReportSection:
    d, f = w.dynamic, w.facts
    loop = d.pattern in (Pattern.PURSUE_DISTANCE, Pattern.BOTH_PURSUING, Pattern.BOTH_DISTANCING)
    names = {"a": w.names["a"], "b": w.names["b"]}
    figures = (
        _("What the pattern costs, as each of you rates it: {a} {a_cost}, {b} {b_cost}.")
        if loop
        else _("What tension costs you, as each of you rates it: {a} {a_cost}, {b} {b_cost}.")
    )
    paragraphs = [
        w.say("cost.figures", figures.format(a_cost=scored(f.cost("a")), b_cost=scored(f.cost("b")), **names))
    ]
    if d.cost_band is Band.HIGH:
        paragraphs.append(
            w.say(
                "cost.high",
                _(
                    "At least one of you rates the cost as high. Left as it is, a pattern like this tends "
                    "to leave issues unresolved and lets hurt build on both sides. Seeing it clearly "
                    "is a first step to changing it."
                )
                if loop
                else _(
                    "At least one of you rates the cost as high, even without a fixed loop. That is worth "
                    "taking seriously and talking about soon."
                ),
            )
        )
    elif d.cost_band is Band.MODERATE:
        paragraphs.append(
            w.say(
                "cost.moderate",
                _(
                    "Some of that cost may already show: talks that never finish, tiredness, feeling "
                    "unseen. It is worth tending to before it grows."
                ),
            )
        )
    else:
        paragraphs.append(w.say("cost.low", _("For now, tension seems to cost you relatively little.")))
    paragraphs.append(
        w.say(
            "helps.figures",
            _("What already helps, as each of you rates it: {a} {a_repair}, {b} {b_repair}.").format(
                a_repair=scored(f.helps("a")), b_repair=scored(f.helps("b")), **names
            ),
        )
    )
    paragraphs.append(
        _(
            "Calming down before you respond, saying plainly what you need, and naming the loop together "
            "are the habits the guidance below builds on."
        )
        if loop
        else _(
            "Calming down before you respond, saying plainly what you need, and naming tension together "
            "as it starts are the habits the guidance below builds on."
        )
    )
    title = (
        _("What the pattern costs, and what already helps")
        if loop
        else _("What tension costs, and what already helps")
    )
    return ReportSection("cost", title, tuple(paragraphs))
