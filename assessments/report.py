"""The shared report's content, as data: sentences and numbers, no markup.

Pure Python (no Django import) so it can be built and tested without
settings; templates decide layout. Partners are positions ``a``/``b`` shown by
the display names passed in. The report describes a pattern, never a person's
type, and uses no gendered words.
"""

from __future__ import annotations

import math
from collections.abc import Callable, Iterator, Sequence
from contextvars import ContextVar
from dataclasses import dataclass

from assessments.scoring import Band, CoupleDynamic, Pattern, Position, Strength, Tendency, band, other
from assessments.scoring.thresholds import BAND_HIGH, BAND_MODERATE, BAND_SOME

# Translator for the report being built; `str` leaves messages unchanged.
_translator: ContextVar[Callable[[str], str]] = ContextVar("report_translator", default=str)


def _(message: str) -> str:
    # Marks a message for makemessages. This module must import without Django
    # settings, so it cannot call gettext itself; instead the caller may pass
    # one to build_report(translate=...), and each message is translated here,
    # before names and numbers are filled in (after that it could not be
    # looked up). Without a translator this is a no-op.
    return _translator.get()(message)


def gettext_noop(message: str) -> str:
    # Marks module-level labels for makemessages (Django's keyword); they are
    # translated with `_` when a report is built, not at import time.
    return message


@dataclass(frozen=True, slots=True)
class ReportSection:
    """A titled block; ``addressed_to`` lists the partners it speaks to directly."""

    key: str
    title: str
    paragraphs: tuple[str, ...] = ()
    bullets: tuple[str, ...] = ()
    addressed_to: tuple[Position, ...] = ()


@dataclass(frozen=True, slots=True)
class ScoreRow:
    """One scale, both partners side by side (0-100 scores with bands)."""

    scale: str
    label: str
    a: float
    b: float
    band_a: Band
    band_b: Band


@dataclass(frozen=True, slots=True)
class HistoryRow:
    """One checkup in the change-over-time table; ``checkup`` counts from 1 (oldest)."""

    checkup: int
    is_current: bool
    pattern: Pattern
    pattern_label: str
    lean_a: float
    lean_b: float
    cycle_intensity: float
    cycle_strength: Strength
    impact_a: float
    impact_b: float


@dataclass(frozen=True, slots=True)
class Report:
    """Everything the shared report says, in reading order.

    ``sections`` keys: pattern, scores, agreement, protects, cost, then the
    guidance blocks (guidance-pursuing / guidance-distancing, or
    guidance-mutual-pursuit / guidance-mutual-withdrawal / guidance-flexible;
    guidance-both; counselling when suggested), prompts, and history when
    there is more than one checkup. ``note`` is the describe-not-diagnose line.
    """

    headline: str
    name_a: str
    name_b: str
    pattern: Pattern
    pattern_label: str
    sections: tuple[ReportSection, ...]
    score_rows: tuple[ScoreRow, ...]
    history: tuple[HistoryRow, ...]
    note: str

    def section(self, key: str) -> ReportSection | None:
        return next((s for s in self.sections if s.key == key), None)

    def texts(self) -> Iterator[str]:
        """Every user-facing string, for checks such as the gendered-word test."""
        yield from (self.headline, self.pattern_label, self.note)
        for section in self.sections:
            yield section.title
            yield from section.paragraphs
            yield from section.bullets
        yield from (row.label for row in self.score_rows)
        yield from (row.pattern_label for row in self.history)


PATTERN_LABELS = {
    Pattern.PURSUER_DISTANCER: gettext_noop("A reach-and-retreat loop"),
    Pattern.MUTUAL_PURSUIT: gettext_noop("Both reaching at once"),
    Pattern.MUTUAL_WITHDRAWAL: gettext_noop("Both stepping back"),
    Pattern.FLEXIBLE: gettext_noop("Flexible, with no fixed loop"),
}
BAND_LABELS = {
    Band.LOW: gettext_noop("low"),
    Band.SOME: gettext_noop("some"),
    Band.MODERATE: gettext_noop("moderate"),
    Band.HIGH: gettext_noop("high"),
}
STRENGTH_LABELS = {
    Strength.LOW: gettext_noop("low"),
    Strength.MODERATE: gettext_noop("moderate"),
    Strength.HIGH: gettext_noop("high"),
}
ROW_LABELS = (
    ("pursuit", gettext_noop("Moving toward when tense")),
    ("distance", gettext_noop("Moving away when tense")),
    ("anxiety", gettext_noop("Closeness as safety")),
    ("avoidance", gettext_noop("Space as safety")),
    ("impact", gettext_noop("What the cycle costs")),
    ("repair", gettext_noop("What already helps")),
)


def build_report(
    dynamic: CoupleDynamic,
    *,
    name_a: str,
    name_b: str,
    history: Sequence[CoupleDynamic] = (),
    translate: Callable[[str], str] | None = None,
) -> Report:
    """Build the shared report for one checkup.

    ``history`` holds earlier checkups' dynamics, oldest first, with ``a`` and
    ``b`` meaning the same people as in ``dynamic``; the change-over-time
    section appears only when it is non-empty. Blank names fall back to
    "Partner A" / "Partner B". ``translate`` (e.g. Django's ``gettext``, in a
    request with the reader's language active) translates every message;
    without it the report is in the source language.
    """
    token = _translator.set(translate or str)
    try:
        return _build(dynamic, name_a, name_b, history)
    finally:
        _translator.reset(token)


def _build(dynamic: CoupleDynamic, name_a: str, name_b: str, history: Sequence[CoupleDynamic]) -> Report:
    names: dict[Position, str] = {
        "a": name_a.strip() or _("Partner A"),
        "b": name_b.strip() or _("Partner B"),
    }
    text = _Writer(dynamic, names)
    sections = [
        text.pattern_section(),
        text.scores_section(),
        text.agreement_section(),
        text.protects_section(),
        text.cost_section(),
        *text.guidance_sections(),
        text.prompts_section(),
    ]
    rows = _history_rows([*history, dynamic])
    if history:
        sections.append(text.history_section(rows))
    return Report(
        headline=text.headline(),
        name_a=names["a"],
        name_b=names["b"],
        pattern=dynamic.pattern,
        pattern_label=_(PATTERN_LABELS[dynamic.pattern]),
        sections=tuple(sections),
        score_rows=_score_rows(dynamic),
        history=rows if history else (),
        note=_(
            "This report describes how the two of you answered at one point in time. It does not "
            "diagnose either of you or your relationship, and every label is shorthand for numbers "
            "that can change."
        ),
    )


def score_text(score: float) -> str:
    """A 0-100 score for display, rounded down so it never contradicts its band."""
    return str(math.floor(score))


def lean_text(lean: float) -> str:
    """A lean for display, truncated toward zero so it never contradicts its tendency."""
    value = math.trunc(lean)
    if value > 0:
        return f"+{value}"
    return f"\N{MINUS SIGN}{-value}" if value < 0 else "0"


def _score_rows(dynamic: CoupleDynamic) -> tuple[ScoreRow, ...]:
    rows = []
    for scale, label in ROW_LABELS:
        # Pursuit and distance are the combined (two-informant) scores; the
        # rest are each person's own answers.
        if scale in ("pursuit", "distance"):
            a, b = getattr(dynamic.a, scale), getattr(dynamic.b, scale)
        else:
            a, b = getattr(dynamic.a.scores, scale), getattr(dynamic.b.scores, scale)
        rows.append(ScoreRow(scale, _(label), a, b, band(a), band(b)))
    return tuple(rows)


def _history_rows(dynamics: Sequence[CoupleDynamic]) -> tuple[HistoryRow, ...]:
    return tuple(
        HistoryRow(
            checkup=number,
            is_current=number == len(dynamics),
            pattern=d.pattern,
            pattern_label=_(PATTERN_LABELS[d.pattern]),
            lean_a=d.a.lean,
            lean_b=d.b.lean,
            cycle_intensity=d.cycle_intensity,
            cycle_strength=d.cycle_strength,
            impact_a=d.a.scores.impact,
            impact_b=d.b.scores.impact,
        )
        for number, d in enumerate(dynamics, start=1)
    )


class _Writer:
    """Turns one dynamic into sentences; ``n`` maps positions to display names."""

    def __init__(self, dynamic: CoupleDynamic, names: dict[Position, str]) -> None:
        self.d = dynamic
        self.n = names
        # Only a pursuer-distancer loop has one partner on each side.
        self.p: str = names[dynamic.pursuing] if dynamic.pursuing else ""
        self.q: str = names[dynamic.distancing] if dynamic.distancing else ""

    def headline(self) -> str:
        pattern = self.d.pattern
        if pattern is Pattern.PURSUER_DISTANCER:
            return _(
                "When things get tense, {p} tends to reach out and {q} tends to step back, and it is the "
                "loop between those two moves, not either of you, that this report is about."
            ).format(p=self.p, q=self.q)
        if pattern is Pattern.MUTUAL_PURSUIT:
            return _(
                "When things get tense, you both reach for each other at the same moment, and it is that "
                "shared urgency, not either of you, that this report is about."
            )
        if pattern is Pattern.MUTUAL_WITHDRAWAL:
            return _(
                "When things get tense, you both tend to step back, and it is the quiet that grows "
                "between you, not either of you, that this report is about."
            )
        return _(
            "When things get tense, neither of you is locked into one move, and this report looks at "
            "how to keep that room to meet each other."
        )

    def pattern_section(self) -> ReportSection:
        d, paragraphs = self.d, []
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
                    name=self.n[person.position],
                    toward=score_text(person.pursuit),
                    away=score_text(person.distance),
                    lean=lean_text(person.lean),
                )
            )
        paragraphs.extend(self._pattern_story())
        paragraphs.append(
            _("How strongly the loop runs: {strength} ({score} out of 100), from {source}.").format(
                strength=_(STRENGTH_LABELS[d.cycle_strength]),
                score=score_text(d.cycle_intensity),
                source={
                    Pattern.PURSUER_DISTANCER: _("how often {p} reaches and {q} steps back"),
                    Pattern.MUTUAL_PURSUIT: _("how often each of you presses"),
                    Pattern.MUTUAL_WITHDRAWAL: _("how often each of you steps back"),
                    Pattern.FLEXIBLE: _("the stronger of the two loops that could form between you"),
                }[d.pattern].format(p=self.p, q=self.q),
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

    def _pattern_story(self) -> list[str]:
        d, p, q = self.d, self.p, self.q
        if d.pattern is Pattern.MUTUAL_PURSUIT:
            return [
                _(
                    "You both tend to press when tension rises, wanting to talk it through and settle it "
                    "now. When both push at once, neither has room to be heard, and things can heat up fast."
                )
            ]
        if d.pattern is Pattern.MUTUAL_WITHDRAWAL:
            return [
                _(
                    "You both tend to go quiet when tension rises. It can look calm, yet issues may stay "
                    "unspoken and distance can settle in without either of you choosing it."
                )
            ]
        if d.pattern is Pattern.FLEXIBLE and d.cycle_strength is Strength.LOW:
            return [
                _(
                    "Your leans are close to each other, so there is no fixed pattern of one reaching and "
                    "the other retreating. That flexibility is a strength worth protecting."
                )
            ]
        if d.pattern is Pattern.FLEXIBLE:
            return [
                _(
                    "Your leans are close to each other, so there is no fixed pattern of one reaching and "
                    "the other retreating. Both moves still show up fairly often, though, so on a hard day "
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
                _("{p}'s own lean is fairly balanced, yet next to {q}, {p} is the one who reaches more.")
            )
        if d.distancing and d.person(d.distancing).tendency is Tendency.BALANCED:
            story.append(
                _("{q}'s own lean is fairly balanced, yet next to {p}, {q} is the one who steps back more.")
            )
        return [line.format(p=p, q=q) for line in story]

    def scores_section(self) -> ReportSection:
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

    def agreement_section(self) -> ReportSection:
        paragraphs = [self._view_statement(person.position) for person in self.d.people]
        paragraphs.append(self._roles_statement())
        return ReportSection("agreement", _("How you see each other"), tuple(paragraphs))

    def _view_statement(self, position: Position) -> str:
        person = self.d.person(position)
        values = {
            "x": self.n[position],
            "y": self.n[other(position)],
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
                    "{x} reports more reaching out ({self_toward}) than {y} notices "
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
                    "{x} reports more stepping back ({self_away}) than {y} notices "
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

    def _roles_statement(self) -> str:
        d = self.d
        if d.roles_agree and d.reading_by_a is None:
            return _("Neither of your accounts shows one of you clearly reaching more than the other.")
        if d.roles_agree:
            return _(
                "You agree on the overall shape: each of you sees {name} as the one who reaches more."
            ).format(name=self.n[d.reading_by_a or "a"])
        accounts = []
        readings: tuple[tuple[Position, Position | None], ...] = (
            ("a", d.reading_by_a),
            ("b", d.reading_by_b),
        )
        for reader, reading in readings:
            if reading is None:
                line = _("{reader}'s answers show no clear difference")
            else:
                line = _("{reader}'s answers show {name} as the one who reaches more")
            accounts.append(line.format(reader=self.n[reader], name=self.n[reading] if reading else ""))
        return _(
            "Your accounts of who reaches more differ: {first}, while {second}. Each of you sees the loop "
            "from inside it, so both views are worth hearing."
        ).format(first=accounts[0], second=accounts[1])

    def protects_section(self) -> ReportSection:
        d, p, q = self.d, self.p, self.q
        opening = {
            Pattern.PURSUER_DISTANCER: _(
                "{p} protects the relationship by seeking closeness: reconnecting is how {p} feels safe "
                "again. {q} protects it by seeking space: stepping back is how {q} steadies. Both "
                "intentions are caring; it is the collision of the two that hurts."
            ),
            Pattern.MUTUAL_PURSUIT: _(
                "You both protect the relationship by seeking closeness: reconnecting quickly is how each "
                "of you feels safe again."
            ),
            Pattern.MUTUAL_WITHDRAWAL: _(
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
            a=self.n["a"],
            b=self.n["b"],
            a_close=_scored(a.anxiety),
            b_close=_scored(b.anxiety),
            a_space=_scored(a.avoidance),
            b_space=_scored(b.avoidance),
        )
        return ReportSection("protects", _("What each of you is protecting"), (opening, numbers))

    def cost_section(self) -> ReportSection:
        d = self.d
        a, b = d.a.scores, d.b.scores
        paragraphs = [
            _("What the cycle costs, as each of you rates it: {a} {a_cost}, {b} {b_cost}.").format(
                a=self.n["a"], b=self.n["b"], a_cost=_scored(a.impact), b_cost=_scored(b.impact)
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
            ).format(a=self.n["a"], b=self.n["b"], a_repair=_scored(a.repair), b_repair=_scored(b.repair))
        )
        return ReportSection("cost", _("What the cycle costs, and what already helps"), tuple(paragraphs))

    def guidance_sections(self) -> list[ReportSection]:
        d, p, q = self.d, self.p, self.q
        both: tuple[Position, ...] = ("a", "b")
        sections = []
        if d.pursuing and d.distancing:
            sections += [
                ReportSection(
                    "guidance-pursuing",
                    _("For {p}: reaching without pressing").format(p=p),
                    (
                        _(
                            "{p}, your reaching out comes from wanting to feel close and safe again. These "
                            "steps can help that wish land the way you mean it."
                        ).format(p=p),
                    ),
                    _fill(
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
                    _("For {q}: stepping back without leaving").format(q=q),
                    (
                        _(
                            "{q}, stepping back is how you steady yourself, and it often comes from care: "
                            "not wanting to say something you would regret. These steps can help {p} feel "
                            "that care."
                        ).format(p=p, q=q),
                    ),
                    _fill(
                        (
                            _(
                                "Stay present a little longer than feels comfortable, even if all you do "
                                "is listen."
                            ),
                            _(
                                'When you need space, say so, and say when you will return: "I need twenty '
                                "minutes, then I'll come and find you.\""
                            ),
                            _(
                                "Come back when you said you would; that is what makes a break feel safe "
                                "for {p}."
                            ),
                            _(
                                "Offer a small sign of connection as you step away: a touch, a word, a "
                                "message."
                            ),
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
        elif d.pattern is Pattern.MUTUAL_PURSUIT:
            sections.append(
                ReportSection(
                    "guidance-mutual-pursuit",
                    _("For both of you: when you both reach at once"),
                    (_("You both want the same thing, to feel close again; the trick is making room."),),
                    (
                        _("Take turns: one speaks, the other says back what they heard before replying."),
                        _("If voices rise, pause together for an agreed time, then come back."),
                        _("Each of you can calm your own urgency before pressing for an answer."),
                    ),
                    both,
                )
            )
        elif d.pattern is Pattern.MUTUAL_WITHDRAWAL:
            sections.append(
                ReportSection(
                    "guidance-mutual-withdrawal",
                    _("For both of you: when you both step back"),
                    (_("Quiet is not the same as calm; the aim is to come back to each other on purpose."),),
                    (
                        _(
                            "Choose a regular, low-stakes time to check in, so issues do not wait "
                            "for a crisis."
                        ),
                        _("When either of you steps away, say when you will return to the subject."),
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
                        _("If one of you starts to reach or retreat more than usual, name it kindly."),
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
                        'Hear reaching out as "I\'m scared of losing you" and stepping back as "I\'m '
                        'scared of making it worse".'
                    ),
                    _("Agree ahead of time how a break works: how long it lasts and who restarts the talk."),
                    _("Afterwards, talk about what each of you felt, not about who started it."),
                ),
                both,
            )
        )
        if d.counselling_suggested:
            sections.append(self._counselling(both))
        return sections

    def _counselling(self, both: tuple[Position, ...]) -> ReportSection:
        d = self.d
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
                    "new ways of reaching each other."
                ),
                _(
                    "The Gottman Method, which helps partners read each other's emotional cues and respond "
                    "to them, and emotionally focused therapy, which works directly with cycles like this "
                    "one, are examples of such help, not endorsements of one method or practitioner."
                ),
                _(
                    "Asking for help is not a verdict on your relationship; it is one more way "
                    "of protecting it."
                ),
            ),
            addressed_to=both,
        )

    def prompts_section(self) -> ReportSection:
        d = self.d
        prompts = [
            _("Which part of this report felt most true to you, and which felt least true?"),
            _("What is the first thing you notice in yourself when tension starts?"),
        ]
        if d.pattern is Pattern.PURSUER_DISTANCER:
            prompts.append(
                _(
                    "{p}, what are you hoping for when you reach out? {q}, what do you need "
                    "when you step back?"
                ).format(p=self.p, q=self.q)
            )
        elif d.pattern is Pattern.MUTUAL_PURSUIT:
            prompts.append(_("How could you take turns when you both want to be heard right now?"))
        elif d.pattern is Pattern.MUTUAL_WITHDRAWAL:
            prompts.append(_("Is there something that has gone unsaid because the moment never felt right?"))
        if not (d.roles_agree and d.a.views_agree and d.b.views_agree):
            prompts.append(
                _("Where do your views of each other differ, and what might each of you be seeing?")
            )
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

    def history_section(self, rows: Sequence[HistoryRow]) -> ReportSection:
        first, now = rows[0], rows[-1]
        paragraphs = [
            _("This is checkup {count}. Here is how things have moved since the first one.").format(
                count=len(rows)
            )
        ]
        leans: tuple[tuple[Position, float, float], ...] = (
            ("a", first.lean_a, now.lean_a),
            ("b", first.lean_b, now.lean_b),
        )
        for position, then_lean, now_lean in leans:
            paragraphs.append(
                _("{name}'s lean: {then} at the first checkup, {now} now.").format(
                    name=self.n[position], then=lean_text(then_lean), now=lean_text(now_lean)
                )
            )
        paragraphs.append(
            _(
                "How strongly the loop runs: {then} ({then_score}) at the first checkup, "
                "{now} ({now_score}) now."
            ).format(
                then=_(STRENGTH_LABELS[first.cycle_strength]),
                then_score=score_text(first.cycle_intensity),
                now=_(STRENGTH_LABELS[now.cycle_strength]),
                now_score=score_text(now.cycle_intensity),
            )
        )
        paragraphs.append(
            _("What the cycle costs: {a} from {a_then} to {a_now}, {b} from {b_then} to {b_now}.").format(
                a=self.n["a"],
                b=self.n["b"],
                a_then=score_text(first.impact_a),
                a_now=score_text(now.impact_a),
                b_then=score_text(first.impact_b),
                b_now=score_text(now.impact_b),
            )
        )
        return ReportSection("history", _("How things have changed"), tuple(paragraphs))


def _scored(score: float) -> str:
    return _("{score} ({band})").format(score=score_text(score), band=_(BAND_LABELS[band(score)]))


def _fill(lines: tuple[str, ...], **names: str) -> tuple[str, ...]:
    return tuple(line.format(**names) for line in lines)
