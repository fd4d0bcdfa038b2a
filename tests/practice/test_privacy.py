"""A partner's check-in makes no difference to anything the other can reach until both have answered.

Two couples with the same names and the same agreed plan; in one, Avery has
answered week 1 (the hardest answers there are), in the other not. Everything
Blake can reach — the plan page, the check-in page, the dashboard, the report,
the emails Blake gets, Blake's export — is the same after masking what differs
by construction (ids, addresses, tokens, dates).
"""

import json
import re
from datetime import timedelta

import pytest
from django.core import mail
from django.test import Client
from django.urls import reverse

from couples.services import invitation_accept, invitation_create
from practice.models import Agreement
from practice.reminders import reminders_send
from practice.services import agreement_accept, check_in_save
from tests.factories import PASSWORD, UserFactory
from tests.support.html import mask_html

pytestmark = pytest.mark.django_db


def _world(avery_answers: bool, completed_checkup, write, capture) -> dict[str, str]:
    a, b = UserFactory(display_name="Avery"), UserFactory(display_name="Blake")
    couple = invitation_accept(invitation=invitation_create(inviter=a, email=b.email), user=b)
    checkup, _a, _b = completed_checkup(couple=couple, a=a, b=b)
    write(couple, a)
    agreement_accept(couple=couple, user=a, number=1)
    agreement_accept(couple=couple, user=b, number=1)
    Agreement.objects.filter(couple=couple).update(activated_at=checkup.completed_at - timedelta(days=8))
    mail.outbox.clear()
    if avery_answers:
        check_in_save(couple=couple, user=a, week=1, loop_count=3, signal_used="no", returned="no", feeling=1)
    with capture(execute=True):
        reminders_send(now=checkup.completed_at)

    client = Client()
    client.force_login(b)
    client.post(reverse("account_reauthenticate"), {"password": PASSWORD})
    seen = {
        "plan": client.get(reverse("practice:plan")).content.decode(),
        "check-in": client.get(reverse("practice:check_in", args=[1])).content.decode(),
        "dashboard": client.get(reverse("dashboard")).content.decode(),
        "report": client.get(reverse("assessments:report", args=[checkup.pk])).content.decode(),
        "export": json.dumps(json.loads(client.post(reverse("privacy_export")).content), sort_keys=True),
        "emails": "\n".join(m.subject + m.body for m in mail.outbox if m.to == [b.email]),
    }
    masked = {}
    for name, text in seen.items():
        text = mask_html(text).replace(a.email, "A@").replace(b.email, "B@")
        text = re.sub(r"\d{4}-\d\d-\d\dT[\d:.+]+", "TIME", text)
        text = re.sub(r'"checkup": \d+', '"checkup": N', text)
        masked[name] = re.sub(r"/checkups/\d+/", "/checkups/N/", text)
    return masked


def test_blake_sees_the_same_everywhere_whether_or_not_avery_has_answered_week_one(
    completed_checkup, write, django_capture_on_commit_callbacks
):
    without = _world(False, completed_checkup, write, django_capture_on_commit_callbacks)
    with_answer = _world(True, completed_checkup, write, django_capture_on_commit_callbacks)

    assert without["emails"]  # Blake got the week's reminder in both worlds
    for name in without:
        assert without[name] == with_answer[name], name
