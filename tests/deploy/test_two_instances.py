"""Two app servers on one PostgreSQL behave as one site: sessions, rate limits, exactly-once writes, mail."""

import threading
import time

import pytest
from django.urls import reverse

from assessments.models import Checkup
from assessments.services import checkup_start
from core.models import OutboxMessage
from couples.models import Couple, Invitation, Membership
from couples.services import invitation_create
from tests.deploy.conftest import Browser, production_password
from tests.factories import UserFactory
from tests.support.answers import DISTANCING, PURSUING, answers_for, save_answers
from tests.support.invitations import open_url, token_from_last_mail

pytestmark = pytest.mark.postgres


def at_once(*calls):
    """Run the calls at the same instant, each in its own thread; return their results in order."""
    barrier = threading.Barrier(len(calls))
    results = [None] * len(calls)

    def run(index, call):
        barrier.wait()
        results[index] = call()

    threads = [threading.Thread(target=run, args=(i, c)) for i, c in enumerate(calls)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=120)
    return results


def person(**kwargs):
    user = UserFactory(**kwargs)
    production_password(user)
    return user


def queued_then_sent(stack) -> tuple[list[tuple[str, str]], list[str]]:
    """The outbox as the requests left it, then each message's status once the worker has sent them all.

    The requests have answered, so everything they queued is committed; the
    worker then polls (for up to a minute) until nothing is left to send.
    """
    queued = [(m.template, m.to) for m in OutboxMessage.objects.order_by("pk")]
    stack.start_worker()
    for _ in range(300):
        if not OutboxMessage.objects.exclude(status="sent").exists():
            break
        time.sleep(0.2)
    return queued, list(OutboxMessage.objects.values_list("status", flat=True))


def test_a_session_started_on_one_server_is_signed_in_on_the_other(stack):
    one, two = stack.ports
    user = person()
    browser = Browser()

    status, location, _html = browser.log_in(one, user.email)
    dashboard_status, _location, html = browser.request(two, "GET", reverse("dashboard"))

    assert (status, location) == (302, reverse("dashboard"))
    assert dashboard_status == 200
    assert user.display_name in html


def test_failed_logins_count_against_the_limit_on_both_servers(stack):
    one, two = stack.ports
    user = person()
    # allauth's "login_failed" limit is 5 per 5 minutes per address: spread over both servers.
    for attempt in range(5):
        port = (one, two)[attempt % 2]
        status, _location, html = Browser().log_in(port, user.email, "not-the-password")
        assert status == 200 and "Too many failed login attempts" not in html

    status, _location, html = Browser().log_in(two, user.email)

    assert status in (200, 429)
    assert "Too many failed login attempts" in html


def test_one_invitation_accepted_on_both_servers_at_once_links_one_couple_and_sends_one_notice(stack):
    one, two = stack.ports
    inviter, invitee = person(), person()
    invitation_create(inviter=inviter, email=invitee.email)
    token = token_from_last_mail()
    OutboxMessage.objects.all().delete()  # the invitation itself, delivered in-process above
    phone, laptop = Browser(), Browser()
    for browser, port in ((phone, one), (laptop, two)):
        browser.log_in(port, invitee.email)
        browser.request(port, "GET", open_url(token))
    tokens = [b.csrf_from(p, reverse("couples:invitation")) for b, p in ((phone, one), (laptop, two))]
    accept = reverse("couples:invitation_accept")

    results = at_once(
        lambda: phone.request(one, "POST", accept, {"csrfmiddlewaretoken": tokens[0]}),
        lambda: laptop.request(two, "POST", accept, {"csrfmiddlewaretoken": tokens[1]}),
    )
    queued, statuses = queued_then_sent(stack)

    assert all(status == 302 for status, _location, _html in results)
    assert Couple.objects.count() == 1
    assert Membership.objects.filter(is_active=True).count() == 2
    assert Invitation.objects.get().accepted_by == invitee
    assert queued == [("couples/email/accepted", inviter.email)]
    assert statuses == ["sent"]


def test_two_partners_submitting_on_different_servers_at_once_reveal_the_report_once(stack, couple_of):
    one, two = stack.ports
    couple, a, b = couple_of(person(), person())
    checkup = checkup_start(couple=couple, user=a)
    save_answers(checkup.answer_sheets.get(user=a), answers_for(PURSUING))
    save_answers(checkup.answer_sheets.get(user=b), answers_for(DISTANCING))
    OutboxMessage.objects.all().delete()
    review = reverse("assessments:review", args=[checkup.pk])
    browsers = {a: Browser(), b: Browser()}
    browsers[a].log_in(one, a.email)
    browsers[b].log_in(two, b.email)
    tokens = {a: browsers[a].csrf_from(one, review), b: browsers[b].csrf_from(two, review)}

    results = at_once(
        lambda: browsers[a].request(one, "POST", review, {"csrfmiddlewaretoken": tokens[a]}),
        lambda: browsers[b].request(two, "POST", review, {"csrfmiddlewaretoken": tokens[b]}),
    )
    queued, statuses = queued_then_sent(stack)

    assert all(status == 302 for status, _location, _html in results)
    assert Checkup.objects.get(pk=checkup.pk).completed_at is not None
    assert sorted(queued) == sorted(
        [("assessments/email/report_ready", a.email), ("assessments/email/report_ready", b.email)]
    )
    assert statuses == ["sent", "sent"]
    report = reverse("assessments:report", args=[checkup.pk])
    assert browsers[a].request(two, "GET", report)[0] == 200
    assert browsers[b].request(one, "GET", report)[0] == 200
