"""The shared report's content: every sentence true of its numbers, wording that fits each outcome."""

from __future__ import annotations

import re

import pytest
from hypothesis import HealthCheck, event, given, settings
from hypothesis import strategies as st

from assessments.instrument import get_instrument
from assessments.report import Report, build_report, lean_text, score_text
from assessments.scoring import (
    CoupleDynamic,
    Pattern,
    Position,
    ScaleScores,
    Strength,
    couple_dynamic,
    dynamic_from_scores,
    other,
)
from tests.support.readability import grade

V1 = get_instrument("pursue-withdraw", 1)
V2 = get_instrument("pursue-withdraw", 2)
GENDERED = re.compile(r"\b(he|she|him|her|his|hers|husband|wife|boyfriend|girlfriend)\b", re.IGNORECASE)
RETIRED = re.compile(r"\b(reach\w*|stepping back|steps? back|retreat\w*|reacher|stepper)\b", re.IGNORECASE)
NAMES = ("Alex", "Sam", "Jordan", "Robin", "Kai", "Noor", "Ren", "Avery")
GUIDANCE_FOR = {
    Pattern.PURSUE_DISTANCE: {"guidance-pursuing", "guidance-distancing"},
    Pattern.BOTH_PURSUING: {"guidance-both-pursuing"},
    Pattern.BOTH_DISTANCING: {"guidance-both-distancing"},
    Pattern.FLEXIBLE: {"guidance-flexible"},
    Pattern.NO_CLEAR_DIRECTION: {"guidance-no-clear-direction"},
}
GUIDANCE_VARIANTS = set().union(*GUIDANCE_FOR.values())


def values(answers: dict[str, int]) -> dict[str, int]:
    """The keyed value of each scale in answers made with ``keyed`` (the inverse of ``keyed``)."""
    first = {item.scale: item for item in reversed(V2.shared_items)}
    return {
        scale: (6 - answers[item.id]) if item.reverse else answers[item.id] for scale, item in first.items()
    }


def keyed(**values: int) -> dict[str, int]:
    """Answers on instrument v2 where each scale's items carry the given keyed value (default 3)."""
    return {item.id: (6 - values.get(item.scale, 3)) if item.reverse else values.get(item.scale, 3)
            for item in V2.shared_items}  # fmt: skip


def straight(value: int) -> dict[str, int]:
    return {item.id: value for item in V2.shared_items}


def report_of(answers_a, answers_b, *, history=(), name_a="Alex", name_b="Sam") -> Report:
    return build_report(
        couple_dynamic(V2, answers_a, answers_b), name_a=name_a, name_b=name_b, history=history
    )


def texts(report: Report) -> list[str]:
    return [report.headline, *(t for s in report.sections for t in (*s.paragraphs, *s.bullets))]


EXAMPLES = {
    Pattern.PURSUE_DISTANCE: (
        keyed(pursuit=5, distance=1, partner_pursuit=1, partner_distance=5, anxiety=5, avoidance=1, impact=3),
        keyed(pursuit=1, distance=5, partner_pursuit=5, partner_distance=1, anxiety=1, avoidance=5, impact=3),
    ),
    Pattern.BOTH_PURSUING: (keyed(pursuit=5, distance=2, partner_pursuit=5, partner_distance=2),) * 2,
    Pattern.BOTH_DISTANCING: (keyed(pursuit=2, distance=5, partner_pursuit=2, partner_distance=5),) * 2,
    Pattern.FLEXIBLE: (keyed(pursuit=2, distance=2, partner_pursuit=2, partner_distance=2, impact=1),) * 2,
    Pattern.NO_CLEAR_DIRECTION: (keyed(pursuit=1, distance=5, partner_pursuit=5, partner_distance=1),) * 2,
}


# --- the oracle: what each kind of claim asserts, written here independently of the code ----------


def figures(d: CoupleDynamic, x: Position) -> dict[str, int]:
    p = d.person(x)
    return {
        "T": p.pursuit, "A": p.distance, "L": p.lean,
        "ST": int(p.scores.pursuit), "SA": int(p.scores.distance),
        "PT": p.seen_pursuit, "PA": p.seen_distance,
        "C": int(p.scores.anxiety), "S": int(p.scores.avoidance),
        "K": int(p.scores.impact), "H": int(p.scores.repair), "AG": p.agreement,
    }  # fmt: skip


def account(d: CoupleDynamic, x: Position) -> int:
    """x's own lean minus the lean x sees in the partner."""
    me, them = figures(d, x), figures(d, other(x))
    return (me["ST"] - me["SA"]) - (them["PT"] - them["PA"])


def names_more(d: CoupleDynamic, x: Position) -> Position | None:
    value = account(d, x)
    return x if value >= 30 else other(x) if value <= -30 else None


def band_word(score: int) -> str:
    return "high" if score >= 75 else "moderate" if score >= 50 else "some" if score >= 25 else "low"


def oracle(d: CoupleDynamic, key: str, about: tuple[Position, ...], text: str) -> tuple[bool, set[int]]:
    """(is the claim true, which numbers it may print) for one claim."""
    a, b = figures(d, "a"), figures(d, "b")
    x = figures(d, about[0]) if about else {}
    y = figures(d, about[1]) if len(about) > 1 else {}
    gap = a["L"] - b["L"]
    strongest = max(a["T"] + b["A"], b["T"] + a["A"], a["T"] + b["T"], a["A"] + b["A"])
    top_cost = max(a["K"], b["K"])
    reliable = not (d.a.style.patterned or d.b.style.patterned)
    adds_up = bool(x) and x["L"] == x["T"] - x["A"]
    lean_numbers = {x.get("T"), x.get("A"), x.get("L")}
    cycle = d.cycle_intensity
    strength = ["low", "moderate", "high"][(cycle >= 45) + (cycle >= 70)]
    # The larger gap of the two moves: "close" when both are under one step (25), "far apart" from two.
    view_gap = max(abs(x["ST"] - x["PT"]), abs(x["SA"] - x["PA"])) if x else 0
    agreement_word = "close" if view_gap < 25 else "some difference" if view_gap < 50 else "far apart"
    y_seen = figures(d, other(about[0])) if about else {}
    cases: dict[str, tuple[bool, set[int]]] = {
        "style.patterned": (bool(about) and d.person(about[0]).style.patterned, set()),
        "line.close": (d.close_to_line, set()),
        "line.clear": (not d.close_to_line, set()),
        "lean.pursuing": (adds_up and x["L"] >= 15, lean_numbers),
        "lean.distancing": (adds_up and x["L"] <= -15, lean_numbers),
        "lean.balanced": (adds_up and -15 < x["L"] < 15, lean_numbers),
        "headline.loop": (bool(y) and x["L"] - y["L"] >= 30, set()),
        "loop.gap": (bool(y) and x["L"] - y["L"] >= 30, {x.get("L"), y.get("L")}),
        "loop.only_relative": (bool(y) and abs(x["L"]) < 15 and x["L"] - y["L"] >= 30, {x.get("L")}),
        "loop.only_relative_away": (
            bool(y) and abs(y["L"]) < 15 and x["L"] - y["L"] >= 30, {y.get("L")}
        ),
        "both.away_often": (min(a["A"], b["A"]) >= 50, {a["A"], b["A"]}),
        "both.toward_often": (min(a["T"], b["T"]) >= 50, {a["T"], b["T"]}),
        "both.lean_pursuing": (min(a["L"], b["L"]) >= 15, {a["L"], b["L"]}),
        "both.lean_distancing": (max(a["L"], b["L"]) <= -15, {a["L"], b["L"]}),
        "both.pursuing_by_level": (min(a["T"], b["T"]) >= 50 and min(a["L"], b["L"]) > -15, {a["T"], b["T"]}),
        "both.distancing_by_level": (
            min(a["A"], b["A"]) >= 50 and max(a["L"], b["L"]) < 15, {a["A"], b["A"]}
        ),
        "leans.close": (abs(gap) < 30, {a["L"], b["L"]}),
        "headline.flexible": (d.pattern is Pattern.FLEXIBLE and abs(gap) < 30, set()),
        "headline.unclear": (d.pattern is Pattern.NO_CLEAR_DIRECTION, set()),
        "unclear.both_moves": (
            all(min(p["T"], p["A"]) >= 50 and abs(p["L"]) < 15 for p in (a, b)),
            {a["T"], a["A"], b["T"], b["A"]},
        ),
        "unclear.contradict": (
            None not in (names_more(d, "a"), names_more(d, "b")) and names_more(d, "a") != names_more(d, "b"),
            set(),
        ),
        "unclear.strong": (
            abs(gap) < 30 and cycle >= 70 and strongest >= 139, {cycle, a["L"], b["L"], 100}
        ),
        "cycle.level": (f"{strength} ({cycle} out of 100)" in text, {cycle, 100}),
        "account.own": (True, {x.get("ST", 0) - x.get("SA", 0), y_seen.get("PT", 0) - y_seen.get("PA", 0)}),
        "agreement.figure": (
            bool(x) and x["AG"] == 100 - view_gap and f"({agreement_word})" in text,
            {x.get("AG"), x.get("ST"), x.get("SA"), x.get("PT"), x.get("PA"), 100},
        ),
        "gap.toward_self_more": (bool(x) and x["ST"] - x["PT"] >= 25, {x.get("ST"), x.get("PT")}),
        "gap.toward_seen_more": (bool(x) and x["PT"] - x["ST"] >= 25, {x.get("ST"), x.get("PT")}),
        "gap.away_self_more": (bool(x) and x["SA"] - x["PA"] >= 25, {x.get("SA"), x.get("PA")}),
        "gap.away_seen_more": (bool(x) and x["PA"] - x["SA"] >= 25, {x.get("SA"), x.get("PA")}),
        "roles.none": (names_more(d, "a") is None and names_more(d, "b") is None, set()),
        "roles.agree": (bool(about) and names_more(d, "a") == names_more(d, "b") == about[0], set()),
        "roles.differ": (names_more(d, "a") != names_more(d, "b"), set()),
        "protects.closeness": (bool(x) and x["C"] > x["S"] and x["C"] >= 50, {x.get("C"), x.get("S")}),
        "protects.space": (bool(x) and x["S"] > x["C"] and x["S"] >= 50, {x.get("C"), x.get("S")}),
        "protects.both": (bool(x) and x["S"] == x["C"] >= 50, {x.get("C")}),
        "protects.neither": (bool(x) and max(x["S"], x["C"]) < 50, {x.get("C"), x.get("S")}),
        "cost.figures": (
            f"{a['K']} ({band_word(a['K'])})" in text and f"{b['K']} ({band_word(b['K'])})" in text,
            {a["K"], b["K"]},
        ),
        "cost.high": (top_cost >= 75, set()),
        "cost.moderate": (50 <= top_cost < 75, set()),
        "cost.low": (top_cost < 50, set()),
        "helps.figures": (
            f"{a['H']} ({band_word(a['H'])})" in text and f"{b['H']} ({band_word(b['H'])})" in text,
            {a["H"], b["H"]},
        ),
        "counsel.cycle_and_cost": (cycle >= 70 and reliable and top_cost >= 75, {cycle, top_cost}),
        "counsel.cycle": (cycle >= 70 and reliable, {cycle}),
        "counsel.cost": (top_cost >= 75, {top_cost}),
    }  # fmt: skip
    assert key in cases, f"the test has no reading of claim {key!r}"
    return cases[key]


def signed(value: int) -> str:
    """A lean as the report prints it: a plus sign, a minus sign (U+2212), or 0."""
    return f"+{value}" if value > 0 else f"\N{MINUS SIGN}{-value}" if value < 0 else "0"


def bindings(d: CoupleDynamic, key: str, about: tuple[Position, ...], names: dict[str, str]) -> list[str]:
    """Fragments a claim's sentence must contain: each name next to that person's own numbers.

    Written from the numbers, independently of the wording code, so a sentence that prints one
    partner's name beside the other partner's figures (or the two names the wrong way round) fails.
    """
    a, b = figures(d, "a"), figures(d, "b")
    na, nb = names["a"], names["b"]
    x_, y_ = (about[0], other(about[0])) if about else ("a", "b")
    x, y = figures(d, x_), figures(d, y_)
    nx, ny = names[x_], names[y_]
    q_ = about[1] if len(about) > 1 else y_
    nq, q = names[q_], figures(d, q_)
    band = band_word
    view_gap = max(abs(x["ST"] - x["PT"]), abs(x["SA"] - x["PA"]))
    agreement_word = "close" if view_gap < 25 else "some difference" if view_gap < 50 else "far apart"
    lean_figures = f"(moving toward {x['T']}, moving away {x['A']}, lean {signed(x['L'])})"
    reader = {r: names_more(d, r) for r in ("a", "b")}
    cycle_source = (
        [f"how often {names[d.pursuing]} moves toward and {names[d.distancing]} moves away"]
        if d.pursuing and d.distancing
        else []
    )
    top_cost = max(a["K"], b["K"])
    cases: dict[str, list[str]] = {
        "style.patterned": [f"{nx} chose the "],
        "lean.pursuing": [f"{nx} leans toward pursuing when tense", lean_figures],
        "lean.distancing": [f"{nx} leans toward distancing when tense", lean_figures],
        "lean.balanced": [f"{nx} moves both ways about equally", lean_figures],
        "headline.loop": [f"{nx} leans more toward pursuing and {nq} more toward distancing"],
        "loop.gap": [
            f"{nx} leans further toward pursuing than {nq} does "
            f"(lean {signed(x['L'])} against {signed(q['L'])})"
        ],
        "loop.only_relative": [
            f"{nx}'s own lean is small ({signed(x['L'])}); "
            f"it is only next to {nq} that {nx} is the one who pursues"
        ],
        "loop.only_relative_away": [
            f"{nq}'s own lean is small ({signed(q['L'])}); it is only next to {nx} that {nq} is the one who "
            "distances"
        ],
        "both.away_often": [f"({na} {a['A']}, {nb} {b['A']})"],
        "both.toward_often": [f"({na} {a['T']}, {nb} {b['T']})"],
        "both.lean_pursuing": [f"({na} {signed(a['L'])}, {nb} {signed(b['L'])})"],
        "both.lean_distancing": [f"({na} {signed(a['L'])}, {nb} {signed(b['L'])})"],
        "both.pursuing_by_level": [f"({na} {a['T']}, {nb} {b['T']})"],
        "both.distancing_by_level": [f"({na} {a['A']}, {nb} {b['A']})"],
        "leans.close": [f"({signed(a['L'])} and {signed(b['L'])})"],
        "unclear.both_moves": [f"{na}: {a['T']} and {a['A']}; {nb}: {b['T']} and {b['A']}"],
        "unclear.contradict": [
            f"by {na}'s answers, {names.get(reader['a'] or '', '?')} pursues more; "
            f"by {nb}'s answers, {names.get(reader['b'] or '', '?')} does"
        ],
        "unclear.strong": [f"({d.cycle_intensity} out of 100)", f"({signed(a['L'])} and {signed(b['L'])})"],
        "cycle.level": [f"({d.cycle_intensity} out of 100)", *cycle_source],
        "account.own": [
            f"By {nx}'s own answers, {nx}'s lean is {signed(x['ST'] - x['SA'])} and {ny}'s is "
            f"{signed(y['PT'] - y['PA'])}."
        ],
        "agreement.figure": [
            f"views of {nx} match: {x['AG']} out of 100 ({agreement_word}). "
            f"{nx} puts their own moving toward at {x['ST']} and moving away at {x['SA']}; "
            f"{ny} sees {nx} at {x['PT']} and {x['PA']}."
        ],
        "gap.toward_self_more": [
            f"{nx} sees more moving toward in themselves ({x['ST']}) than {ny} notices ({x['PT']})"
        ],
        "gap.toward_seen_more": [
            f"{ny} sees more moving toward in {nx} ({x['PT']}) than {nx} reports ({x['ST']})"
        ],
        "gap.away_self_more": [f"{nx} reports more moving away ({x['SA']}) than {ny} notices ({x['PA']})"],
        "gap.away_seen_more": [
            f"{ny} sees more moving away in {nx} ({x['PA']}) than {nx} reports ({x['SA']})"
        ],
        "roles.agree": [f"{nx} pursues more"],
        "roles.differ": [
            f"{names[r]}'s answers show no clear difference"
            if reader[r] is None
            else f"{names[r]}'s answers show {names[reader[r]]} pursuing more"
            for r in ("a", "b")
        ],
        "protects.closeness": [f"{nx} finds more safety in closeness ({x['C']}) than in space ({x['S']})"],
        "protects.space": [f"{nx} finds more safety in space ({x['S']}) than in closeness ({x['C']})"],
        "protects.both": [f"{nx} finds safety in closeness ({x['C']}) and in space ({x['S']}) alike"],
        "protects.neither": [f"Neither closeness ({x['C']}) nor space ({x['S']}) stands out for {nx}"],
        "cost.figures": [f"{na} {a['K']} ({band(a['K'])}), {nb} {b['K']} ({band(b['K'])})"],
        "helps.figures": [f"{na} {a['H']} ({band(a['H'])}), {nb} {b['H']} ({band(b['H'])})"],
        "counsel.cycle_and_cost": [f"({d.cycle_intensity})", f"({top_cost})"],
        "counsel.cycle": [f"({d.cycle_intensity})"],
        "counsel.cost": [f"({top_cost})"],
    }
    # Claims that name no one and print no figure of their own.
    for key_without_figures in (
        "line.close", "line.clear", "headline.flexible", "headline.unclear",
        "cycle.low", "cycle.not_low", "cost.high", "cost.moderate", "cost.low", "roles.none",
    ):  # fmt: skip
        cases[key_without_figures] = []
    assert key in cases, f"the test has no binding for claim {key!r}"
    return cases[key]


def printed_numbers(text: str) -> set[int]:
    """Every number in a sentence, with its sign when it has one (leans print a plus or a minus sign)."""
    return {
        (-1 if sign == "\N{MINUS SIGN}" else 1) * int(digits)
        for sign, digits in re.findall(r"([+\N{MINUS SIGN}]?)(\d+)", text)
    }


def check_every_claim(d: CoupleDynamic, report: Report) -> None:
    printed = texts(report)
    claimed = {claim.text for claim in report.claims}
    names = {"a": report.name_a, "b": report.name_b}
    for claim in report.claims:
        true, allowed = oracle(d, claim.key, claim.about, claim.text)
        assert true, (claim.key, claim.text)
        assert printed_numbers(claim.text) <= allowed, (claim.key, claim.text, allowed)
        fragments = bindings(d, claim.key, claim.about, names)
        if claim.text == report.headline and not claim.key.startswith("headline."):
            fragments = []  # the headline restates the story's claim without its figures
        for fragment in fragments:
            assert fragment in claim.text, (claim.key, fragment, claim.text)
        if not fragments:  # a claim about the couple as a whole names no one
            assert not any(re.search(rf"\b{re.escape(n)}\b", claim.text) for n in names.values()), claim.text
        assert claim.text in printed, claim.text
    for section in report.sections:
        if section.key in ("scores", "history", "hope", "prompts") or section.key.startswith("guidance"):
            continue  # the band legend, the history table's figures, and advice that describes no one
        for line in (*section.paragraphs, *section.bullets):
            if re.search(r"\d|\bthan\b", line):
                assert line in claimed, f"descriptive sentence without a claim: {line}"
    for toward, away, lean in re.findall(
        r"moving toward (\d+), moving away (\d+), lean ([+\N{MINUS SIGN}]?\d+)", " ".join(printed)
    ):
        assert int(toward) - int(away) == printed_numbers(lean).pop()


# --- answers that look like real couples, and some that do not --------------------------------

ITEM_SCALES = tuple(dict.fromkeys(item.scale for item in V2.shared_items))


@st.composite
def couples_answers(draw) -> dict[str, int]:
    kind = draw(st.sampled_from(["profile", "profile", "profile", "random", "straight"]))
    if kind == "straight":
        top = draw(st.sampled_from([1, 5]))
        answers = straight(top)
        for item in draw(st.lists(st.sampled_from(V2.shared_items), max_size=4)):
            answers[item.id] = draw(st.integers(1, 5))
        return answers
    if kind == "random":
        return {item.id: draw(st.integers(1, 5)) for item in V2.shared_items}
    base = {scale: draw(st.integers(1, 5)) for scale in ITEM_SCALES}
    answers = {}
    for item in V2.shared_items:
        value = min(5, max(1, base[item.scale] + draw(st.sampled_from([-1, 0, 0, 0, 1]))))
        answers[item.id] = 6 - value if item.reverse else value
    return answers


@settings(max_examples=2000, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(couples_answers(), couples_answers(), st.sampled_from(NAMES), st.sampled_from(NAMES))
def test_no_printed_sentence_is_false_of_the_numbers_printed_with_it(answers_a, answers_b, name_a, name_b):
    d = couple_dynamic(V2, answers_a, answers_b)
    assert isinstance(d, CoupleDynamic)
    # Shown by --hypothesis-show-statistics: how many couples of each outcome the run checked.
    event(f"{d.pattern.value}{', close to the line' if d.close_to_line else ''}")
    event("answers look patterned" if not d.reliable else "answers varied")
    report = build_report(d, name_a=name_a, name_b="Quinn" if name_a == name_b else name_b)
    check_every_claim(d, report)


score = st.integers(0, 100).map(float)
any_scores = st.builds(ScaleScores, *([score] * 8))
STEPS = {"pursuit": 3.125, "distance": 3.125, "partner_pursuit": 6.25, "partner_distance": 6.25}


@settings(max_examples=1000, deadline=None)
@given(any_scores, any_scores)
def test_claims_hold_for_any_scores_too(scores_a, scores_b):
    d = dynamic_from_scores(scores_a, scores_b, steps=STEPS)
    check_every_claim(d, build_report(d, name_a="Alex", name_b="Sam"))


# --- wording per outcome ----------------------------------------------------------------------


@pytest.mark.parametrize("pattern", list(Pattern))
def test_each_outcome_gets_its_own_guidance_and_the_shared_guidance(pattern):
    report = report_of(*EXAMPLES[pattern])
    keys = [section.key for section in report.sections]
    assert report.pattern is pattern
    assert set(keys) & GUIDANCE_VARIANTS == GUIDANCE_FOR[pattern]
    assert "guidance-both" in keys


@pytest.mark.parametrize("pattern", list(Pattern))
def test_every_outcome_carries_the_hope(pattern):
    hope = " ".join(report_of(*EXAMPLES[pattern]).section("hope").paragraphs)
    assert "not for the two of you to become the same" in hope and "flexibility" in hope
    assert "soften" in hope or "Keeping that room" in hope
    assert "counsellor is a normal option" in hope


# Wording that presumes a loop, and wording that presumes one partner on each side of it.
LOOP_WORDS = re.compile(
    r"a pattern like this|pressing and the pulling|naming the loop|see a loop start|(the|a) loop down|"
    r"loops? like th(is|ese)|facing the pattern|the pattern is the problem|the loop runs",
    re.IGNORECASE,
)
ONE_ON_EACH_SIDE = re.compile(
    r"the one who (presses|pulls away)|one of you may fear|one may fear", re.IGNORECASE
)
# Claims about what settles a person belong to the closeness and space scores, not to guidance.
PRESUMED_NEED = re.compile(r"your (wish|need) for (closeness|space)", re.IGNORECASE)


@pytest.mark.parametrize("pattern", [Pattern.FLEXIBLE, Pattern.NO_CLEAR_DIRECTION])
@pytest.mark.parametrize("impact", [1, 5], ids=["low-cost", "high-cost"])
def test_outcomes_without_a_fixed_loop_are_not_told_about_their_loop_or_cycle(pattern, impact):
    answers = tuple(keyed(**{**values(pair), "impact": impact}) for pair in EXAMPLES[pattern])
    report = report_of(*answers)
    assert report.pattern is pattern
    assert (report.section("counselling") is not None) == (impact == 5)
    cost = report.section("cost")
    assert cost.title == "What tension costs, and what already helps"
    for line in texts(report):
        assert not LOOP_WORDS.search(line), line
        assert not ONE_ON_EACH_SIDE.search(line), line


@pytest.mark.parametrize("pattern", [Pattern.BOTH_PURSUING, Pattern.BOTH_DISTANCING])
def test_couples_who_share_one_move_are_not_told_one_presses_and_one_pulls_away(pattern):
    report = report_of(*EXAMPLES[pattern])
    assert report.pattern is pattern
    for line in texts(report):
        assert not ONE_ON_EACH_SIDE.search(line), line


@pytest.mark.parametrize("pattern", list(Pattern))
def test_guidance_presumes_no_need_for_closeness_or_space(pattern):
    # A person on the pursuing side may find more safety in space than in closeness (and the reverse).
    for line in texts(report_of(*EXAMPLES[pattern])):
        assert not PRESUMED_NEED.search(line), line


def test_a_pursue_distance_couple_reads_about_both_sides_of_their_loop():
    text = " ".join(texts(report_of(*EXAMPLES[Pattern.PURSUE_DISTANCE])))
    assert ONE_ON_EACH_SIDE.search(text) and LOOP_WORDS.search(text)


def test_no_clear_direction_gets_a_report_of_its_own():
    report = report_of(*EXAMPLES[Pattern.NO_CLEAR_DIRECTION])
    assert report.pattern_label == "No clear direction yet"
    assert report.section("pattern").title == "What your answers show so far"
    pattern = " ".join(report.section("pattern").paragraphs)
    assert "Your two accounts point in opposite directions" in pattern
    assert "by Alex's answers, Sam pursues more; by Sam's answers, Alex does" in pattern
    guidance = report.section("guidance-no-clear-direction").bullets
    assert any("Take the checkup again in four to six weeks" in line for line in guidance)
    prompts = report.section("prompts").bullets
    assert any("views of each other differ most" in line for line in prompts)
    assert any("take the checkup again" in line for line in prompts)


def test_the_tie_that_v1_called_both_pursuing_now_says_it_cannot_tell():
    report = report_of(keyed(), keyed())
    assert report.pattern is Pattern.NO_CLEAR_DIRECTION
    assert any("your leans cancel out" in line for line in report.section("pattern").paragraphs)
    assert any("close to the line" in line and "Both pursuing" in line for line in texts(report))


@pytest.mark.parametrize("value", [5, 1], ids=["top", "bottom"])
def test_patterned_answers_are_named_first(value):
    report = report_of(straight(value), keyed(pursuit=4, distance=2, partner_pursuit=2, partner_distance=4))
    first = report.sections[0]
    assert first.key == "reliability" and first.title == "Read this report with care"
    word = "top" if value == 5 else "bottom"
    assert first.paragraphs[0] == (
        f"Alex chose the {word} answer for most of the statements, even ones that point opposite ways."
    )


def test_a_high_cycle_from_patterned_answers_does_not_bring_the_counselling_block():
    answers = straight(5) | {item.id: 3 for item in V2.items_for_scale("impact")}
    d = couple_dynamic(V2, answers, answers)
    assert d.cycle_strength is Strength.HIGH and not d.cost_high
    report = build_report(d, name_a="Alex", name_b="Sam")
    assert report.section("counselling") is None
    assert "counsellor is a normal option" in " ".join(report.section("hope").paragraphs)


def test_the_counselling_block_gives_its_reason_with_the_number():
    block = report_of(*EXAMPLES[Pattern.PURSUE_DISTANCE]).section("counselling")
    assert block.paragraphs[0] == "The moves between you run strongly (100)."
    text = " ".join(block.paragraphs)
    assert "Gottman Method" in text and "emotionally focused therapy" in text
    assert "not to endorse one method" in text


def test_a_borderline_couple_is_told_it_is_close_to_the_line():
    # A lean gap of exactly 30: one answer one step lower and there is no loop.
    def person(toward, away, sees_toward, sees_away):
        return ScaleScores(toward, away, sees_toward, sees_away, 50, 50, 50, 50)

    d = dynamic_from_scores(person(58, 43, 43, 58), person(43, 58, 58, 43), steps=STEPS)
    line = next(
        t for t in build_report(d, name_a="Alex", name_b="Sam").section("pattern").paragraphs if "line" in t
    )
    assert line.startswith("This result is close to the line: a single answer, one step higher or lower,")


def test_printed_leans_add_up_from_the_printed_parts():
    report = report_of(*EXAMPLES[Pattern.PURSUE_DISTANCE])
    assert report.section("pattern").paragraphs[0] == (
        "Alex leans toward pursuing when tense (moving toward 100, moving away 0, lean +100)."
    )


def headline_and_guidance(report: Report) -> list[str]:
    lines = [report.headline]
    for section in report.sections:
        if section.key.startswith("guidance") or section.key in (
            "hope",
            "counselling",
            "reliability",
            "prompts",
        ):
            lines += [section.title, *section.paragraphs, *section.bullets]
    return lines


def test_the_headline_and_guidance_read_at_grade_eight_or_below():
    for pattern, answers in EXAMPLES.items():
        for patterned in (False, True):
            pair = (straight(5), answers[1]) if patterned else answers
            for line in headline_and_guidance(report_of(*pair)):
                assert grade(line) <= 8, (pattern, line)


@settings(max_examples=300)
@given(couples_answers(), couples_answers())
def test_the_headline_and_guidance_read_at_grade_eight_or_below_for_every_wording(answers_a, answers_b):
    # Generated couples reach the variants the worked examples do not (a high cost without a loop, ...).
    for line in headline_and_guidance(report_of(answers_a, answers_b)):
        assert grade(line) <= 8, line


@given(couples_answers(), couples_answers(), st.sampled_from(NAMES), st.sampled_from(NAMES))
def test_no_text_uses_gendered_words_retired_words_or_calls_a_person_a_type(
    answers_a, answers_b, name_a, name_b
):
    report = report_of(answers_a, answers_b, name_a=name_a, name_b=name_b)
    for text in [*report.texts(), *(s.title for s in report.sections)]:
        assert not GENDERED.search(text), text
        assert not RETIRED.search(text), text
        assert not re.search(r"\b(is|are) an? (pursuer|distancer)", text, re.IGNORECASE), text
        assert "{" not in text and "}" not in text, text


# --- v1 checkups, history, names, translation ----------------------------------------------------


def v1_answers(**values: int) -> dict[str, int]:
    return {item.id: (6 - values.get(item.scale, 3)) if item.reverse else values.get(item.scale, 3)
            for item in V1.shared_items}  # fmt: skip


def test_a_v1_checkup_still_builds_its_v1_report_with_its_v1_verdict():
    d = couple_dynamic(V1, v1_answers(), v1_answers())
    report = build_report(d, name_a="Alex", name_b="Sam")
    assert report.model_version == 1 and report.claims == ()
    assert report.pattern is Pattern.BOTH_PURSUING  # what this couple was first told
    assert "first version of the checkup" in report.note
    assert {s.key for s in report.sections} & GUIDANCE_VARIANTS == {"guidance-both-pursuing"}
    for text in report.texts():
        assert not RETIRED.search(text), text


def test_history_can_mix_v1_and_v2_checkups():
    before = couple_dynamic(V1, v1_answers(pursuit=5, distance=1), v1_answers(pursuit=1, distance=5))
    report = report_of(*EXAMPLES[Pattern.PURSUE_DISTANCE], history=[before])
    assert [row.checkup for row in report.history] == [1, 2]
    assert report.history[0].lean_a == before.a.lean
    text = " ".join(report.section("history").paragraphs)
    assert "This is checkup 2" in text and "Alex's lean" in text


def test_the_history_section_appears_only_with_more_than_one_checkup():
    report = report_of(*EXAMPLES[Pattern.FLEXIBLE])
    assert report.section("history") is None and report.history == ()


def test_blank_names_fall_back_to_neutral_labels():
    report = report_of(*EXAMPLES[Pattern.PURSUE_DISTANCE], name_a="  ", name_b="")
    assert (report.name_a, report.name_b) == ("Partner A", "Partner B")
    assert "Partner A" in report.headline


def test_names_with_braces_or_accents_are_shown_verbatim():
    for pattern in Pattern:
        text = " ".join(report_of(*EXAMPLES[pattern], name_a="{a}", name_b="Zoë").texts())
        assert "{a}" in text and "Zoë" in text


def test_displayed_numbers_never_contradict_their_labels():
    assert score_text(74.9) == "74"  # v1 scores: still in the moderate band
    assert lean_text(14.9) == "+14" and lean_text(-14.9) == "\N{MINUS SIGN}14" and lean_text(0.4) == "0"


def test_the_report_says_it_describes_and_does_not_diagnose():
    assert "does not diagnose" in report_of(*EXAMPLES[Pattern.FLEXIBLE]).note


def test_a_translator_passed_in_is_applied_before_names_are_filled_in():
    german = {"Both distancing": "Beide ziehen sich zurück", "Where this can go": "Wohin es gehen kann"}
    d = couple_dynamic(V2, *EXAMPLES[Pattern.BOTH_DISTANCING])
    report = build_report(d, name_a="Alex", name_b="Sam", translate=lambda s: german.get(s, s))
    assert report.pattern_label == "Beide ziehen sich zurück"
    assert report.section("hope").title == "Wohin es gehen kann"
    assert build_report(d, name_a="Alex", name_b="Sam").pattern_label == "Both distancing"
