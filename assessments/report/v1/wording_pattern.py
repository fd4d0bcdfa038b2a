"""Wording for the headline, the shape of the loop, and how to read the scores."""

from __future__ import annotations

from assessments.report.i18n import _
from assessments.report.labels import STRENGTH_LABELS, lean_text, score_text
from assessments.report.model import ReportSection
from assessments.report.v1.text import Writer
from assessments.scoring import Pattern, Strength, Tendency
from assessments.scoring.thresholds import BAND_HIGH, BAND_MODERATE, BAND_SOME


def headline(w: Writer) -> str:
    pattern = w.dynamic.pattern
    if pattern is Pattern.PURSUE_DISTANCE:
        return _(
            "When things get tense, {p} tends to move toward and {q} tends to move away, and it is the "
            "loop between those two moves, not either of you, that this report is about."
        ).format(p=w.pursuing_name, q=w.distancing_name)
    if pattern is Pattern.BOTH_PURSUING:
        return _(
            "When things get tense, you both move toward each other at the same moment, and it is that "
            "shared urgency, not either of you, that this report is about."
        )
    if pattern is Pattern.BOTH_DISTANCING:
        return _(
            "When things get tense, you both tend to move away, and it is the quiet that grows "
            "between you, not either of you, that this report is about."
        )
    return _(
        "When things get tense, neither of you is locked into one move, and this report looks at "
        "how to keep that room to meet each other."
    )


def pattern_section(w: Writer) -> ReportSection:
    d, paragraphs = w.dynamic, []
    for person in d.people:
        # Whole sentences per tendency, so translators never join fragments.
        sentence = {
            Tendency.PURSUING: _(
                "{name} leans toward pursuing when tense "
                "(moving toward {toward}, moving away {away}, lean {lean})."
            ),
            Tendency.DISTANCING: _(
                "{name} leans toward distancing when tense "
                "(moving toward {toward}, moving away {away}, lean {lean})."
            ),
            Tendency.BALANCED: _(
                "{name} moves both ways about equally when tense "
                "(moving toward {toward}, moving away {away}, lean {lean})."
            ),
        }[person.tendency]
        paragraphs.append(
            sentence.format(
                name=w.names[person.position],
                toward=score_text(person.pursuit),
                away=score_text(person.distance),
                lean=lean_text(person.lean),
            )
        )
    paragraphs.extend(_pattern_story(w))
    paragraphs.append(
        _("How strongly the loop runs: {strength} ({score} out of 100), from {source}.").format(
            strength=_(STRENGTH_LABELS[d.cycle_strength]),
            score=score_text(d.cycle_intensity),
            source={
                Pattern.PURSUE_DISTANCE: _("how often {p} moves toward and {q} moves away"),
                Pattern.BOTH_PURSUING: _("how often each of you presses"),
                Pattern.BOTH_DISTANCING: _("how often each of you moves away"),
                Pattern.FLEXIBLE: _("the stronger of the two loops that could form between you"),
            }[d.pattern].format(p=w.pursuing_name, q=w.distancing_name),
        )
    )
    paragraphs.append(
        _(
            "Behind every label are numbers on two sliding scales, moving toward and moving away. "
            "Each mixes a person's own answers with the partner's view of them, weighted equally. "
            "People are not types: anyone can move differently on another day."
        )
    )
    return ReportSection("pattern", _("The shape of your dance"), tuple(paragraphs))


def _pattern_story(w: Writer) -> list[str]:
    d, p, q = w.dynamic, w.pursuing_name, w.distancing_name
    if d.pattern is Pattern.BOTH_PURSUING:
        return [
            _(
                "You both tend to press when tension rises, wanting to talk it through and settle it "
                "now. When both push at once, neither has room to be heard, and things can heat up fast."
            )
        ]
    if d.pattern is Pattern.BOTH_DISTANCING:
        return [
            _(
                "You both tend to go quiet when tension rises. It can look calm, yet issues may stay "
                "unspoken and distance can settle in without either of you choosing it."
            )
        ]
    if d.pattern is Pattern.FLEXIBLE and d.cycle_strength is Strength.LOW:
        return [
            _(
                "Your leans are close to each other, so there is no fixed pattern of one pursuing and "
                "the other distancing. That flexibility is a strength worth protecting."
            )
        ]
    if d.pattern is Pattern.FLEXIBLE:
        return [
            _(
                "Your leans are close to each other, so there is no fixed pattern of one pursuing and "
                "the other distancing. Both moves still show up fairly often, though, so on a hard day "
                "a loop could start in either direction."
            )
        ]
    story = [
        _(
            "{p}'s first move is toward: talking, seeking reassurance, closing the gap quickly. "
            "{q}'s first move is away: time to think, to calm down, to find footing. Each move makes "
            "sense alone; together they can feed each other. The more {p} presses, the more {q} pulls "
            "back, and the more {q} pulls back, the more urgent it feels to {p}."
        )
    ]
    if d.pursuing and d.person(d.pursuing).tendency is Tendency.BALANCED:
        story.append(
            _("{p}'s own lean is fairly balanced, yet next to {q}, {p} is the one who pursues more.")
        )
    if d.distancing and d.person(d.distancing).tendency is Tendency.BALANCED:
        story.append(
            _("{q}'s own lean is fairly balanced, yet next to {p}, {q} is the one who distances more.")
        )
    return [line.format(p=p, q=q) for line in story]


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
