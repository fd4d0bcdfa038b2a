"""Wording for the headline, the reliability note, the shape of the pattern, and the score bands."""

from __future__ import annotations

from assessments.report.i18n import _
from assessments.report.labels import PATTERN_LABELS, STRENGTH_LABELS, lean_text, score_text
from assessments.report.model import ReportSection
from assessments.report.text import Writer
from assessments.scoring import Pattern, Position, Tendency
from assessments.scoring.thresholds import ACTIVE_LEVEL, BAND_HIGH, BAND_MODERATE, BAND_SOME


def headline(w: Writer) -> str:
    d = w.dynamic
    if d.pattern is Pattern.PURSUE_DISTANCE and d.pursuing and d.distancing:
        return w.say(
            "headline.loop",
            _(
                "When things get tense, {p} leans more toward pursuing and {q} more toward distancing. "
                "The loop between those moves, not either of you, is what this report is about."
            ).format(p=w.pursuing_name, q=w.distancing_name),
            d.pursuing,
            d.distancing,
        )
    if d.pattern is Pattern.BOTH_PURSUING:
        return w.say(
            *_both_way(w, "pursuing"),
        )
    if d.pattern is Pattern.BOTH_DISTANCING:
        return w.say(*_both_way(w, "distancing"))
    if d.pattern is Pattern.FLEXIBLE:
        return w.say(
            "headline.flexible",
            _(
                "When things get tense, your answers show no fixed loop between you. This report "
                "looks at how to keep that room to meet each other."
            ),
        )
    return w.say(
        "headline.unclear",
        _(
            "Your answers do not show a clear direction yet. This report shares what they do show, "
            "and how to learn more together."
        ),
    )


def _both_way(w: Writer, move: str) -> tuple[str, str]:
    # The same pattern can come from both leans pointing one way, or from both
    # partners making the move often with no lean against it: say which.
    by_lean = all(
        p.tendency is (Tendency.PURSUING if move == "pursuing" else Tendency.DISTANCING)
        for p in w.dynamic.people
    )
    if move == "pursuing":
        text = _(
            "When things get tense, you both tend to move toward each other at once. That shared "
            "urgency, not either of you, is what this report is about."
        )
        return ("both.lean_pursuing" if by_lean else "both.pursuing_by_level", text)
    text = _(
        "When things get tense, you both tend to move away. The quiet that grows between you, not "
        "either of you, is what this report is about."
    )
    return ("both.lean_distancing" if by_lean else "both.distancing_by_level", text)


def reliability_section(w: Writer) -> ReportSection | None:
    """First in the report when either partner's answers look patterned."""
    patterned = [p for p in w.dynamic.people if p.style.patterned]
    if not patterned:
        return None
    paragraphs = []
    for person in patterned:
        sentence = (
            _("{name} chose the top answer for most of the statements, even ones that point opposite ways.")
            if person.style.extreme == "highest"
            else _(
                "{name} chose the bottom answer for most of the statements, even ones that point opposite "
                "ways."
            )
        )
        paragraphs.append(
            w.say("style.patterned", sentence.format(name=w.names[person.position]), person.position)
        )
    paragraphs.append(
        _(
            "So this report may reflect how the form was filled in, not how you move. Read it as a "
            "rough first look. You could take the checkup again and answer each statement on its own."
        )
    )
    return ReportSection("reliability", _("Read this report with care"), tuple(paragraphs))


def pattern_section(w: Writer) -> ReportSection:
    d = w.dynamic
    paragraphs = [_lean_sentence(w, person.position) for person in d.people]
    paragraphs += _story(w)
    paragraphs.append(_line_sentence(w))
    paragraphs.append(_cycle_sentence(w))
    paragraphs.append(
        _(
            "Behind every label are numbers on two sliding scales, moving toward and moving away. "
            "Each mixes a person's own answers with the partner's view of them, weighted equally, "
            "and the lean is moving toward minus moving away. People are not types: anyone can move "
            "differently on another day."
        )
    )
    title = (
        _("What your answers show so far")
        if d.pattern is Pattern.NO_CLEAR_DIRECTION
        else _("The shape of your dance")
    )
    return ReportSection("pattern", title, tuple(paragraphs))


def _lean_sentence(w: Writer, x: Position) -> str:
    person = w.dynamic.person(x)
    key, sentence = {
        Tendency.PURSUING: (
            "lean.pursuing",
            _(
                "{name} leans toward pursuing when tense (moving toward {toward}, moving away {away}, lean "
                "{lean})."
            ),
        ),
        Tendency.DISTANCING: (
            "lean.distancing",
            _(
                "{name} leans toward distancing when tense "
                "(moving toward {toward}, moving away {away}, lean {lean})."
            ),
        ),
        Tendency.BALANCED: (
            "lean.balanced",
            _(
                "{name} moves both ways about equally when tense "
                "(moving toward {toward}, moving away {away}, lean {lean})."
            ),
        ),
    }[person.tendency]
    text = sentence.format(
        name=w.names[x],
        toward=score_text(person.pursuit),
        away=score_text(person.distance),
        lean=lean_text(person.lean),
    )
    return w.say(key, text, x)


def _story(w: Writer) -> list[str]:
    d, f = w.dynamic, w.facts
    story: list[str] = []
    if d.pattern is Pattern.PURSUE_DISTANCE and d.pursuing and d.distancing:
        p, q = d.pursuing, d.distancing
        names = {"p": w.names[p], "q": w.names[q], "lp": lean_text(f.lean(p)), "lq": lean_text(f.lean(q))}
        story.append(
            w.say(
                "loop.gap",
                _(
                    "{p} leans further toward pursuing than {q} does (lean {lp} against {lq}). In a loop "
                    "like this, the more one presses, the more the other pulls away, and the more one "
                    "pulls away, the more urgent it feels to the other."
                ).format(**names),
                p,
                q,
            )
        )
        if d.person(p).tendency is Tendency.BALANCED:
            story.append(
                w.say(
                    "loop.only_relative",
                    _(
                        "{p}'s own lean is small ({lp}); it is only next to {q} that {p} is the one who "
                        "pursues."
                    ).format(**names),
                    p,
                    q,
                )
            )
        if d.person(q).tendency is Tendency.BALANCED:
            story.append(
                w.say(
                    "loop.only_relative_away",
                    _(
                        "{q}'s own lean is small ({lq}); it is only next to {p} that {q} is the one who "
                        "distances."
                    ).format(**names),
                    p,
                    q,
                )
            )
        story += _levels(w, ("a", "b"))
    elif d.pattern in (Pattern.BOTH_PURSUING, Pattern.BOTH_DISTANCING):
        story.append(_both_story(w))
    elif d.pattern is Pattern.FLEXIBLE:
        story.append(
            w.say(
                "leans.close",
                _(
                    "Your leans ({a} and {b}) are too close to show one of you pursuing while the other "
                    "distances, so there is no fixed loop between you."
                ).format(a=lean_text(f.lean("a")), b=lean_text(f.lean("b"))),
            )
        )
    else:
        story += _unclear_reasons(w)
    return story


def _levels(w: Writer, about: tuple[Position, Position]) -> list[str]:
    f, lines = w.facts, []
    values = {"a": w.names["a"], "b": w.names["b"]}
    if min(f.away("a"), f.away("b")) >= ACTIVE_LEVEL:
        lines.append(
            w.say(
                "both.away_often",
                _("You both also move away at least sometimes ({a} {a_away}, {b} {b_away}).").format(
                    a_away=score_text(f.away("a")), b_away=score_text(f.away("b")), **values
                ),
            )
        )
    if min(f.toward("a"), f.toward("b")) >= ACTIVE_LEVEL:
        lines.append(
            w.say(
                "both.toward_often",
                _(
                    "You both also move toward each other at least sometimes ({a} {a_toward}, {b} "
                    "{b_toward})."
                ).format(a_toward=score_text(f.toward("a")), b_toward=score_text(f.toward("b")), **values),
            )
        )
    return lines


def _both_story(w: Writer) -> str:
    f, d = w.facts, w.dynamic
    values = {
        "a": w.names["a"],
        "b": w.names["b"],
        "a_lean": lean_text(f.lean("a")),
        "b_lean": lean_text(f.lean("b")),
        "a_toward": score_text(f.toward("a")),
        "b_toward": score_text(f.toward("b")),
        "a_away": score_text(f.away("a")),
        "b_away": score_text(f.away("b")),
    }
    pursuing = d.pattern is Pattern.BOTH_PURSUING
    wanted = Tendency.PURSUING if pursuing else Tendency.DISTANCING
    if all(p.tendency is wanted for p in d.people):
        key = "both.lean_pursuing" if pursuing else "both.lean_distancing"
        sentence = (
            _(
                "You both lean toward pursuing ({a} {a_lean}, {b} {b_lean}). When both press at once, "
                "neither has room to be heard, and things can heat up fast."
            )
            if pursuing
            else _(
                "You both lean toward distancing ({a} {a_lean}, {b} {b_lean}). It can look calm, yet "
                "issues may stay unspoken and distance can settle in without either of you choosing it."
            )
        )
    else:
        key = "both.pursuing_by_level" if pursuing else "both.distancing_by_level"
        sentence = (
            _(
                "You both move toward each other at least sometimes when tense ({a} {a_toward}, {b} "
                "{b_toward}), and neither of you leans toward distancing. When both press at once, "
                "neither has room to be heard."
            )
            if pursuing
            else _(
                "You both move away at least sometimes when tense ({a} {a_away}, {b} {b_away}), and "
                "neither of you leans toward pursuing. Issues may stay unspoken while each of you waits."
            )
        )
    return w.say(key, sentence.format(**values))


def _unclear_reasons(w: Writer) -> list[str]:
    d, f, lines = w.dynamic, w.facts, []
    if all(min(p.pursuit, p.distance) >= ACTIVE_LEVEL and p.tendency is Tendency.BALANCED for p in d.people):
        lines.append(
            w.say(
                "unclear.both_moves",
                _(
                    "You both move toward and away at least sometimes ({a}: {a_toward} and {a_away}; "
                    "{b}: {b_toward} and {b_away}), so your leans cancel out and no direction stands out."
                ).format(
                    a=w.names["a"],
                    b=w.names["b"],
                    a_toward=score_text(f.toward("a")),
                    a_away=score_text(f.away("a")),
                    b_toward=score_text(f.toward("b")),
                    b_away=score_text(f.away("b")),
                ),
            )
        )
    if d.accounts_contradict:
        lines.append(
            w.say(
                "unclear.contradict",
                _(
                    "Your two accounts point in opposite directions: by {a}'s answers, {who_a} pursues "
                    "more; by {b}'s answers, {who_b} does."
                ).format(
                    a=w.names["a"],
                    b=w.names["b"],
                    who_a=w.names[f.reading("a") or "a"],
                    who_b=w.names[f.reading("b") or "b"],
                ),
            )
        )
    if not lines:
        lines.append(
            w.say(
                "unclear.strong",
                _(
                    "The moves run strongly between you ({cycle} out of 100), but your leans ({a} and {b}) "
                    "are too close to say who pursues and who distances."
                ).format(cycle=score_text(f.cycle), a=lean_text(f.lean("a")), b=lean_text(f.lean("b"))),
            )
        )
    lines.append(
        _(
            "That is not a failure. It can mean the pattern shifts with the situation, or that the two "
            "of you see the same moments differently. Both are worth talking about."
        )
    )
    return lines


def _line_sentence(w: Writer) -> str:
    d = w.dynamic
    if not d.close_to_line:
        return w.say(
            "line.clear",
            _(
                "This result is not on a knife edge: no single answer, one step higher or lower, would "
                "change it."
            ),
        )
    if d.nearby:
        options = _(" or ").join(
            f"\N{LEFT DOUBLE QUOTATION MARK}{_(PATTERN_LABELS[p])}\N{RIGHT DOUBLE QUOTATION MARK}"
            for p in d.nearby
        )
        text = _(
            "This result is close to the line: a single answer, one step higher or lower, could change it "
            "to {options}."
        ).format(options=options)
    else:
        text = _(
            "This result is close to the line: a single answer, one step higher or lower, could change who "
            "is which."
        )
    return w.say("line.close", text)


def _cycle_sentence(w: Writer) -> str:
    d = w.dynamic
    source = {
        Pattern.PURSUE_DISTANCE: _("how often {p} moves toward and {q} moves away"),
        Pattern.BOTH_PURSUING: _("how often each of you moves toward the other"),
        Pattern.BOTH_DISTANCING: _("how often each of you moves away"),
        Pattern.FLEXIBLE: _("the strongest loop that could form between you"),
        Pattern.NO_CLEAR_DIRECTION: _("the strongest loop that could form between you"),
    }[d.pattern].format(p=w.pursuing_name, q=w.distancing_name)
    return w.say(
        "cycle.level",
        _("How strongly a loop runs: {strength} ({score} out of 100), from {source}.").format(
            strength=_(STRENGTH_LABELS[d.cycle_strength]), score=score_text(d.cycle_intensity), source=source
        ),
    )


def scores_section(w: Writer) -> ReportSection:
    return ReportSection(
        "scores",
        _("Your scores side by side"),
        (
            _(
                "Scores run from 0 to 100. Bands: low is under {some}, some is {some} to {moderate_1}, "
                "moderate is {moderate} to {high_1}, and high is {high} or more."
            ).format(
                some=int(BAND_SOME),
                moderate_1=int(BAND_MODERATE) - 1,
                moderate=int(BAND_MODERATE),
                high_1=int(BAND_HIGH) - 1,
                high=int(BAND_HIGH),
            ),
            _(
                "Moving toward and moving away combine your own answers with your partner's view of "
                "you; the other rows come from each person's own answers."
            ),
        ),
    )
