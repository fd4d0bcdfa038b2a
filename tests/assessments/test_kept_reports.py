"""The completed report is built once and kept; it never shows what it should no longer show."""

import pytest
from django.template.loader import render_to_string
from django.test import Client
from django.urls import reverse

from assessments import kept_reports
from assessments.kept_reports import ARTICLE_TEMPLATE, KeptArticle, report_article_for
from assessments.models import KeptReport
from assessments.presenters import report_page
from assessments.selectors import report_data_for
from tests.support.answers import DISTANCING, PURSUING
from tests.support.html import mask_html
from web.services import account_delete

pytestmark = pytest.mark.django_db


def view(user, checkup):
    client = Client()
    client.force_login(user)
    return client.get(reverse("assessments:report", args=[checkup.pk]))


def fresh_article(checkup, user) -> KeptArticle:
    context = {"page": report_page(report_data_for(checkup=checkup, user=user), reader_id=user.pk)}
    return KeptArticle(
        body=render_to_string(ARTICLE_TEMPLATE, context),
        note=render_to_string(ARTICLE_TEMPLATE + "#note", context),
    )


def test_the_first_view_keeps_the_report_and_the_second_shows_the_same_page(completed_checkup):
    checkup, a, _b = completed_checkup()

    first = view(a, checkup)
    kept = KeptReport.objects.get(checkup=checkup)
    second = view(a, checkup)

    assert KeptReport.objects.get(checkup=checkup).built_at == kept.built_at
    assert mask_html(second.content.decode()) == mask_html(first.content.decode())
    assert kept.html in second.content.decode() and kept.note_html in second.content.decode()


@pytest.mark.parametrize(("keeper", "reader"), [("a", "a"), ("a", "b"), ("b", "a")])
def test_a_kept_report_equals_a_freshly_built_one_for_either_partner(completed_checkup, keeper, reader):
    checkup, a, b = completed_checkup(PURSUING, DISTANCING)
    people = {"a": a, "b": b}
    report_article_for(checkup=checkup, user=people[keeper])

    kept = report_article_for(checkup=checkup, user=people[reader])

    assert kept == fresh_article(checkup, people[reader])


def test_a_changed_display_name_shows_in_the_report_at_once(completed_checkup):
    checkup, a, b = completed_checkup()
    view(a, checkup)
    b.display_name = "Marigold"
    b.save()

    html = view(a, checkup).content.decode()

    assert "Marigold" in html
    assert KeptReport.objects.get(checkup=checkup).name_b == "Marigold"


def test_deleting_either_account_deletes_the_kept_report(completed_checkup):
    checkup, a, b = completed_checkup()
    view(a, checkup)

    account_delete(user=b)

    assert not KeptReport.objects.filter(checkup=checkup).exists()
    assert view(a, checkup).status_code == 404


def test_a_report_kept_by_another_release_is_not_shown(completed_checkup, monkeypatch):
    checkup, a, _b = completed_checkup()
    report_article_for(checkup=checkup, user=a)
    KeptReport.objects.filter(checkup=checkup).update(html="<p>an older release's report</p>")

    monkeypatch.setattr(kept_reports, "_code_fingerprint", lambda: "another-release")

    assert report_article_for(checkup=checkup, user=a) == fresh_article(checkup, a)
    assert KeptReport.objects.filter(checkup=checkup).count() == 2


def test_someone_outside_the_couple_never_gets_a_kept_report(completed_checkup, user):
    checkup, a, _b = completed_checkup()
    report_article_for(checkup=checkup, user=a)

    assert report_article_for(checkup=checkup, user=user) is None
    assert view(user, checkup).status_code == 404
