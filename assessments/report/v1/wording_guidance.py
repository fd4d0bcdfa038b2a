"""Wording for the guidance blocks, the counselling suggestion, and the prompts to talk about."""

from __future__ import annotations

from assessments.report.i18n import _
from assessments.report.labels import fill
from assessments.report.model import ReportSection
from assessments.report.v1.text import Writer
from assessments.scoring import Pattern, Position, Strength


def guidance_sections(w: Writer) -> list[ReportSection]:
    d, p, q = w.dynamic, w.pursuing_name, w.distancing_name
    both: tuple[Position, ...] = ("a", "b")
    sections = []
    if d.pursuing and d.distancing:
        sections += [
            ReportSection(
                "guidance-pursuing",
                _("For {p}: moving toward without pressing").format(p=p),
                (
                    _(
                        "{p}, your moving toward comes from wanting to feel close and safe again. These "
                        "steps can help that wish land the way you mean it."
                    ).format(p=p),
                ),
                fill(
                    (
                        _(
                            "Settle your own alarm first, with a few slow breaths or a short walk, "
                            "before you start the conversation."
                        ),
                        _(
                            "Say what you need directly and gently: \"I feel far from you and I'd like "
                            'to reconnect" tends to land better than a list of complaints.'
                        ),
                        _("Give {q} room to answer in their own time; a pause is not a no."),
                        _(
                            "When {q} asks for time, ask when you will come back to it, then let it rest "
                            "until then."
                        ),
                        _(
                            "Notice the urge to follow up again and again; one clear message usually "
                            "does more than several."
                        ),
                    ),
                    p=p,
                    q=q,
                ),
                (d.pursuing,),
            ),
            ReportSection(
                "guidance-distancing",
                _("For {q}: taking space without leaving").format(q=q),
                (
                    _(
                        "{q}, moving away is how you steady yourself, and it often comes from care: "
                        "not wanting to say something you would regret. These steps can help {p} feel "
                        "that care."
                    ).format(p=p, q=q),
                ),
                fill(
                    (
                        _(
                            "Stay present a little longer than feels comfortable, even if all you do "
                            "is listen."
                        ),
                        _(
                            'When you need space, say so, and say when you will return: "I need twenty '
                            "minutes, then I'll come and find you.\""
                        ),
                        _("Come back when you said you would; that is what makes a break feel safe for {p}."),
                        _("Offer a small sign of connection as you take space: a touch, a word, a message."),
                        _(
                            "Share a half-formed thought; you do not need a finished answer to stay "
                            "in the conversation."
                        ),
                    ),
                    p=p,
                    q=q,
                ),
                (d.distancing,),
            ),
        ]
    elif d.pattern is Pattern.BOTH_PURSUING:
        sections.append(
            ReportSection(
                "guidance-both-pursuing",
                _("For both of you: when you both pursue at once"),
                (_("You both want the same thing, to feel close again; the trick is making room."),),
                (
                    _("Take turns: one speaks, the other says back what they heard before replying."),
                    _("If voices rise, pause together for an agreed time, then come back."),
                    _("Each of you can calm your own urgency before pressing for an answer."),
                ),
                both,
            )
        )
    elif d.pattern is Pattern.BOTH_DISTANCING:
        sections.append(
            ReportSection(
                "guidance-both-distancing",
                _("For both of you: when you both move away"),
                (_("Quiet is not the same as calm; the aim is to come back to each other on purpose."),),
                (
                    _("Choose a regular, low-stakes time to check in, so issues do not wait for a crisis."),
                    _("When either of you takes space, say when you will return to the subject."),
                    _("Take one small step toward the other first: a question, a touch, a message."),
                ),
                both,
            )
        )
    else:
        sections.append(
            ReportSection(
                "guidance-flexible",
                _("For both of you: keeping your flexibility"),
                (_("You are not stuck in one loop, which gives you room to meet each other."),),
                (
                    _("Notice what you already do that helps, and keep doing it on purpose."),
                    _("Learn your early signs of tension, so you can slow down before a loop forms."),
                    _("If one of you starts to pursue or distance more than usual, name it kindly."),
                ),
                both,
            )
        )
    sections.append(
        ReportSection(
            "guidance-both",
            _("For both of you: facing the loop together"),
            (
                _(
                    "The pattern is the problem, not either of you. Each of you is protecting the "
                    "relationship in your own way."
                ),
                _(
                    "Underneath the pressing and the pulling back there is usually fear, of losing "
                    "each other or of being overwhelmed, rather than rejection or criticism."
                ),
            ),
            (
                _(
                    "Name the loop together when it starts, with a word or phrase you agree on in a "
                    "calm moment, so it becomes something you face side by side."
                ),
                _(
                    'Hear moving toward as "I\'m scared of losing you" and moving away as "I\'m '
                    'scared of making it worse".'
                ),
                _("Agree ahead of time how a break works: how long it lasts and who restarts the talk."),
                _("Afterwards, talk about what each of you felt, not about who started it."),
            ),
            both,
        )
    )
    if d.counselling_suggested:
        sections.append(_counselling(w, both))
    return sections


def _counselling(w: Writer, both: tuple[Position, ...]) -> ReportSection:
    d = w.dynamic
    if d.cycle_strength is Strength.HIGH and d.cost_high:
        reason = _("Your loop runs strongly and at least one of you rates its cost as high.")
    elif d.cycle_strength is Strength.HIGH:
        reason = _("Your loop runs strongly.")
    else:
        reason = _("At least one of you rates the cost of the pattern as high.")
    return ReportSection(
        "counselling",
        _("When counselling could help"),
        (
            reason
            + " "
            + _(
                "This is a good moment to consider a couples counsellor, who can help you slow the "
                "loop down as it happens, understand where each of your needs comes from, and practise "
                "new ways of connecting."
            ),
            _(
                "The Gottman Method, which helps partners read each other's emotional cues and respond "
                "to them, and emotionally focused therapy, which works directly with cycles like this "
                "one, are examples of such help, not endorsements of one method or practitioner."
            ),
            _("Asking for help is not a verdict on your relationship; it is one more way of protecting it."),
        ),
        addressed_to=both,
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
    if not (d.roles_agree and d.a.views_agree and d.b.views_agree):
        prompts.append(_("Where do your views of each other differ, and what might each of you be seeing?"))
    prompts += [
        _("What would help you feel safe enough to stay in a hard conversation?"),
        _("What is one thing the other already does that helps?"),
    ]
    return ReportSection(
        "prompts",
        _("Questions to talk about together"),
        (_("Take these slowly, one at a time, when you both have the time and the calm for it."),),
        tuple(prompts),
        ("a", "b"),
    )
