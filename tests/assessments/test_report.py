"""The shared report's content: who is addressed, which blocks appear, and its language."""

from __future__ import annotations

import re

from hypothesis import given
from hypothesis import strategies as st

from assessments.report import Report, build_report, lean_text, score_text
from assessments.scoring import Pattern, ScaleScores, Strength, dynamic_from_scores

GENDERED = re.compile(r"\b(he|she|him|her|his|hers|husband|wife|boyfriend|girlfriend)\b", re.IGNORECASE)
NAMES = ("Alex", "Sam", "Jordan", "Robin", "Kai", "Noor", "Ren", "Avery")
GUIDANCE_VARIANTS = (
    "guidance-pursuing",
    "guidance-distancing",
    "guidance-mutual-pursuit",
    "guidance-mutual-withdrawal",
    "guidance-flexible",
)


def scores(toward, away, sees_toward, sees_away, *, impact=40.0, repair=50.0, anxiety=50.0, avoidance=50.0):
    """One person's scale scores; ``sees_*`` is their view of the partner."""
    return ScaleScores(toward, away, sees_toward, sees_away, anxiety, avoidance, impact, repair)


PURSUING = scores(90, 10, 10, 90, impact=60, anxiety=80, avoidance=20)
RETREATER = scores(10, 90, 90, 10, impact=50, anxiety=20, avoidance=80)
PRESSER = scores(80, 30, 80, 30)
WITHDRAWER = scores(30, 80, 30, 80)
CALM = scores(20, 20, 20, 20, impact=10)


def report_for(scores_a, scores_b, *, history=(), name_a="Alex", name_b="Sam") -> Report:
    return build_report(
        dynamic_from_scores(scores_a, scores_b), name_a=name_a, name_b=name_b, history=history
    )


def guidance_keys(report: Report) -> set[str]:
    return {s.key for s in report.sections} & set(GUIDANCE_VARIANTS)


def test_the_pursuers_guidance_is_addressed_to_the_pursuer_by_name():
    report = report_for(PURSUING, RETREATER)
    pursuing = report.section("guidance-pursuing")
    distancing = report.section("guidance-distancing")
    assert pursuing.addressed_to == ("a",) and "Alex" in pursuing.title
    assert pursuing.paragraphs[0].startswith("Alex,")
    assert distancing.addressed_to == ("b",) and "Sam" in distancing.title
    assert distancing.paragraphs[0].startswith("Sam,")


def test_with_the_roles_swapped_the_guidance_follows_the_people():
    report = report_for(RETREATER, PURSUING)
    assert report.section("guidance-pursuing").addressed_to == ("b",)
    assert "Sam" in report.section("guidance-pursuing").title
    assert report.section("guidance-distancing").addressed_to == ("a",)
    assert "Alex" in report.section("guidance-distancing").title


def test_the_headline_is_one_sentence_naming_the_loop_not_a_person():
    headline = report_for(PURSUING, RETREATER).headline
    assert headline.count(".") == 1 and headline.endswith(".")
    assert "Alex" in headline and "Sam" in headline
    assert "not either of you" in headline


def test_mutual_pursuit_gets_its_own_guidance_for_both():
    report = report_for(PRESSER, PRESSER)
    assert report.pattern is Pattern.MUTUAL_PURSUIT
    assert guidance_keys(report) == {"guidance-mutual-pursuit"}
    assert report.section("guidance-mutual-pursuit").addressed_to == ("a", "b")


def test_mutual_withdrawal_gets_its_own_guidance_for_both():
    report = report_for(WITHDRAWER, WITHDRAWER)
    assert report.pattern is Pattern.MUTUAL_WITHDRAWAL
    assert guidance_keys(report) == {"guidance-mutual-withdrawal"}


def test_a_flexible_couple_gets_guidance_on_keeping_flexibility():
    report = report_for(CALM, CALM)
    assert report.pattern is Pattern.FLEXIBLE
    assert guidance_keys(report) == {"guidance-flexible"}
    assert report.section("counselling") is None


def test_every_report_has_the_shared_guidance_about_the_pattern_not_the_person():
    for pair in ((PURSUING, RETREATER), (PRESSER, PRESSER), (WITHDRAWER, WITHDRAWER), (CALM, CALM)):
        both = report_for(*pair).section("guidance-both")
        text = " ".join(both.paragraphs + both.bullets)
        assert "The pattern is the problem, not either of you" in text
        assert "fear" in text and "rejection" in text
        assert "protecting the relationship in your own way" in text
        assert "Name the loop together" in text


def test_a_high_cycle_brings_the_counselling_block_with_example_approaches():
    dynamic = dynamic_from_scores(PURSUING, RETREATER)
    assert dynamic.cycle_strength is Strength.HIGH and not dynamic.cost_high
    block = report_for(PURSUING, RETREATER).section("counselling")
    text = " ".join(block.paragraphs)
    assert "Gottman Method" in text and "emotionally focused therapy" in text
    assert "not endorsements" in text


def test_a_high_cost_alone_brings_the_counselling_block():
    costly = scores(20, 20, 20, 20, impact=90)
    dynamic = dynamic_from_scores(costly, CALM)
    assert dynamic.cycle_strength is Strength.LOW and dynamic.cost_high
    assert report_for(costly, CALM).section("counselling") is not None


score = st.floats(0, 100, allow_nan=False)
any_scores = st.builds(ScaleScores, score, score, score, score, score, score, score, score)


@given(any_scores, any_scores)
def test_counselling_appears_exactly_when_the_cycle_or_the_cost_is_high(scores_a, scores_b):
    dynamic = dynamic_from_scores(scores_a, scores_b)
    report = build_report(dynamic, name_a="Alex", name_b="Sam")
    expected = dynamic.cycle_strength is Strength.HIGH or dynamic.cost >= 75
    assert (report.section("counselling") is not None) == expected


@given(
    any_scores,
    any_scores,
    st.lists(st.tuples(any_scores, any_scores), max_size=3),
    st.sampled_from(NAMES),
    st.sampled_from(NAMES),
)
def test_no_rendered_text_uses_gendered_words_or_calls_a_person_a_type(
    scores_a, scores_b, earlier, name_a, name_b
):
    history = [dynamic_from_scores(a, b) for a, b in earlier]
    report = report_for(scores_a, scores_b, history=history, name_a=name_a, name_b=name_b)
    for text in report.texts():
        assert not GENDERED.search(text), text
        assert not re.search(r"\b(is|are) an? (pursuer|distancer)", text, re.IGNORECASE), text
        assert "{" not in text and "}" not in text, text  # every placeholder was filled


@given(any_scores, any_scores)
def test_the_guidance_matches_the_pattern(scores_a, scores_b):
    dynamic = dynamic_from_scores(scores_a, scores_b)
    keys = guidance_keys(build_report(dynamic, name_a="Alex", name_b="Sam"))
    expected = {
        Pattern.PURSUER_DISTANCER: {"guidance-pursuing", "guidance-distancing"},
        Pattern.MUTUAL_PURSUIT: {"guidance-mutual-pursuit"},
        Pattern.MUTUAL_WITHDRAWAL: {"guidance-mutual-withdrawal"},
        Pattern.FLEXIBLE: {"guidance-flexible"},
    }[dynamic.pattern]
    assert keys == expected


def test_the_history_section_appears_only_with_more_than_one_checkup():
    now = dynamic_from_scores(PURSUING, RETREATER)
    assert build_report(now, name_a="Alex", name_b="Sam").section("history") is None
    assert build_report(now, name_a="Alex", name_b="Sam").history == ()
    before = dynamic_from_scores(scores(60, 40, 30, 50), scores(35, 60, 60, 40))
    report = build_report(now, name_a="Alex", name_b="Sam", history=[before])
    text = " ".join(report.section("history").paragraphs)
    assert "Alex" in text and "Sam" in text
    assert [row.checkup for row in report.history] == [1, 2]
    assert report.history[-1].is_current and not report.history[0].is_current
    assert report.history[0].lean_a == before.a.lean and report.history[1].lean_a == now.a.lean


def test_score_rows_show_both_partners_with_bands():
    report = report_for(PURSUING, RETREATER)
    rows = {row.scale: row for row in report.score_rows}
    assert set(rows) == {"pursuit", "distance", "anxiety", "avoidance", "impact", "repair"}
    assert (rows["pursuit"].a, rows["pursuit"].band_a) == (90.0, "high")
    assert (rows["anxiety"].b, rows["anxiety"].band_b) == (20.0, "low")


def test_large_gaps_between_views_are_stated_with_both_numbers():
    # b sees much more pressing in a than a reports.
    a = scores(30, 30, 50, 50)
    b = scores(50, 50, 80, 30)
    text = " ".join(report_for(a, b).section("agreement").paragraphs)
    assert "Sam feels more pressing from Alex (80) than Alex reports (30)" in text


def test_a_disagreement_about_who_reaches_is_named_gently():
    mirror = scores(80, 20, 20, 80)
    text = " ".join(report_for(mirror, mirror).section("agreement").paragraphs)
    assert "differ" in text and "both views are worth hearing" in text


def test_the_report_says_it_describes_and_does_not_diagnose():
    assert "does not diagnose" in report_for(CALM, CALM).note


def test_blank_names_fall_back_to_neutral_labels():
    report = report_for(PURSUING, RETREATER, name_a="  ", name_b="")
    assert (report.name_a, report.name_b) == ("Partner A", "Partner B")
    assert "Partner A" in report.headline


def test_displayed_numbers_never_contradict_their_labels():
    assert score_text(74.9) == "74"  # still in the moderate band
    assert lean_text(14.9) == "+14"  # still balanced
    assert lean_text(-14.9) == "\N{MINUS SIGN}14"
    assert lean_text(0.4) == "0"


def test_names_with_braces_or_accents_are_shown_verbatim():
    for pair in ((PURSUING, RETREATER), (PRESSER, PRESSER), (CALM, CALM)):
        report = report_for(*pair, history=[dynamic_from_scores(*pair)], name_a="{a}", name_b="Zoë")
        text = " ".join(report.texts())
        assert "{a}" in text and "Zoë" in text


def test_a_translator_passed_in_is_applied_before_names_are_filled_in():
    german = {
        "Both stepping back": "Beide ziehen sich zurück",
        "For both of you: facing the loop together": "Für euch beide",
    }
    dynamic = dynamic_from_scores(WITHDRAWER, WITHDRAWER)
    report = build_report(dynamic, name_a="Alex", name_b="Sam", translate=lambda s: german.get(s, s))
    assert report.pattern_label == "Beide ziehen sich zurück"
    assert report.section("guidance-both").title == "Für euch beide"
    # The translator is scoped to that one call.
    assert build_report(dynamic, name_a="Alex", name_b="Sam").pattern_label == "Both stepping back"
