"""Query budgets: each hot page runs a fixed, small number of SQL queries whatever the data size.

Counts, not times (times live in ``make bench``). Each page is measured for a
small world and for a larger one (more past checkups for the same couple, more
couples around it); the two counts must be equal, which rules out N+1 queries
over items or checkups, and within the page's budget.
"""

from collections.abc import Callable
from dataclasses import dataclass

import pytest
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from assessments.forms import FIELD_PREFIX
from assessments.instrument import current_instrument
from assessments.services import checkup_start
from tests.support.answers import PURSUING, answers_for, save_answers

pytestmark = pytest.mark.django_db


@dataclass(frozen=True)
class World:
    reader: object
    report_url: str
    section_url: str
    section_key: str
    section_values: dict[str, int]


@pytest.fixture
def world(couple_of, completed_checkup) -> Callable[[int, int], World]:
    """A couple with ``history`` completed checkups and an open one, among ``others`` other couples."""

    def make(history: int, others: int) -> World:
        for _ in range(others):
            completed_checkup()
        checkup, a, b = completed_checkup()
        couple = checkup.couple
        for _ in range(history - 1):
            checkup, _a, _b = completed_checkup(couple=couple, a=a, b=b)
        open_checkup = checkup_start(couple=couple, user=a)
        instrument = current_instrument()
        section = next(s for s in instrument.sections if not s.private)
        items = instrument.section_items(section.key)
        # Half the page answered already, so the GET shows saved answers.
        save_answers(
            open_checkup.answer_sheets.get(user=a),
            {item.id: answers_for(PURSUING)[item.id] for item in items[: len(items) // 2]},
        )
        return World(
            reader=a,
            report_url=reverse("assessments:report", args=[checkup.pk]),
            section_url=reverse("assessments:section", args=[open_checkup.pk, section.key]),
            section_key=section.key,
            section_values={f"{FIELD_PREFIX}{item.id}": answers_for(PURSUING)[item.id] for item in items},
        )

    return make


def signed_in(user) -> Client:
    """A client signed in as ``user`` that has made its first request (the session's first write)."""
    client = Client()
    client.force_login(user)
    client.get(reverse("dashboard"))
    return client


def queries_for(client: Client, method: str, url: str, data: dict | None = None) -> list[str]:
    with CaptureQueriesContext(connection) as captured:
        response = getattr(client, method)(url, data or {})
    assert response.status_code in (200, 302), response.status_code
    return [q["sql"] for q in captured.captured_queries]


# The most queries each page may run for a signed-in person after their first
# request; the session and the user are two of them.
BUDGETS = {
    # session, user, the checkup (membership-scoped), the two members, the kept
    # article; the pause plan panel (practice): its agreement, none here.
    "report": 6,
    # The first view builds the article: the six, then checkups, answer sheets and
    # answers of every round in one query each, then the kept row upserted.
    "report, first view": 10,
    # session, user, active couple, open checkup, own sheet, partner, safety
    # answers (own), the sheet's checkup, completed checkups; the pause plan's agreement;
    # the couple's counsellor shares (counted in one query), the person's counsellor profile.
    "dashboard": 12,
    # session, user, checkup, own sheet, partner, saved answers.
    "question page": 6,
    # the question page's six, then the save in one transaction: savepoint,
    # sheet and checkup locked, answers upserted in one statement, sheet, release.
    "question page save": 12,
}


def shortened(queries: list[str]) -> str:
    return "\n".join(q[:160] for q in queries)


def page_queries(world: World, page: str) -> list[str]:
    client = signed_in(world.reader)
    if page == "report, first view":
        return queries_for(client, "get", world.report_url)
    if page == "report":
        client.get(world.report_url)
        return queries_for(client, "get", world.report_url)
    if page == "dashboard":
        return queries_for(client, "get", reverse("dashboard"))
    if page == "question page":
        return queries_for(client, "get", world.section_url)
    return queries_for(client, "post", world.section_url, world.section_values)


@pytest.mark.parametrize("page", list(BUDGETS))
def test_each_signed_in_page_runs_the_same_few_queries_whatever_the_number_of_checkups_and_couples(
    world, page
):
    small = page_queries(world(history=1, others=0), page)
    large = page_queries(world(history=4, others=3), page)

    assert len(large) == len(small), shortened(large)
    assert len(large) <= BUDGETS[page], shortened(large)


@pytest.mark.parametrize("page", ["report", "dashboard", "question page"])
def test_a_plain_signed_in_get_writes_nothing_to_the_database(world, page):
    queries = page_queries(world(history=2, others=1), page)

    writes = [q for q in queries if q.split()[0].upper() in {"INSERT", "UPDATE", "DELETE"}]
    assert writes == []


@pytest.mark.parametrize(("url", "budget"), [("/healthz", 1), ("/accounts/login/", 0)])
def test_anonymous_pages_run_at_most_their_budget_of_queries(url, budget):
    assert len(queries_for(Client(), "get", url)) <= budget
