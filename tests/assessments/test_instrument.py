"""The questionnaire file and its loader (pure Python, no database)."""

import re
from collections import Counter
from pathlib import Path

import pytest

from assessments.instrument import (
    Instrument,
    InstrumentError,
    available_instruments,
    current_instrument,
    get_instrument,
    load_instrument,
    with_partner,
)
from tests.support.readability import grade, syllables

BLUEPRINT_COUNTS = {
    "pursuit": 8,
    "distance": 8,
    "partner_pursuit": 4,
    "partner_distance": 4,
    "anxiety": 5,
    "avoidance": 5,
    "impact": 6,
    "repair": 6,
    "safety": 3,
}
# Version 2 adds feeling rejected and feeling attacked to what the pattern costs.
BLUEPRINT_COUNTS_V2 = BLUEPRINT_COUNTS | {"impact": 8}
BLUEPRINT_REVERSED = {"pursuit": 1, "distance": 1, "anxiety": 1, "avoidance": 1}
# Version 2 keys one partner-view item each way too, for the answering-style check.
BLUEPRINT_REVERSED_V2 = BLUEPRINT_REVERSED | {"partner_pursuit": 1, "partner_distance": 1}
MOVE_SCALES = ("pursuit", "distance", "partner_pursuit", "partner_distance")
# An item that depends on what the other person does (e.g. "When I seem distant,
# {partner} ...") scores two partners who make the same move lower on it.
DEPENDS_ON_THE_OTHER = re.compile(r"\b(when|after|if|until|once) (i|\{partner\})\b", re.IGNORECASE)
# ...and so does a feeling that only a partner who presses or pulls away can cause ("I feel pushed
# to talk", "I feel shut out"): it scores the move the partner makes, not this person's own.
PRESUMES_THE_OTHERS_MOVE = re.compile(
    r"\b(pushed|pressured|pressed|chased|nagged|shut out|ignored|left alone|abandoned)\b", re.IGNORECASE
)
# (title, perspective, response scale, scales), in page order.
BLUEPRINT_SECTIONS = [
    ("When tension rises between us", "self", "frequency", {"pursuit", "distance"}),
    (
        "How I see my partner when tension rises",
        "partner",
        "frequency",
        {"partner_pursuit", "partner_distance"},
    ),
    ("What closeness means to me", "self", "agreement", {"anxiety", "avoidance"}),
    ("What the pattern costs us", "self", "agreement", {"impact"}),
    ("What already helps", "self", "frequency", {"repair"}),
    ("A private check", "self", "agreement", {"safety"}),
]
ID_PREFIXES = {
    "pursuit": "pur",
    "distance": "dis",
    "partner_pursuit": "ppu",
    "partner_distance": "pdi",
    "anxiety": "anx",
    "avoidance": "avo",
    "impact": "imp",
    "repair": "rep",
    "safety": "saf",
}
GENDERED = re.compile(r"\b(he|she|him|her|his|hers|husband|wife|boyfriend|girlfriend)\b", re.IGNORECASE)


@pytest.fixture
def v1() -> Instrument:
    return get_instrument("pursue-withdraw", 1)


@pytest.fixture
def v2() -> Instrument:
    return get_instrument("pursue-withdraw", 2)


@pytest.fixture(params=[1, 2], ids=["v1", "v2"])
def shipped(request) -> Instrument:
    return get_instrument("pursue-withdraw", request.param)


def all_texts(instrument: Instrument) -> list[str]:
    texts = [instrument.title]
    texts += [text for s in instrument.sections for text in (s.title, s.intro)]
    texts += [item.text for item in instrument.items]
    texts += [text for info in instrument.scales.values() for text in (info.label, info.description)]
    return texts


# --- the shipped files -------------------------------------------------------


def test_every_shipped_instrument_file_loads_and_matches_its_file_name():
    shipped = available_instruments()
    assert ("pursue-withdraw", 1) in shipped
    for key, version in shipped:
        instrument = get_instrument(key, version)
        assert (instrument.key, instrument.version) == (key, version)


def test_the_current_instrument_is_the_newest_shipped_pursue_withdraw_version():
    newest = max(version for key, version in available_instruments() if key == "pursue-withdraw")
    assert current_instrument().version == newest == 2


def test_get_instrument_returns_the_same_cached_object_each_time():
    assert get_instrument("pursue-withdraw", 1) is get_instrument("pursue-withdraw", 1)


def test_get_instrument_raises_lookup_error_for_a_version_that_is_not_shipped():
    with pytest.raises(LookupError):
        get_instrument("pursue-withdraw", 999)


def test_get_instrument_refuses_a_key_that_could_name_another_path():
    with pytest.raises(LookupError):
        get_instrument("../instruments/pursue-withdraw", 1)


def test_v1_has_the_blueprint_number_of_items_for_each_scale(v1):
    assert Counter(item.scale for item in v1.items) == BLUEPRINT_COUNTS
    assert set(v1.scales) == set(BLUEPRINT_COUNTS)


def test_v1_has_one_reverse_item_in_pursuit_distance_anxiety_and_avoidance_only(v1):
    assert Counter(item.scale for item in v1.items if item.reverse) == BLUEPRINT_REVERSED


def test_v2_has_the_blueprint_counts_with_two_more_cost_items(v2):
    assert Counter(item.scale for item in v2.items) == BLUEPRINT_COUNTS_V2
    assert 48 <= len(v2.items) <= 52  # about ten minutes


def test_v2_keys_items_both_ways_on_every_move_scale_and_the_closeness_scales(v2):
    assert Counter(item.scale for item in v2.items if item.reverse) == BLUEPRINT_REVERSED_V2


def test_v2_asks_about_feeling_rejected_and_feeling_attacked(v2):
    costs = [item.text for item in v2.items_for_scale("impact")]
    assert any("rejected" in text for text in costs)
    assert any("attacked" in text for text in costs)


def test_no_v2_move_item_depends_on_what_the_other_person_does(v2):
    for scale in MOVE_SCALES:
        for item in v2.items_for_scale(scale):
            assert not DEPENDS_ON_THE_OTHER.search(item.text), item.id
            assert not PRESUMES_THE_OTHERS_MOVE.search(item.text), item.id


def test_no_v2_text_around_the_items_assumes_one_partner_on_each_side(v2):
    # A couple who both move toward (or both move away) must not be told they make opposite moves.
    for text in [section.intro for section in v2.sections] + [item.text for item in v2.items]:
        assert not re.search(r"one of you .* the other", text, re.IGNORECASE), text


@pytest.mark.parametrize("retired", ["reach", "step back", "stepping back", "retreat"])
def test_v2_scale_labels_use_the_one_vocabulary(shipped, retired):
    for info in shipped.scales.values():
        assert retired not in (info.label + " " + info.description).lower(), info.key


def test_every_v2_item_reads_at_grade_seven_or_below(v2):
    # With the longest form of the placeholder, "your partner".
    for item in v2.items:
        assert grade(with_partner(item.text, None)) <= 7, (item.id, item.text)


def test_v2_gives_changed_wording_a_new_id(v1, v2):
    old = {item.id: item for item in v1.items}
    for item in v2.items:
        if item.id in old:
            assert (item.text, item.scale, item.reverse) == (
                old[item.id].text,
                old[item.id].scale,
                old[item.id].reverse,
            )


def test_sections_follow_the_blueprint_in_order(shipped):
    actual = [
        (s.title, s.perspective, s.response_scale, {i.scale for i in shipped.section_items(s.key)})
        for s in shipped.sections
    ]
    assert actual == BLUEPRINT_SECTIONS


def test_v1_response_scales_have_the_five_blueprint_labels(v1):
    assert v1.response_scales["frequency"].labels == (
        "Never",
        "Rarely",
        "Sometimes",
        "Often",
        "Almost always",
    )
    agreement = v1.response_scales["agreement"].labels
    assert (agreement[0], agreement[-1], len(agreement)) == ("Strongly disagree", "Strongly agree", 5)


def test_item_ids_are_unique_and_start_with_their_scale_prefix(shipped):
    ids = [item.id for item in shipped.items]
    assert len(ids) == len(set(ids))
    for item in shipped.items:
        assert re.fullmatch(ID_PREFIXES[item.scale] + r"\d\d", item.id), item.id


def test_pursuit_and_distance_items_are_interleaved_not_in_blocks(shipped):
    scales = [item.scale for item in shipped.section_items("tension")]
    longest_run = max(len(m.group()) for m in re.finditer(r"(p+|d+)", "".join(s[0] for s in scales)))
    assert longest_run <= 2


def test_safety_items_are_private_and_never_shared(shipped):
    safety = shipped.items_for_scale("safety")
    assert all(not item.shared for item in safety)
    assert all(shipped.section(item.section).private for item in safety)
    assert shipped.private_items == safety
    assert not set(shipped.shared_items) & set(safety)


def test_the_private_section_says_it_is_optional_and_never_seen_by_the_partner(shipped):
    (private,) = [section for section in shipped.sections if section.private]
    assert "optional" in private.intro
    assert "never" in private.intro and "{partner}" in private.intro


def test_partner_perspective_items_refer_to_the_partner_by_placeholder(shipped):
    partner_sections = [s.key for s in shipped.sections if s.perspective == "partner"]
    assert partner_sections
    for key in partner_sections:
        for item in shipped.section_items(key):
            assert "{partner}" in item.text, item.id


def test_no_text_starts_with_the_placeholder_which_may_become_lowercase_your_partner():
    for key, version in available_instruments():
        for text in all_texts(get_instrument(key, version)):
            assert not re.search(r"(^|[.!?]\s+)\{partner\}", text), text


def test_no_shipped_text_uses_gendered_words():
    for key, version in available_instruments():
        for text in all_texts(get_instrument(key, version)):
            assert not GENDERED.search(with_partner(text, None)), text


def test_response_scale_for_an_item_comes_from_its_section(v1):
    assert v1.response_scale_for("pur01").key == "frequency"
    assert v1.response_scale_for(v1.item("anx01")).max_value == 5


def test_with_partner_uses_the_display_name_or_falls_back_to_your_partner():
    assert with_partner("I miss {partner}.", "Sam") == "I miss Sam."
    assert with_partner("I miss {partner}.", None) == "I miss your partner."
    assert with_partner("I miss {partner}.", "  ") == "I miss your partner."
    assert with_partner("I miss {partner}.", "{x}") == "I miss {x}."


@pytest.mark.parametrize(
    ("word", "count"), [("reassurance", 4), ("okay", 2), ("the", 1), ("uncomfortable", 5), ("zorbling", 2)]
)
def test_syllables_come_from_the_dictionary_or_vowel_groups(word, count):
    assert syllables(word) == count


def test_the_grade_follows_the_flesch_kincaid_formula():
    # 6 words, 6 syllables, 1 sentence: 0.39 * 6 + 11.8 * 1 - 15.59.
    assert grade("The cat sat on the mat.") == pytest.approx(0.39 * 6 + 11.8 - 15.59)


# --- validation ----------------------------------------------------------------

VALID = """
key = "mini"
version = 1
title = "Mini"

[response_scales.frequency]
labels = ["Never", "Sometimes", "Often"]

[scales.pursuit]
label = "Moving toward"
description = "Moving toward."

[scales.partner_pursuit]
label = "Moving toward, as seen"
description = "Seen moving toward."

[scales.safety]
label = "Private check"
description = "Private."

[[sections]]
key = "tension"
title = "When tension rises"
intro = "Think about tense moments."
response_scale = "frequency"
perspective = "self"

[[sections]]
key = "partner_view"
title = "How I see my partner"
intro = "Think about {partner}."
response_scale = "frequency"
perspective = "partner"

[[sections]]
key = "private_check"
title = "A private check"
intro = "Optional, and never shown to {partner}."
response_scale = "frequency"
perspective = "self"
private = true

[[items]]
id = "pur01"
section = "tension"
scale = "pursuit"
text = "I move toward them."

[[items]]
id = "pur02"
section = "tension"
scale = "pursuit"
text = "I let it rest."
reverse = true

[[items]]
id = "ppu01"
section = "partner_view"
scale = "partner_pursuit"
text = "In a tense moment, {partner} wants to talk."

[[items]]
id = "saf01"
section = "private_check"
scale = "safety"
text = "I feel afraid of {partner}."
shared = false
"""


def write(tmp_path: Path, text: str) -> Path:
    path = tmp_path / "mini-v1.toml"
    path.write_text(text, encoding="utf-8")
    return path


def replaced(old: str, new: str) -> str:
    assert VALID.count(old) == 1, f"fixture text {old!r} must occur exactly once"
    return VALID.replace(old, new)


def test_the_valid_fixture_loads_so_each_broken_variant_fails_for_its_own_reason(tmp_path):
    instrument = load_instrument(write(tmp_path, VALID))
    assert [item.id for item in instrument.items] == ["pur01", "pur02", "ppu01", "saf01"]
    assert instrument.item("pur02").reverse
    assert not instrument.section("tension").private


EXTRA_SECTION = """
[[sections]]
key = "extra"
title = "Extra"
intro = "More."
response_scale = "frequency"
perspective = "self"
"""

THREE_LABELS = 'labels = ["Never", "Sometimes", "Often"]'


# Each broken variant of the valid fixture, and the message that must name what is wrong.
BROKEN_VARIANTS = {
    "invalid TOML names the file": (VALID + "\n[[items]\n", "mini-v1.toml: invalid TOML"),
    "a missing top-level key": (replaced('title = "Mini"\n', ""), "instrument: missing required key 'title'"),
    "a version that is not an integer": (
        replaced("version = 1", 'version = "1"'),
        "'version' must be an integer",
    ),
    "an unknown top-level key": (
        replaced('title = "Mini"', 'title = "Mini"\ntitel = "x"'),
        "unknown key 'titel'",
    ),
    "an item missing its text": (
        replaced('text = "I move toward them."\n', ""),
        "item 'pur01': missing required key 'text'",
    ),
    "an item with a blank text": (
        replaced('"I move toward them."', '"  "'),
        "item 'pur01': 'text' must not be empty",
    ),
    "an item with a wrongly typed flag": (
        replaced("reverse = true", 'reverse = "yes"'),
        "item 'pur02': 'reverse' must be a boolean",
    ),
    "an unknown key in an item": (
        replaced("reverse = true", "revrese = true"),
        "item 'pur02': unknown key 'revrese'",
    ),
    "an item without an id is named by position": (
        replaced('id = "pur02"\n', ""),
        "item #2: missing required key 'id'",
    ),
    "a duplicate item id": (replaced('id = "pur02"', 'id = "pur01"'), "item 'pur01': duplicate item id"),
    "an item in an unknown section": (
        replaced(
            'section = "tension"\nscale = "pursuit"\ntext = "I move toward them."',
            'section = "tensoin"\nscale = "pursuit"\ntext = "I move toward them."',
        ),
        "item 'pur01': unknown section 'tensoin'",
    ),
    "an item with an undeclared scale": (
        replaced(
            'scale = "pursuit"\ntext = "I move toward them."',
            'scale = "pursiut"\ntext = "I move toward them."',
        ),
        "item 'pur01': unknown scale 'pursiut'",
    ),
    "a shared item in a private section": (
        replaced(
            'text = "I feel afraid of {partner}."\nshared = false', 'text = "I feel afraid of {partner}."'
        ),
        "item 'saf01': shared must be false in a private section",
    ),
    "an unshared item outside a private section": (
        replaced('text = "I move toward them."', 'text = "I move toward them."\nshared = false'),
        "item 'pur01': shared must be true outside a private section",
    ),
    "a partner item that does not mention the partner": (
        replaced('"In a tense moment, {partner} wants to talk."', '"In a tense moment, they want to talk."'),
        "item 'ppu01': partner item must mention {partner}",
    ),
    "a misspelt placeholder": (
        replaced('"I feel afraid of {partner}."', '"I feel afraid of {parnter}."'),
        "item 'saf01': unknown placeholder '{parnter}'",
    ),
    "a duplicate section key": (
        replaced('key = "partner_view"', 'key = "tension"'),
        "section 'tension': duplicate section key",
    ),
    "a section with an unknown response scale": (
        replaced(
            'intro = "Think about tense moments."\nresponse_scale = "frequency"',
            'intro = "Think about tense moments."\nresponse_scale = "frequncy"',
        ),
        "section 'tension': unknown response scale 'frequncy'",
    ),
    "a section with an unknown perspective": (
        replaced(
            'response_scale = "frequency"\nperspective = "partner"',
            'response_scale = "frequency"\nperspective = "theirs"',
        ),
        "section 'partner_view': unknown perspective 'theirs'",
    ),
    "an unknown key in a section": (
        replaced("private = true", "privat = true"),
        "section 'private_check': unknown key 'privat'",
    ),
    "a section without items": (VALID + EXTRA_SECTION, "section 'extra': has no items"),
    "a response scale with fewer than two labels": (
        replaced(THREE_LABELS, 'labels = ["Never"]'),
        "response scale 'frequency': needs at least 2 labels",
    ),
    "a response scale with an empty label": (
        replaced(THREE_LABELS, 'labels = ["Never", " ", "Often"]'),
        "response scale 'frequency': label 2 is empty",
    ),
    "an unknown key in a response scale": (
        replaced(THREE_LABELS, 'labels = ["Never", "Often"]\nlables = []'),
        "response scale 'frequency': unknown key 'lables'",
    ),
    "an unknown key in a scale description": (
        replaced('description = "Moving toward."', 'description = "Moving toward."\nlabell = "x"'),
        "scale 'pursuit': unknown key 'labell'",
    ),
    "a declared scale without items": (
        VALID.replace(
            "[[sections]]", '[scales.extra]\nlabel = "Extra"\ndescription = "More."\n\n[[sections]]', 1
        ),
        "scale 'extra': has no items",
    ),
}


@pytest.mark.parametrize(("text", "message"), BROKEN_VARIANTS.values(), ids=BROKEN_VARIANTS.keys())
def test_a_broken_instrument_file_is_refused_with_a_message_naming_what_is_wrong(tmp_path, text, message):
    with pytest.raises(InstrumentError, match=re.escape(message)):
        load_instrument(write(tmp_path, text))
