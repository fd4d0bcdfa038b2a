"""Wording for the hope every report carries, the counselling suggestion, and the prompts."""

from __future__ import annotations

from assessments.report.i18n import _
from assessments.report.labels import score_text
from assessments.report.model import ReportSection
from assessments.report.text import Writer
from assessments.scoring import Pattern, Position, Strength

BOTH: tuple[Position, ...] = ("a", "b")


def hope_section(w: Writer) -> ReportSection:
    """In every outcome: flexibility rather than sameness, the loop can soften, counselling is normal."""
    pattern = w.dynamic.pattern
    if pattern is Pattern.FLEXIBLE:
        softening = _(
            "Keeping that room takes care, too. When a loop does start, slowing down and staying in "
            "touch lets it pass before it sets in."
        )
    elif pattern is Pattern.NO_CLEAR_DIRECTION:
        softening = _(
            "Whatever you find when you look together, hard moments can soften. Couples who learn their "
            "own pattern often find those moments become calmer and more in tune."
        )
    elif pattern is Pattern.BOTH_PURSUING:
        softening = _(
            "Loops like this can soften. As each of you learns to slow down and make room for the "
            "other, the dance becomes less reactive and more in tune, and trust and warmth can take "
            "the old loop's place."
        )
    elif pattern is Pattern.BOTH_DISTANCING:
        softening = _(
            "Loops like this can soften. As each of you learns to stay a little longer and to come back "
            "on purpose, the dance becomes less reactive and more in tune, and trust and warmth can take "
            "the old loop's place."
        )
    else:
        softening = _(
            "Loops like this can soften. As the one who presses learns to slow down and the one who "
            "pulls away learns to stay, the dance becomes less reactive and more in tune, and trust and "
            "warmth can take the old loop's place."
        )
    return ReportSection(
        "hope",
        _("Where this can go"),
        (
            _(
                "The goal is not for the two of you to become the same. It is flexibility: being able to "
                "move toward each other, or take space, in ways the other can trust."
            ),
            softening,
            _(
                "Talking with a couples counsellor is a normal option at any point, not only when things "
                "are hard. It can help you slow a loop down and understand what each of you needs."
            )
            if pattern not in (Pattern.FLEXIBLE, Pattern.NO_CLEAR_DIRECTION)
            else _(
                "Talking with a couples counsellor is a normal option at any point, not only when things "
                "are hard. It can help you slow hard moments down and understand what each of you needs."
            ),
        ),
        addressed_to=BOTH,
    )


def counselling_section(w: Writer) -> ReportSection | None:
    """The stronger suggestion, when the cycle (from reliable answers) or the cost is high."""
    d, f = w.dynamic, w.facts
    if not d.counselling_suggested:
        return None
    cost = score_text(max(f.cost("a"), f.cost("b")))
    cycle = score_text(d.cycle_intensity)
    high_cycle = d.cycle_strength is Strength.HIGH and d.reliable
    has_loop = d.pattern in (Pattern.PURSUE_DISTANCE, Pattern.BOTH_PURSUING, Pattern.BOTH_DISTANCING)
    if high_cycle and d.cost_high:
        reason = w.say(
            "counsel.cycle_and_cost",
            _(
                "The moves between you run strongly ({cycle}), and at least one of you rates the cost as "
                "high ({cost})."
            ).format(cycle=cycle, cost=cost),
        )
    elif high_cycle:
        reason = w.say(
            "counsel.cycle", _("The moves between you run strongly ({cycle}).").format(cycle=cycle)
        )
    else:
        reason = w.say(
            "counsel.cost", _("At least one of you rates the cost as high ({cost}).").format(cost=cost)
        )
    return ReportSection(
        "counselling",
        _("When counselling could help"),
        (
            reason,
            _(
                "This is a good moment to think about seeing a couples counsellor. A counsellor can help "
                "you slow the loop down as it happens, understand where each of your needs comes from, "
                "and practise new ways of connecting."
            )
            if has_loop
            else _(
                "This is a good moment to think about seeing a couples counsellor. A counsellor can help "
                "you calm hard moments, understand where each of your needs comes from, "
                "and practise new ways of connecting."
            ),
            _(
                "One is the Gottman Method, which helps partners read each other's signals. Another is "
                "emotionally focused therapy, which works with how partners react to each other. We name "
                "them as examples, not to endorse one method or one counsellor."
            ),
            _("Asking for help is not a verdict on your relationship. It is one more way of protecting it."),
        ),
        addressed_to=BOTH,
    )


def prompts_section(w: Writer) -> ReportSection:
    d = w.dynamic
    prompts = [
        _("Which part of this report felt most true to you, and which felt least true?"),
        _("What is the first thing you notice in yourself when tension starts?"),
    ]
    if d.pattern is Pattern.PURSUE_DISTANCE:
        prompts.append(
            _(
                "{p}, what are you hoping for when you move toward? {q}, what do you need when you move away?"
            ).format(p=w.pursuing_name, q=w.distancing_name)
        )
    elif d.pattern is Pattern.BOTH_PURSUING:
        prompts.append(_("How could you take turns when you both want to be heard right now?"))
    elif d.pattern is Pattern.BOTH_DISTANCING:
        prompts.append(_("Is there something that has gone unsaid because the moment never felt right?"))
    elif d.pattern is Pattern.NO_CLEAR_DIRECTION:
        prompts += [
            _(
                "Think of one recent tense moment. What did each of you do first, and what did each of you "
                "feel?"
            ),
            _(
                "Where do your views of each other differ most, and what might each of you see that the "
                "other does not?"
            ),
            _("Did any questions feel hard to answer, or did your answer change from day to day?"),
            _("When would be a good time to take the checkup again?"),
        ]
    if d.pattern is not Pattern.NO_CLEAR_DIRECTION and not (
        d.roles_agree and d.a.views_agree and d.b.views_agree
    ):
        prompts.append(_("Where do your views of each other differ, and what might each of you be seeing?"))
    prompts += [
        _("What would help you feel safe enough to stay in a hard talk?"),
        _("What is one thing the other already does that helps?"),
    ]
    return ReportSection(
        "prompts",
        _("Questions to talk about together"),
        (_("Take these slowly, one at a time, when you both have the time and the calm for it."),),
        tuple(prompts),
        BOTH,
    )
