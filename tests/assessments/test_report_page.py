"""The shared report page: who may see it, what it shows, and what it never shows."""

import io
import re
from html import unescape

import pytest
from django.core import mail
from django.core.management import call_command
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils.html import escape

from accounts.models import User
from assessments.instrument import current_instrument, get_instrument, with_partner
from assessments.models import Checkup
from assessments.selectors import checkup_latest_completed_for
from assessments.services import answer_sheet_release, answer_sheet_save_section, answer_sheet_submit
from couples.selectors import couple_active_for
from tests.factories import UserFactory
from tests.support.answers import (
    BOTH_DISTANCING,
    BOTH_PURSUING,
    CALM,
    DISTANCING,
    PURSUING,
    SEES_SELF_MOVING_AWAY,
    answers_for,
    straight_answers,
)
from tests.support.html import mask_html

pytestmark = pytest.mark.django_db

GUIDANCE_VARIANTS = {
    "guidance-pursuing",
    "guidance-distancing",
    "guidance-both-pursuing",
    "guidance-both-distancing",
    "guidance-flexible",
    "guidance-no-clear-direction",
}
# Queries for one report page of a logged-in person on a second visit, whatever
# the number of checkups: the session and the user (2); the checkup
# (membership-scoped), the two members, the kept article (3; see
# assessments/kept_reports.py). allauth's session tracking writes at most every
# few minutes (core.middleware.UserSessionActivityMiddleware), so not on this visit.
# The pause plan panel (practice, through assessments.signals.report_panels): its agreement, none here (1).
REPORT_QUERIES = 6
# Middling answers, so that the dance picture's marks sit away from the edges.
LEANS_IN = {"pursuit": 4, "distance": 2, "partner_pursuit": 2, "partner_distance": 4,
            "anxiety": 4, "avoidance": 2, "impact": 3, "repair": 3}  # fmt: skip
LEANS_BACK = {"pursuit": 2, "distance": 4, "partner_pursuit": 4, "partner_distance": 2,
              "anxiety": 2, "avoidance": 4, "impact": 2, "repair": 4}  # fmt: skip


def report_url(checkup) -> str:
    return reverse("assessments:report", args=[checkup.pk])


def client_for(user) -> Client:
    client = Client()
    client.force_login(user)
    return client


def get_as(user, url: str):
    return client_for(user).get(url)


def article_of(html: str) -> str:
    match = re.search(r'<article class="report">.*?</article>', html, re.DOTALL)
    assert match, "the page has no report article"
    return match.group(0)


def section_keys(html: str) -> list[str]:
    keys = re.findall(r'<section class="card report-section section-([\w-]+)"', html)
    for key in keys:
        assert f'id="h-{key}"' in html and f'aria-labelledby="h-{key}"' in html
    return keys


def section_html(html: str, key: str) -> str:
    match = re.search(
        rf'<section class="card report-section section-{re.escape(key)}".*?</section>', html, re.DOTALL
    )
    assert match, f"no section {key!r}"
    return match.group(0)


def heading(html: str, key: str) -> str:
    match = re.search(rf'<h2 id="h-{re.escape(key)}">(.*?)</h2>', html, re.DOTALL)
    assert match, f"no heading for {key!r}"
    return unescape(match.group(1))


def named_couple(couple_of, name_a="Robin", name_b="Quinn"):
    return couple_of(UserFactory(display_name=name_a), UserFactory(display_name=name_b))


# 1. Every pattern renders, with its own guidance.


@pytest.mark.parametrize(
    ("profile_a", "profile_b", "expected"),
    [
        (PURSUING, DISTANCING, {"guidance-pursuing", "guidance-distancing"}),
        (BOTH_PURSUING, BOTH_PURSUING, {"guidance-both-pursuing"}),
        (BOTH_DISTANCING, BOTH_DISTANCING, {"guidance-both-distancing"}),
        (CALM, CALM, {"guidance-flexible"}),
        (SEES_SELF_MOVING_AWAY, SEES_SELF_MOVING_AWAY, {"guidance-no-clear-direction"}),
    ],
    ids=["pursue-distance", "both-pursuing", "both-distancing", "flexible", "no-clear-direction"],
)
def test_the_report_renders_each_pattern_with_its_own_guidance(
    completed_checkup, profile_a, profile_b, expected
):
    checkup, a, _b = completed_checkup(profile_a, profile_b)

    response = get_as(a, report_url(checkup))

    assert response.status_code == 200
    keys = section_keys(response.content.decode())
    assert set(keys) & GUIDANCE_VARIANTS == expected
    assert "guidance-both" in keys


# 2. Guidance is addressed to the person it is for, by name.


@pytest.mark.parametrize(
    ("robin_answers", "quinn_answers", "pursuing", "distancing"),
    [(PURSUING, DISTANCING, "Robin", "Quinn"), (DISTANCING, PURSUING, "Quinn", "Robin")],
    ids=["robin-pursuing", "roles-swapped"],
)
def test_each_guidance_section_names_the_person_it_is_for_and_only_them(
    couple_of, completed_checkup, robin_answers, quinn_answers, pursuing, distancing
):
    # Robin is partner a (the inviter, first membership) in both cases; only the answers swap.
    couple, robin, quinn = named_couple(couple_of)
    checkup, _a, _b = completed_checkup(robin_answers, quinn_answers, couple=couple, a=robin, b=quinn)

    html = get_as(robin, report_url(checkup)).content.decode()

    assert f"For {pursuing}" in heading(html, "guidance-pursuing")
    assert distancing not in heading(html, "guidance-pursuing")
    assert f"For {distancing}" in heading(html, "guidance-distancing")
    assert pursuing not in heading(html, "guidance-distancing")
    assert (
        f"<p>{pursuing}, these steps are for the moments you feel the pull to move toward {distancing}."
        in section_html(html, "guidance-pursuing")
    )
    assert (
        f"<p>{distancing}, these steps are for the moments you feel the pull to move away from {pursuing}."
        in section_html(html, "guidance-distancing")
    )


# 3. One shared report.


def test_both_partners_see_the_same_report(couple_of, completed_checkup):
    couple, robin, quinn = named_couple(couple_of)
    checkup, _a, _b = completed_checkup(PURSUING, DISTANCING, couple=couple, a=robin, b=quinn)

    seen_by_a = get_as(robin, report_url(checkup))
    seen_by_b = get_as(quinn, report_url(checkup))

    assert seen_by_a.status_code == seen_by_b.status_code == 200
    assert article_of(seen_by_a.content.decode()) == article_of(seen_by_b.content.decode())


# 4. Nobody else, and nothing before the reveal.


def test_a_member_of_another_couple_gets_404(couple_of, completed_checkup):
    checkup, _a, _b = completed_checkup()
    other_couple, outsider, outsiders_partner = couple_of()
    completed_checkup(couple=other_couple, a=outsider, b=outsiders_partner)

    assert get_as(outsider, report_url(checkup)).status_code == 404


def test_a_person_without_a_couple_gets_404(completed_checkup):
    checkup, _a, _b = completed_checkup()

    assert get_as(UserFactory(), report_url(checkup)).status_code == 404


def test_an_open_checkup_has_no_report_before_anyone_submits(answered_checkup):
    _couple, a, b, checkup, _ra, _rb = answered_checkup()

    assert get_as(a, report_url(checkup)).status_code == 404
    assert get_as(b, report_url(checkup)).status_code == 404


def test_an_open_checkup_has_no_report_after_only_one_submits(
    django_capture_on_commit_callbacks, answered_checkup
):
    _couple, a, b, checkup, ra, _rb = answered_checkup()
    with django_capture_on_commit_callbacks(execute=True):
        answer_sheet_submit(sheet=ra)

    checkup.refresh_from_db()
    assert not checkup.is_complete
    assert get_as(a, report_url(checkup)).status_code == 404
    assert get_as(b, report_url(checkup)).status_code == 404
    assert mail.outbox == []


def test_a_checkup_that_does_not_exist_gets_404(completed_checkup):
    checkup, a, _b = completed_checkup()

    missing = reverse("assessments:report", args=[checkup.pk + 1000])

    assert get_as(a, missing).status_code == 404


def test_an_anonymous_visitor_is_sent_to_log_in(completed_checkup):
    checkup, _a, _b = completed_checkup()

    response = Client().get(report_url(checkup))

    assert response.status_code == 302
    assert response["Location"].startswith(reverse("account_login"))
    assert "next=" in response["Location"]


# 5. Holding back after a safety concern.


def test_a_held_back_part_keeps_the_checkup_open_until_released(
    django_capture_on_commit_callbacks, answered_checkup
):
    _couple, robin, quinn, checkup, ra, rb = answered_checkup(safety_a={"saf01": 4}, names=("Robin", "Quinn"))

    with django_capture_on_commit_callbacks(execute=True):
        answer_sheet_submit(sheet=ra, hold_back=True)
        answer_sheet_submit(sheet=rb)

    checkup.refresh_from_db()
    ra.refresh_from_db()
    assert ra.held_back and ra.is_submitted
    assert not checkup.is_complete
    assert mail.outbox == []
    waiting = get_as(quinn, reverse("assessments:checkup", args=[checkup.pk]))
    assert waiting.status_code == 200
    assert "Waiting for Robin" in waiting.content.decode()
    assert "held back" not in waiting.content.decode()
    assert get_as(robin, report_url(checkup)).status_code == 404
    assert get_as(quinn, report_url(checkup)).status_code == 404

    with django_capture_on_commit_callbacks(execute=True):
        answer_sheet_release(sheet=ra)

    checkup.refresh_from_db()
    assert checkup.is_complete
    assert sorted(m.to[0] for m in mail.outbox) == sorted([robin.email, quinn.email])
    assert get_as(robin, report_url(checkup)).status_code == 200
    assert get_as(quinn, report_url(checkup)).status_code == 200


def test_the_partner_of_someone_holding_back_sees_exactly_the_not_yet_submitted_pages(
    django_capture_on_commit_callbacks, answered_checkup
):
    # Approach: compare the same couple and checkup before and after a's held-back
    # submission. Quinn (b) submits first, so Quinn is already on the waiting page
    # while Robin has "simply not submitted yet"; then Robin submits and holds back.
    # Everything else (ids in URLs, names, dates, Quinn's own state) is the same in
    # both snapshots, so only the per-request CSRF tokens and CSP nonces need
    # masking. Two separate couples would also differ in checkup ids in links, and
    # masking those could hide a real difference.
    _couple, _robin, quinn, checkup, ra, rb = answered_checkup(
        safety_a={"saf01": 4}, names=("Robin", "Quinn")
    )
    with django_capture_on_commit_callbacks(execute=True):
        answer_sheet_submit(sheet=rb)
    quinn_client = client_for(quinn)
    waiting_url = reverse("assessments:checkup", args=[checkup.pk])
    dashboard_url = reverse("dashboard")

    waiting_before = quinn_client.get(waiting_url)
    dashboard_before = quinn_client.get(dashboard_url)
    with django_capture_on_commit_callbacks(execute=True):
        answer_sheet_submit(sheet=ra, hold_back=True)
    waiting_after = quinn_client.get(waiting_url)
    dashboard_after = quinn_client.get(dashboard_url)

    checkup.refresh_from_db()
    assert not checkup.is_complete
    assert mail.outbox == []
    assert waiting_before.status_code == waiting_after.status_code == 200
    assert "Waiting for Robin" in waiting_after.content.decode()
    assert mask_html(waiting_after.content.decode()) == mask_html(waiting_before.content.decode())
    assert dashboard_before.status_code == dashboard_after.status_code == 200
    assert mask_html(dashboard_after.content.decode()) == mask_html(dashboard_before.content.decode())
    assert quinn_client.get(report_url(checkup)).status_code == 404


# 6. A fixed number of queries.


def test_the_report_runs_the_same_fixed_number_of_queries_for_one_or_three_checkups(
    couple_of, completed_checkup, django_assert_max_num_queries
):
    one, a1, _b1 = completed_checkup()
    couple, a3, b3 = couple_of()
    for _ in range(3):
        three, _a, _b = completed_checkup(couple=couple, a=a3, b=b3)
    client_one, client_three = client_for(a1), client_for(a3)
    # Warm both up first, so that no process-wide cache favours whichever runs second.
    assert client_one.get(report_url(one)).status_code == 200
    assert client_three.get(report_url(three)).status_code == 200

    with CaptureQueriesContext(connection) as with_one:
        client_one.get(report_url(one))
    with CaptureQueriesContext(connection) as with_three:
        response = client_three.get(report_url(three))
    with django_assert_max_num_queries(REPORT_QUERIES):
        client_three.get(report_url(three))

    assert "section-history" in response.content.decode()
    assert len(with_one) == len(with_three) <= REPORT_QUERIES


# 7. Change over time.


def test_two_checkups_show_the_history_chart_and_table(couple_of, completed_checkup):
    couple, a, b = couple_of()
    completed_checkup(PURSUING, DISTANCING, couple=couple, a=a, b=b)
    latest, _a, _b = completed_checkup(LEANS_IN, LEANS_BACK, couple=couple, a=a, b=b)

    html = get_as(a, report_url(latest)).content.decode()

    history = section_html(html, "history")
    svg = re.search(r"<svg[^>]*>.*?</svg>", history, re.DOTALL)
    assert svg and 'class="history-plot"' in svg.group(0) and 'role="img"' in svg.group(0)
    assert re.search(r"<title[^>]*>[^<]+</title>", svg.group(0))
    assert svg.group(0).count("<polyline") == 4
    table = re.search(r"<table.*?</table>", history, re.DOTALL)
    assert table and len(re.findall(r'<th scope="row">', table.group(0))) == 2


def test_a_single_checkup_has_no_history(completed_checkup):
    checkup, a, _b = completed_checkup()

    html = get_as(a, report_url(checkup)).content.decode()

    assert "section-history" not in html
    assert "history-plot" not in html


def test_the_report_of_an_earlier_checkup_does_not_include_later_ones(couple_of, completed_checkup):
    couple, a, b = couple_of()
    first, _a, _b = completed_checkup(couple=couple, a=a, b=b)
    completed_checkup(couple=couple, a=a, b=b)

    html = get_as(a, report_url(first)).content.decode()

    assert "section-history" not in html


# 8. The dance picture.


def test_the_dance_picture_is_an_accessible_svg_with_its_numbers_in_a_table(couple_of, completed_checkup):
    couple, robin, quinn = named_couple(couple_of)
    checkup, _a, _b = completed_checkup(LEANS_IN, LEANS_BACK, couple=couple, a=robin, b=quinn)

    article = article_of(get_as(robin, report_url(checkup)).content.decode())

    pattern = section_html(article, "pattern")
    svg = re.search(r'<svg [^>]*class="dance-plot"[^>]*>.*?</svg>', pattern, re.DOTALL)
    assert svg, "no dance picture"
    svg_html = svg.group(0)
    assert 'role="img"' in svg_html
    labelled_by = re.search(r'aria-labelledby="([^"]+)"', svg_html).group(1).split()
    assert len(labelled_by) == 2
    title = re.search(rf'<title id="{labelled_by[0]}">([^<]+)</title>', svg_html)
    desc = re.search(rf'<desc id="{labelled_by[1]}">([^<]+)</desc>', svg_html)
    assert title and desc

    marks = re.findall(r'<(circle|rect) ([^>]*)class="mark mark-(a|b) mark-(self|partner)"', svg_html)
    assert [(person, view) for _tag, _attrs, person, view in marks] == [
        ("a", "self"),
        ("a", "partner"),
        ("b", "self"),
        ("b", "partner"),
    ]
    table = re.search(r"<table>.*?</table>", pattern, re.DOTALL).group(0)
    rows = re.findall(r'<tr><th scope="row">([^<]+)</th><td>(\d+)</td><td>(\d+)</td></tr>', table)
    assert len(rows) == 4
    for (tag, attrs, _person, _view), (label, toward, away) in zip(marks, rows, strict=True):
        # Each mark sits where its table row's numbers place it (48 px margin, 3 px a point).
        numbers = dict(re.findall(r'(\w+)="(-?[\d.]+)"', attrs))
        x = float(numbers["cx"]) if tag == "circle" else float(numbers["x"]) + 8
        y = float(numbers["cy"]) if tag == "circle" else float(numbers["y"]) + 8
        assert abs(x - (48 + 3 * int(toward))) < 3
        assert abs(y - (48 + 3 * (100 - int(away)))) < 3
        # The text alternative carries the same numbers.
        assert f"{label}: moving toward {toward}, moving away {away}." in unescape(desc.group(1))
    assert {int(v) for _label, toward, away in rows for v in (toward, away)} - {0, 100}, (
        "numbers all at edges"
    )


def test_the_report_has_no_inline_styles_or_scripts(couple_of, completed_checkup):
    couple, a, b = couple_of()
    completed_checkup(couple=couple, a=a, b=b)
    latest, _a, _b = completed_checkup(LEANS_IN, LEANS_BACK, couple=couple, a=a, b=b)

    article = article_of(get_as(a, report_url(latest)).content.decode())

    assert "section-history" in article
    assert not re.search(r"\sstyle\s*=", article, re.IGNORECASE)
    assert "<script" not in article.lower()
    assert "<style" not in article.lower()


# 9. The demo.


def test_the_demo_couples_latest_report_shows_every_section():
    call_command("demo", stdout=io.StringIO())
    sam = User.objects.get(email="sam@demo.attune.test")
    latest = checkup_latest_completed_for(couple=couple_active_for(user=sam))
    client = client_for(sam)

    dashboard = client.get(reverse("dashboard"))
    report = client.get(report_url(latest))

    assert dashboard.status_code == 200
    assert re.search(rf'href="{re.escape(report_url(latest))}"[^>]*>Read your shared report<', dashboard.text)
    assert report.status_code == 200
    html = report.content.decode()
    keys = section_keys(html)
    for key in (
        "pattern",
        "scores",
        "agreement",
        "protects",
        "cost",
        "guidance-pursuing",
        "guidance-distancing",
        "guidance-both",
        "prompts",
        "history",
    ):
        assert key in keys, key
    assert "For Sam" in heading(html, "guidance-pursuing")
    assert "For Alex" in heading(html, "guidance-distancing")
    assert "not a diagnosis" in article_of(html)


# 10. Nothing of the individual answers.


def test_the_report_never_shows_an_item_or_its_id(django_capture_on_commit_callbacks, answered_checkup):
    _couple, _robin, quinn, checkup, ra, rb = answered_checkup(
        LEANS_IN, LEANS_BACK, safety_a={"saf01": 2, "saf02": 1, "saf03": 1}, names=("Robin", "Quinn")
    )
    with django_capture_on_commit_callbacks(execute=True):
        answer_sheet_submit(sheet=ra)
        answer_sheet_submit(sheet=rb)
    checkup.refresh_from_db()
    assert checkup.is_complete

    html = get_as(quinn, report_url(checkup)).content.decode()

    assert "section-pattern" in html
    items = current_instrument().items
    for item in items:
        assert not re.search(rf"\b{re.escape(item.id)}\b", html), item.id
        for name in ("Robin", "Quinn", None):
            text = with_partner(item.text, name)
            assert text not in html and escape(text) not in html, text


# 11. Model v2 on the page: reliability first, close to the line, agreement, no clear direction.


@pytest.fixture
def completed_with(couple_of, checkup_for, django_capture_on_commit_callbacks):
    """A couple Robin and Quinn whose checkup is complete with these raw answers; returns (checkup, a, b)."""

    def make(answers_a, answers_b, *, version=None):
        couple, robin, quinn = named_couple(couple_of)
        checkup, sheet_a, sheet_b = checkup_for(couple, robin, quinn)
        if version is not None:  # a checkup started before a newer instrument shipped
            Checkup.objects.filter(pk=checkup.pk).update(instrument_version=version)
        instrument = get_instrument("pursue-withdraw", version or current_instrument().version)
        for sheet, answers in ((sheet_a, answers_a), (sheet_b, answers_b)):
            for section in instrument.sections:
                values = {
                    item.id: answers[item.id] for item in instrument.section_items(section.key) if item.shared
                }
                if values:
                    answer_sheet_save_section(sheet=sheet, section_key=section.key, values=values)
        with django_capture_on_commit_callbacks(execute=True):
            answer_sheet_submit(sheet=sheet_a)
            answer_sheet_submit(sheet=sheet_b)
        checkup.refresh_from_db()
        assert checkup.is_complete
        return checkup, robin, quinn

    return make


def test_patterned_answers_put_the_reliability_note_before_everything_else(completed_with):
    checkup, _robin, quinn = completed_with(straight_answers(5), answers_for(DISTANCING))

    article = article_of(get_as(quinn, report_url(checkup)).content.decode())

    assert article.index('class="notice report-reliability"') < article.index("<h1>")
    assert "Read this report with care" in article
    assert (
        "Robin chose the top answer for most of the statements, even ones that point opposite ways."
        in article
    )
    assert "section-reliability" not in article  # shown once, as the note, not again as a section


def test_a_couple_with_no_clear_direction_gets_its_own_report_close_to_the_line(completed_with):
    checkup, robin, _quinn = completed_with(
        answers_for(SEES_SELF_MOVING_AWAY), answers_for(SEES_SELF_MOVING_AWAY)
    )

    html = unescape(get_as(robin, report_url(checkup)).content.decode())

    assert '<p class="lead">No clear direction yet' in html
    assert "What your answers show so far" in html
    assert "Your two accounts point in opposite directions: by Robin's answers, Quinn pursues more" in html
    assert "section-guidance-no-clear-direction" in html
    assert "Take the checkup again in four to six weeks" in html
    assert "Where this can go" in html and "counsellor is a normal option" in html


def test_a_borderline_result_says_so_in_the_header(completed_with):
    middle = answers_for({scale: 3 for scale in PURSUING})
    checkup, robin, _quinn = completed_with(middle, middle)

    html = unescape(get_as(robin, report_url(checkup)).content.decode())

    assert '<span class="close-to-line">· close to the line</span>' in html
    assert (
        "This result is close to the line: a single answer, one step higher or lower, could change it" in html
    )


def test_the_agreement_figure_is_shown_with_both_views(completed_with):
    checkup, robin, _quinn = completed_with(answers_for(PURSUING), answers_for(DISTANCING))

    agreement = section_html(get_as(robin, report_url(checkup)).content.decode(), "agreement")

    assert "How closely the views match" in agreement
    assert (
        '<tr><th scope="row">Robin</th><td>100</td><td>100</td><td>0</td><td>0</td><td>100</td></tr>'
        in agreement
    )
    assert "How closely your views of Robin match: 100 out of 100 (close)." in unescape(agreement)


def test_a_v1_checkup_still_renders_the_report_it_was_first_shown(completed_with):
    v1 = get_instrument("pursue-withdraw", 1)
    middle = {item.id: 3 for item in v1.shared_items}
    checkup, robin, _quinn = completed_with(middle, middle, version=1)

    html = unescape(get_as(robin, report_url(checkup)).content.decode())

    assert '<p class="lead">Both pursuing</p>' in html  # model v1's verdict, unchanged
    assert "first version of the checkup" in html
    assert "section-guidance-both-pursuing" in html
    assert "report-reliability" not in html and "close-to-line" not in html
