"""Query budgets for the counsellor's pages: fixed counts whatever the number of couples or checkups.

The counsellor sees every couple that shares with them, each with its reports;
a page that queried once per couple or per checkup would grow with the practice.
"""

from dataclasses import dataclass

import pytest
from django.test import Client
from django.urls import reverse

from counsellors.services import share_agree, share_propose
from tests.factories import CounsellorFactory
from tests.performance.test_query_budgets import queries_for

pytestmark = pytest.mark.django_db


@dataclass(frozen=True)
class CounsellorWorld:
    client: Client
    couple_url: str
    report_url: str


@pytest.fixture
def counsellor_world(completed_checkup, django_capture_on_commit_callbacks):
    """A counsellor with ``couples`` shared couples, each with ``history`` completed checkups."""

    def make(couples: int, history: int) -> CounsellorWorld:
        counsellor = CounsellorFactory()
        for _ in range(couples):
            checkup, a, b = completed_checkup()
            for _ in range(history - 1):
                checkup, _a, _b = completed_checkup(couple=checkup.couple, a=a, b=b)
            with django_capture_on_commit_callbacks(execute=True):
                share_agree(share=share_propose(couple=checkup.couple, user=a, counsellor=counsellor), user=b)
        client = Client()
        client.force_login(counsellor.user)
        client.get(reverse("counsellors:dashboard"))  # the session's first write
        return CounsellorWorld(
            client=client,
            couple_url=reverse("counsellors:couple", args=[checkup.couple_id]),
            report_url=reverse("counsellors:report", args=[checkup.couple_id, checkup.pk]),
        )

    return make


# The page, and the most queries it may run (the report opening also writes its access-log row).
BUDGETS = {"dashboard": 7, "couple": 6, "report": 14}


@pytest.mark.parametrize("page", BUDGETS)
def test_a_counsellor_page_runs_the_same_few_queries_for_one_couple_as_for_many(counsellor_world, page):
    counts = []
    for couples, history in ((1, 1), (4, 3)):
        world = counsellor_world(couples, history)
        url = {
            "dashboard": reverse("counsellors:dashboard"),
            "couple": world.couple_url,
            "report": world.report_url,
        }[page]
        world.client.get(url)  # a first view builds and keeps the report; budgets are for the views after
        counts.append(len(queries_for(world.client, "get", url)))

    small, large = counts
    assert small == large, f"{page}: {small} queries for one couple, {large} for four with history"
    assert large <= BUDGETS[page]
