import pytest
from django.core import mail
from django.urls import reverse

from assessments.instrument import current_instrument
from assessments.services import answer_sheet_submit
from counsellors.models import AccessLogEntry, CounsellorProfile, Share
from counsellors.services import counsellor_invitation_create, share_propose, share_revoke
from tests.factories import CounsellorFactory, UserFactory
from tests.support.answers import DISTANCING, PURSUING, answers_for, save_answers

pytestmark = pytest.mark.django_db

SAFETY = {"saf01": 4, "saf02": 2}  # a concern: the private panel shows, a hold-back is possible


@pytest.fixture
def counselled(completed_checkup, counsellor, shared_with):
    """{a, b} with two completed checkups, shared with ``counsellor``; returns (checkup, a, b, share)."""
    first, a, b = completed_checkup()
    checkup, _, _ = completed_checkup(couple=first.couple, a=a, b=b)
    share = shared_with(checkup.couple, a, b, counsellor)
    return checkup, a, b, share


def _report_url(checkup):
    return reverse("counsellors:report", args=[checkup.couple_id, checkup.pk])


def test_the_counsellor_dashboard_lists_each_shared_couple_with_its_latest_report(
    client, counselled, counsellor
):
    checkup, a, b, _ = counselled
    client.force_login(counsellor.user)

    page = client.get(reverse("counsellors:dashboard")).content.decode()

    assert f"{a.display_name} &amp; {b.display_name}" in page
    assert _report_url(checkup) in page


def test_the_counsellor_reads_the_couples_report_with_its_history_and_a_note_on_the_scores(
    client, counselled, counsellor
):
    checkup, a, _, _ = counselled
    client.force_login(counsellor.user)
    couples_view = client.get(reverse("assessments:report", args=[checkup.pk]))
    a_client = client.__class__()
    a_client.force_login(a)
    partners_page = a_client.get(reverse("assessments:report", args=[checkup.pk])).content.decode()

    page = client.get(_report_url(checkup)).content.decode()

    assert couples_view.status_code == 404  # the couple's own URL stays theirs
    assert "How these scores are computed" in page
    assert 'id="h-history"' in page
    # The same report the partners read: every section heading of theirs is here.
    for heading in ("h-pattern", "h-scores", "h-history"):
        assert heading in partners_page and heading in page


def test_the_counsellor_never_sees_individual_answers_or_the_private_safety_check(
    client, answered_checkup, counsellor, shared_with, django_capture_on_commit_callbacks
):
    couple, a, b, checkup, sheet_a, sheet_b = answered_checkup(safety_a=SAFETY)
    with django_capture_on_commit_callbacks(execute=True):
        answer_sheet_submit(sheet=sheet_a)
        answer_sheet_submit(sheet=sheet_b)
    shared_with(couple, a, b, counsellor)
    client.force_login(counsellor.user)

    page = client.get(_report_url(checkup)).content.decode()

    instrument = current_instrument()
    for item in instrument.items:
        assert item.text.replace("{partner}", a.display_name)[:40] not in page
    assert "quick-exit" not in page
    assert "safety-panel" not in page
    assert "Just for you" not in page
    assert "may not always feel safe" not in page


def test_a_held_back_report_is_simply_not_there_for_the_counsellor(
    client, answered_checkup, counsellor, shared_with
):
    couple, a, b, checkup, sheet_a, sheet_b = answered_checkup(safety_a=SAFETY)
    answer_sheet_submit(sheet=sheet_a, hold_back=True)
    answer_sheet_submit(sheet=sheet_b)
    shared_with(couple, a, b, counsellor)
    client.force_login(counsellor.user)

    couple_page = client.get(reverse("counsellors:couple", args=[couple.pk])).content.decode()

    assert "No completed report yet" in couple_page
    assert "held" not in couple_page.lower()
    assert client.get(_report_url(checkup)).status_code == 404


def test_every_report_opening_is_logged_and_both_partners_see_who_and_when(client, counselled, counsellor):
    checkup, a, b, _ = counselled
    client.force_login(counsellor.user)
    client.get(_report_url(checkup))
    client.head(_report_url(checkup))  # a HEAD shows nothing, so it is not an opening
    client.get(_report_url(checkup))

    assert AccessLogEntry.objects.filter(couple=checkup.couple, checkup=checkup).count() == 2
    for partner in (a, b):
        client.force_login(partner)
        privacy = client.get(reverse("privacy")).content.decode()
        assert privacy.count(f"{counsellor.name}, {counsellor.practice}") == 2


@pytest.mark.parametrize("target", ["other_couple", "other_checkup", "proposed_only"])
def test_a_counsellor_guessing_couple_or_report_ids_gets_404(
    client, counselled, counsellor, completed_checkup, target
):
    checkup, _, _, _ = counselled
    other, c, _ = completed_checkup()
    if target == "proposed_only":
        share_propose(couple=other.couple, user=c, counsellor=counsellor)
    urls = {
        "other_couple": [
            reverse("counsellors:couple", args=[other.couple_id]),
            reverse("counsellors:report", args=[other.couple_id, other.pk]),
        ],
        # A checkup of another couple under the shared couple's id.
        "other_checkup": [reverse("counsellors:report", args=[checkup.couple_id, other.pk])],
        "proposed_only": [
            reverse("counsellors:couple", args=[other.couple_id]),
            reverse("counsellors:report", args=[other.couple_id, other.pk]),
        ],
    }[target]
    client.force_login(counsellor.user)

    for url in urls:
        assert client.get(url).status_code == 404
    assert not AccessLogEntry.objects.filter(couple=other.couple).exists()


def test_a_revoked_share_stops_the_counsellor_on_the_next_request(client, counselled, counsellor):
    checkup, a, _, share = counselled
    client.force_login(counsellor.user)
    assert client.get(_report_url(checkup)).status_code == 200

    share_revoke(share=share, user=a)

    assert client.get(_report_url(checkup)).status_code == 404
    assert client.get(reverse("counsellors:couple", args=[checkup.couple_id])).status_code == 404
    assert _report_url(checkup) not in client.get(reverse("counsellors:dashboard")).content.decode()


def test_another_counsellor_cannot_read_a_couple_shared_with_someone_else(client, counselled):
    checkup, _, _, _ = counselled
    client.force_login(CounsellorFactory().user)

    assert client.get(_report_url(checkup)).status_code == 404


def test_the_couple_proposes_and_agrees_through_the_sharing_page(client, couple_of, counsellor):
    couple, a, b = couple_of()
    client.force_login(a)

    sharing = client.get(reverse("counsellors:sharing")).content.decode()
    response = client.post(reverse("counsellors:propose"), {"email": counsellor.user.email.upper()})

    assert "does not check counsellors" in sharing
    assert response.status_code == 302
    assert "waiting for your answer" not in client.get(reverse("dashboard")).content.decode()
    share = Share.objects.get(couple=couple)
    client.force_login(b)
    waiting = client.get(reverse("dashboard")).content.decode()
    assert "A counsellor is waiting for your answer" in waiting
    client.post(reverse("counsellors:agree", args=[share.pk]))
    share.refresh_from_db()
    assert share.state == Share.State.ACTIVE
    assert "Stop sharing" in client.get(reverse("counsellors:sharing")).content.decode()


def test_proposing_an_address_with_no_counsellor_says_so_and_keeps_what_was_typed(client, couple_of):
    _, a, _ = couple_of()
    not_a_counsellor = UserFactory()
    client.force_login(a)

    response = client.post(reverse("counsellors:propose"), {"email": not_a_counsellor.email})

    assert response.status_code == 400
    page = response.content.decode()
    assert "No counsellor on Attune uses that address" in page
    assert f'value="{not_a_counsellor.email}"' in page
    assert not Share.objects.exists()


def test_an_address_with_a_look_alike_letter_finds_no_counsellor(client, couple_of):
    _, a, _ = couple_of()
    CounsellorFactory(user=UserFactory(email="bill@example.org"))
    client.force_login(a)

    response = client.post(reverse("counsellors:propose"), {"email": "b\u0131ll@example.org"})

    assert response.status_code == 400
    assert not Share.objects.exists()


def test_proposing_yourself_as_the_couples_counsellor_is_refused_on_the_page(client, couple_of):
    _, a, _ = couple_of()
    CounsellorFactory(user=a)
    client.force_login(a)

    response = client.post(reverse("counsellors:propose"), {"email": a.email})

    assert response.status_code == 400
    assert "cannot also be its counsellor" in response.content.decode()


def test_a_partner_cannot_agree_to_or_stop_another_couples_share(client, counselled, couple_of):
    _, _, _, share = counselled
    _, c, _ = couple_of()
    client.force_login(c)

    assert client.post(reverse("counsellors:agree", args=[share.pk])).status_code == 404
    assert client.post(reverse("counsellors:revoke", args=[share.pk])).status_code == 404
    share.refresh_from_db()
    assert share.state == Share.State.ACTIVE


def test_anyone_can_declare_a_counsellor_profile_and_is_told_nothing_is_verified(client, user):
    client.force_login(user)

    form = client.get(reverse("counsellors:profile")).content.decode()
    response = client.post(
        reverse("counsellors:profile"),
        {"name": "Morgan Hale", "practice": "Hale Counselling", "website": "https://hale.example.org"},
    )

    assert "does not check qualifications" in form
    assert response["Location"] == reverse("counsellors:dashboard")
    assert CounsellorProfile.objects.get(user=user).name == "Morgan Hale"


def test_a_profile_with_a_bad_website_is_shown_again_with_a_message(client, user):
    client.force_login(user)

    response = client.post(
        reverse("counsellors:profile"), {"name": "Morgan Hale", "practice": "Hale", "website": "not a url"}
    )

    assert response.status_code == 400
    assert 'value="Morgan Hale"' in response.content.decode()
    assert not CounsellorProfile.objects.exists()


def test_someone_who_is_not_a_counsellor_is_sent_to_the_profile_form(client, user):
    client.force_login(user)

    assert client.get(reverse("counsellors:dashboard"))["Location"] == reverse("counsellors:profile")


def test_a_couple_answers_a_counsellors_link_in_the_browser_both_partners_agreeing(
    client, couple_of, counsellor, django_capture_on_commit_callbacks
):
    couple, a, b = couple_of()
    with django_capture_on_commit_callbacks(execute=True):
        counsellor_invitation_create(counsellor=counsellor, email=a.email)
    link = next(line for line in mail.outbox[-1].body.splitlines() if "counsellor-invitation" in line)
    path = link.removeprefix("https://attune.test")

    anonymous = client.get(path)
    client.force_login(a)
    page = client.get(path)
    token = path.split("t=", 1)[1]
    client.post(reverse("counsellors:invitation_accept"), {"t": token})
    client.force_login(b)
    client.post(reverse("counsellors:invitation_accept"), {"t": token})

    assert "Log in to answer" in anonymous.content.decode()
    assert anonymous["Referrer-Policy"] == "same-origin"
    assert "I agree to share" in page.content.decode()
    assert Share.objects.get(couple=couple).state == Share.State.ACTIVE


def test_an_unknown_counsellor_link_is_404(client):
    assert client.get(reverse("counsellors:invitation") + "?t=nonsense").status_code == 404
    assert client.post(reverse("counsellors:invitation_accept"), {"t": "nonsense"}).status_code == 404


def test_the_second_checkup_on_the_couple_page_is_marked_as_the_latest(client, counselled, counsellor):
    checkup, _, _, _ = counselled
    client.force_login(counsellor.user)

    page = client.get(reverse("counsellors:couple", args=[checkup.couple_id])).content.decode()

    assert page.count("Report of") == 2
    assert "the latest, with the change over time" in page


def test_the_report_answers_are_scored_from_the_same_profiles_as_the_couples_own_report(
    client, couple_of, counsellor, shared_with, checkup_for
):
    couple, a, b = couple_of()
    checkup, sheet_a, sheet_b = checkup_for(couple, a, b)
    save_answers(sheet_a, answers_for(PURSUING))
    save_answers(sheet_b, answers_for(DISTANCING))
    answer_sheet_submit(sheet=sheet_a)
    answer_sheet_submit(sheet=sheet_b)
    shared_with(couple, a, b, counsellor)
    client.force_login(a)
    own = client.get(reverse("assessments:report", args=[checkup.pk])).content.decode()
    client.force_login(counsellor.user)

    theirs = client.get(_report_url(checkup)).content.decode()

    def sections(page: str) -> str:
        """The article up to what other apps add for the partners only (the pause plan panel)."""
        start = page.index('<article class="report">')
        ends = [
            page.find(marker, start) for marker in ('<div class="no-print">', '<footer class="report-note">')
        ]
        return page[start : min(e for e in ends if e != -1)].strip()

    def note(page: str) -> str:
        return page[page.index('<footer class="report-note">') : page.index("</article>")]

    assert sections(own) == sections(theirs)
    assert note(own) == note(theirs)
