"""The pause plan and the person's own check-ins are in their data export; the partner's answers are not."""

import json

import pytest
from django.urls import reverse

from practice.services import check_in_save
from tests.factories import PASSWORD

pytestmark = pytest.mark.django_db


def test_the_export_holds_the_plan_its_versions_and_only_my_own_check_ins(client, active_plan, write):
    couple, a, b, _agreement = active_plan(days_ago=8)
    write(couple, b, own_settle="Their tea.")
    check_in_save(couple=couple, user=a, week=1, loop_count=1, signal_used="yes", returned="yes", feeling=4)
    check_in_save(couple=couple, user=b, week=1, loop_count=3, signal_used="no", returned="no", feeling=1)
    client.force_login(a)
    client.post(reverse("account_reauthenticate"), {"password": PASSWORD})

    data = json.loads(client.post(reverse("privacy_export")).content)

    [plan] = data["pause_plans"]
    assert plan["agreed_version"] == 1
    assert [v["number"] for v in plan["versions"]] == [1, 2]
    assert plan["versions"][0]["written_by_me"] and plan["versions"][0]["accepted_by_me"]
    assert plan["versions"][1]["how_my_partner_settles"] == "Their tea."
    assert plan["versions"][0]["signal"] == "Pause, please"
    assert plan["my_check_ins"] == [
        {
            "week": 1,
            "answered_at": plan["my_check_ins"][0]["answered_at"],
            "how_often_the_loop_started": "Once",
            "signal_used": "Yes, it was used",
            "return_as_agreed": "Yes, as we agreed",
            "how_it_felt": "Mostly all right",
        }
    ]
    assert "Very hard" not in json.dumps(data)
