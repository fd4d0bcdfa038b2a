"""Wording for the guidance blocks: for each role, for both of you, and for each outcome."""

from __future__ import annotations

from assessments.report.i18n import _
from assessments.report.labels import fill
from assessments.report.model import ReportSection
from assessments.report.text import Writer
from assessments.scoring import Pattern, Position

BOTH: tuple[Position, ...] = ("a", "b")


def guidance_sections(w: Writer) -> list[ReportSection]:
    d = w.dynamic
    if d.pursuing and d.distancing:
        sections = _for_each_role(w, d.pursuing, d.distancing)
    else:
        sections = [_for_the_outcome(d.pattern)]
    sections.append(_for_both(d.pattern))
    return sections


def _for_each_role(w: Writer, pursuing: Position, distancing: Position) -> list[ReportSection]:
    p, q = w.pursuing_name, w.distancing_name
    return [
        ReportSection(
            "guidance-pursuing",
            _("For {p}: how to move toward without pressing").format(p=p),
            (
                _(
                    "{p}, these steps are for the moments you feel the pull to move toward {q}. They help "
                    "what you say land the way you mean it."
                ).format(p=p, q=q),
            ),
            fill(
                (
                    _(
                        "Calm your own alarm first, with a few slow breaths or a short walk, before you "
                        "start the talk."
                    ),
                    _(
                        'Say what you need, plainly and gently. "I feel far from you and I would like us to '
                        'be close" lands better than a list of complaints.'
                    ),
                    _("Give {q} room to answer in their own time. A pause is not a no."),
                    _(
                        "When {q} asks for time, ask when you will come back to it, then let it rest until "
                        "then."
                    ),
                    _(
                        "Notice the urge to follow up again and again. One clear message does more than "
                        "several."
                    ),
                ),
                p=p,
                q=q,
            ),
            (pursuing,),
        ),
        ReportSection(
            "guidance-distancing",
            _("For {q}: how to take space without leaving").format(q=q),
            (
                _(
                    "{q}, these steps are for the moments you feel the pull to move away from {p}. They "
                    "help {p} feel the care that is often behind taking space."
                ).format(p=p, q=q),
            ),
            fill(
                (
                    _("Stay a little longer than feels easy, even if all you do is listen."),
                    _(
                        'When you need space, say so, and say when you will come back: "I need twenty '
                        "minutes, then I'll come and find you.\""
                    ),
                    _("Come back when you said you would. That is what makes a break feel safe for {p}."),
                    _("Offer a small sign of care as you take space: a touch, a word, a message."),
                    _("Share a half-formed thought. You do not need a finished answer to stay in the talk."),
                ),
                p=p,
                q=q,
            ),
            (distancing,),
        ),
    ]


def _for_the_outcome(pattern: Pattern) -> ReportSection:
    if pattern is Pattern.BOTH_PURSUING:
        return ReportSection(
            "guidance-both-pursuing",
            _("For both of you: when you both move toward at once"),
            (_("You both want the same thing, to feel close again. The trick is to make room."),),
            (
                _("Take turns: one speaks, and the other says back what they heard before replying."),
                _("If voices rise, pause together for a time you agree on, then come back."),
                _("Each of you can calm your own urgency before you press for an answer."),
            ),
            BOTH,
        )
    if pattern is Pattern.BOTH_DISTANCING:
        return ReportSection(
            "guidance-both-distancing",
            _("For both of you: when you both move away"),
            (_("Quiet is not the same as calm. The aim is to come back to each other on purpose."),),
            (
                _("Choose a regular, easy time to check in, so issues do not wait for a crisis."),
                _("When either of you takes space, say when you will come back to the subject."),
                _("Take one small step toward the other first: a question, a touch, a message."),
            ),
            BOTH,
        )
    if pattern is Pattern.FLEXIBLE:
        return ReportSection(
            "guidance-flexible",
            _("For both of you: keeping your room to move"),
            (_("You are not stuck in one loop, and that gives you room to meet each other."),),
            (
                _("Notice what you already do that helps, and keep doing it on purpose."),
                _("Learn your early signs of tension, so you can slow down before a loop forms."),
                _("If one of you starts to pursue or distance more than usual, name it kindly."),
            ),
            BOTH,
        )
    return ReportSection(
        "guidance-no-clear-direction",
        _("For both of you: finding your direction"),
        (
            _(
                "Your answers cannot tell yet which way each of you tends to move, so the best next step "
                "is to look together."
            ),
        ),
        (
            _("Talk through the questions at the end of this report, one at a time, on a calm day."),
            _(
                "Over the next few weeks, notice what each of you does first when tension rises, and "
                "jot it down."
            ),
            _("Share what you noticed with each other, without judging it."),
            _(
                "Take the checkup again in four to six weeks. Answer for what usually happens, not for "
                "one hard day."
            ),
        ),
        BOTH,
    )


def _for_both(pattern: Pattern) -> ReportSection:
    # Only a pursue-distance loop has one partner on each side; the mutual
    # patterns share one move; flexible and unclear couples have no loop to name.
    fear = _(
        "When tension rises, your moves often come from fear. Moving away is not rejection, and moving "
        "toward is not criticism."
    )
    if pattern in (Pattern.FLEXIBLE, Pattern.NO_CLEAR_DIRECTION):
        title = _("For both of you: when tension rises")
        paragraphs = (_("Tension is something you face together, not a fault in either of you."), fear)
        first = _(
            "When you feel tension start, name it with a word you chose on a calm day. Then you can "
            "face it side by side."
        )
    else:
        title = _("For both of you: facing the pattern together")
        if pattern is Pattern.PURSUE_DISTANCE:
            fear = _(
                "When tension rises, your moves often come from fear, not from rejection or criticism. "
                "One of you may fear losing the other; one may fear being swamped."
            )
        paragraphs = (
            _(
                "The pattern is the problem, not either of you. Each of you is protecting the relationship "
                "in your own way."
            ),
            fear,
        )
        first = _(
            "When you see a loop start, name it with a word you chose on a calm day. Then you can "
            "face it side by side."
        )
    return ReportSection(
        "guidance-both",
        title,
        paragraphs,
        (
            first,
            _(
                'Hear moving toward as "I\'m scared of losing you" and moving away as "I\'m scared of '
                'making it worse".'
            ),
            _("Agree ahead of time how a break works: how long it lasts and who starts the talk again."),
            _("Afterwards, talk about what each of you felt, not about who started it."),
        ),
        BOTH,
    )
