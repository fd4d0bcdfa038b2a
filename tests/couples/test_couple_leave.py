import pytest
from django.core import mail
from django.urls import reverse

from couples.models import Membership
from couples.selectors import couple_active_for
from couples.services import invitation_accept, invitation_create
from tests.factories import PASSWORD

pytestmark = pytest.mark.django_db


def _reauthenticate(client):
    return client.post(reverse("account_reauthenticate"), {"password": PASSWORD}, follow=True)


def test_leaving_asks_for_the_password_again_first(client, couple_of):
    _, a, _ = couple_of()
    client.force_login(a)

    response = client.get(reverse("couples:leave"))

    assert response.status_code == 302
    assert response["Location"].startswith(reverse("account_reauthenticate"))
    assert couple_active_for(user=a) is not None


def test_leaving_dissolves_the_couple_and_tells_the_partner_only_that_it_ended(
    client, couple_of, django_capture_on_commit_callbacks
):
    couple, a, b = couple_of()
    client.force_login(a)
    client.get(reverse("couples:leave"))
    _reauthenticate(client)

    assert "Leave the couple?" in client.get(reverse("couples:leave")).content.decode()
    with django_capture_on_commit_callbacks(execute=True):
        client.post(reverse("couples:leave"))

    couple.refresh_from_db()
    assert couple.dissolved_at is not None
    assert not Membership.objects.filter(couple=couple, is_active=True).exists()
    assert couple_active_for(user=b) is None
    assert mail.outbox[-1].to == [b.email]
    assert "ended" in mail.outbox[-1].subject
    assert "You are not linked" in client.get(reverse("dashboard")).content.decode()


def test_after_leaving_both_can_form_a_new_couple(couple_of):
    couple, a, b = couple_of()
    from couples.services import couple_leave

    couple_leave(couple=couple, user=a)
    invitation = invitation_create(inviter=a, email=b.email)

    assert invitation_accept(invitation=invitation, user=b).is_active


@pytest.mark.parametrize("leaver", ["a", "b"])
def test_after_either_partner_leaves_the_shared_report_closes_for_both_by_url_and_by_the_emailed_link(
    client, completed_checkup, leaver
):
    import re

    from couples.services import couple_leave

    checkup, a, b = completed_checkup()
    ready = next(m for m in mail.outbox if m.to == [a.email])
    emailed_path = re.search(r"https://attune\.test(/\S+)", ready.body).group(1)
    url = reverse("assessments:report", args=[checkup.pk])
    client.force_login(a)
    assert client.get(url).status_code == 200

    couple_leave(couple=checkup.couple, user={"a": a, "b": b}[leaver])

    for person in (a, b):
        client.force_login(person)
        assert client.get(url).status_code == 404
        assert client.get(emailed_path).status_code == 404


def test_the_leave_page_says_the_shared_reports_close_before_the_person_confirms(client, couple_of):
    _, a, _ = couple_of()
    client.force_login(a)
    client.get(reverse("couples:leave"))
    _reauthenticate(client)

    page = client.get(reverse("couples:leave")).content.decode()

    assert "Your shared reports close for both of you" in page
    assert "keeps your own answers" in page
