"""A's private safety answers make no difference to anything B can reach.

Two couples are built the same way, with the same names and the same shared
answers; the only difference is A's answers to the private check ("no" in one
world, "yes" in the other, with A choosing to share their part). Everything B
can reach — dashboard, report, the emails B receives, B's data export — is
rendered in both worlds and compared after masking what differs by
construction (ids, email addresses, CSRF tokens, nonces, timestamps).
"""

import json
import re

import pytest
from django.core import mail
from django.test import Client
from django.urls import reverse

from assessments.instrument import current_instrument
from assessments.services import answer_sheet_submit, checkup_start
from couples.services import invitation_accept, invitation_create
from tests.factories import PASSWORD, UserFactory
from tests.support.answers import DISTANCING, PURSUING, answers_for, save_answers
from tests.support.html import mask_html

pytestmark = pytest.mark.django_db

NO = {"saf01": 1, "saf02": 1, "saf03": 1}
YES = {"saf01": 5, "saf02": 5, "saf03": 5}


def _world(safety: dict[str, int], capture) -> dict[str, str]:
    a = UserFactory(display_name="Avery")
    b = UserFactory(display_name="Blake")
    invitation = invitation_create(inviter=a, email=b.email)
    couple = invitation_accept(invitation=invitation, user=b)
    checkup = checkup_start(couple=couple, user=a)
    save_answers(checkup.answer_sheets.get(user=a), answers_for(PURSUING), safety=safety)
    save_answers(checkup.answer_sheets.get(user=b), answers_for(DISTANCING))
    mail.outbox.clear()
    with capture(execute=True):
        answer_sheet_submit(sheet=checkup.answer_sheets.get(user=a), hold_back=False)
        answer_sheet_submit(sheet=checkup.answer_sheets.get(user=b))

    client = Client()
    client.force_login(b)
    client.post(reverse("account_reauthenticate"), {"password": PASSWORD})
    seen = {
        "dashboard": client.get(reverse("dashboard")).content.decode(),
        "report": client.get(reverse("assessments:report", args=[checkup.pk])).content.decode(),
        "export": json.dumps(json.loads(client.post(reverse("privacy_export")).content), sort_keys=True),
        "emails": "\n".join(
            m.subject + m.body + "".join(str(c) for c, _ in m.alternatives)
            for m in mail.outbox
            if m.to == [b.email]
        ),
    }
    replacements = {b.email: "B@EMAIL", a.email: "A@EMAIL"}
    masked = {}
    for name, text in seen.items():
        for real, fake in replacements.items():
            text = text.replace(real, fake)
        text = mask_html(text)
        text = re.sub(r"/checkups/\d+/", "/checkups/N/", text)
        text = re.sub(r'"checkup": \d+', '"checkup": N', text)
        text = re.sub(r"\d{4}-\d\d-\d\dT[\d:.]+\+00:00", "TIMESTAMP", text)
        masked[name] = text
    return masked


def test_everything_b_can_reach_is_identical_whatever_a_answered_in_the_private_check(
    django_capture_on_commit_callbacks,
):
    world_no = _world(NO, django_capture_on_commit_callbacks)
    world_yes = _world(YES, django_capture_on_commit_callbacks)

    assert world_no.keys() == world_yes.keys()
    for name in world_no:
        assert world_no[name] == world_yes[name], f"B's {name} differs with A's private answers"
    assert "your shared report is ready" in world_no["emails"].lower()
    assert "Avery" in world_no["report"]
    assert "shared_report" in world_no["export"]


def test_no_safety_item_id_or_text_reaches_anything_b_can_reach(django_capture_on_commit_callbacks):
    seen = _world(YES, django_capture_on_commit_callbacks)

    everything = "\n".join(seen.values())
    for item in current_instrument().private_items:
        assert item.id not in everything
        assert item.text.split("{partner}")[0].strip() not in everything
    assert "Just for you" not in everything
