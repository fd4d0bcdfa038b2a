import json

import pytest
from django.urls import reverse

from counsellors.services import access_log_record, share_revoke
from tests.factories import PASSWORD

pytestmark = pytest.mark.django_db


def test_the_data_export_holds_the_couples_shares_and_each_time_a_counsellor_opened_a_report(
    client, completed_checkup, counsellor, shared_with
):
    checkup, a, b = completed_checkup()
    share = shared_with(checkup.couple, a, b, counsellor)
    access_log_record(counsellor=counsellor, checkup=checkup)
    share_revoke(share=share, user=b)
    client.force_login(a)
    client.post(reverse("account_reauthenticate"), {"password": PASSWORD})

    data = json.loads(client.post(reverse("privacy_export")).content)["counsellors"]

    assert data["my_counsellor_profile"] is None
    [exported] = data["shares"]
    assert exported["counsellor"] == counsellor.name
    assert exported["state"] == "revoked"
    assert exported["proposed_by_me"] is True
    assert exported["i_agreed_at"] and exported["shared_from"] and exported["ended"]
    [opening] = data["report_openings"]
    assert opening["counsellor"] == counsellor.name
    assert opening["report_of"] == checkup.completed_at.isoformat()


def test_a_counsellors_export_holds_their_own_profile(client, counsellor):
    client.force_login(counsellor.user)
    client.post(reverse("account_reauthenticate"), {"password": PASSWORD})

    data = json.loads(client.post(reverse("privacy_export")).content)["counsellors"]

    assert data["my_counsellor_profile"]["name"] == counsellor.name
    assert data["shares"] == [] and data["report_openings"] == []
