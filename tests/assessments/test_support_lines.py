"""Support lines are data: every supported country has a fitting line for everyone, men and LGBTQ+ people."""

from __future__ import annotations

import re

import pytest

from assessments.support_lines import SOURCE, SupportLinesError, load_support_lines, support_lines

# Promises about another organisation's service that the app cannot keep.
PROMISES = re.compile(r"\b(free|24[ /-]?(hours|7)|confidential|anonymous|always|guarantee)", re.IGNORECASE)


def test_every_supported_country_has_a_line_for_everyone_for_men_and_for_lgbtq_people():
    lines = support_lines()
    assert {country.code for country in lines.countries} >= {"GB", "US"}
    for country in lines.countries:
        served = {audience for line in country.lines for audience in line.audience}
        assert {"everyone", "men", "lgbtq"} <= served, country.code
        assert all(line.phone and line.website for line in country.lines)


def test_the_uk_lines_for_everyone_cover_all_four_nations():
    # Victim Support serves England and Wales only; Scotland and Northern Ireland have their own lines.
    uk = next(country for country in support_lines().countries if country.code == "GB")
    general = " ".join(line.serves for line in uk.lines if "everyone" in line.audience)
    for nation in ("England", "Wales", "Scotland", "Northern Ireland"):
        assert nation in general, nation


def test_people_elsewhere_get_a_directory_and_the_emergency_number():
    lines = support_lines()
    assert lines.elsewhere.website and "countries" in lines.elsewhere.serves
    assert "emergency number" in lines.emergency and "112" in lines.emergency


def test_the_wording_promises_nothing_the_app_cannot_keep():
    lines = support_lines()
    texts = [lines.emergency, lines.note, lines.elsewhere.serves]
    texts += [
        text for country in lines.countries for line in country.lines for text in (line.name, line.serves)
    ]
    for text in texts:
        assert not PROMISES.search(text), text
    assert "run by other organisations" in lines.note


@pytest.mark.parametrize(
    ("old", "new", "message"),
    [
        ('audience = ["men"]', 'audience = ["women"]', "GB: no line for ['men']"),
        ('audience = ["men"]', 'audience = ["boys"]', "GB line 5: audience must be"),
        ('phone = "0808 801 0327"\n', "", "GB line 5: missing 'phone'"),
        ('website = "galop.org.uk"', 'website = "galop.org.uk"\nhours = "24/7"', "unknown keys ['hours']"),
    ],
)
def test_a_broken_file_is_named_precisely(tmp_path, old, new, message):
    text = SOURCE.read_text(encoding="utf-8")
    assert text.count(old) == 1
    path = tmp_path / "lines.toml"
    path.write_text(text.replace(old, new), encoding="utf-8")
    with pytest.raises(SupportLinesError, match=re.escape(message)):
        load_support_lines(path)
