"""The demo: accounts you can log in as on a local install, with checkups already taken.

Sam leans toward pursuing and Alex toward distancing, a little less so at the
second checkup than at the first; since then they have agreed a pause plan and
answered the first week's check-in, and they share their reports with Morgan
Hale, a counsellor, who opened the latest one three days ago. Robin and Kai each
see themselves moving away and the other moving toward, so their report has no
clear direction yet.
"""

from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Any

from allauth.account.models import EmailAddress
from django.db import transaction
from django.utils import timezone

from accounts.models import User
from assessments.models import AnswerSheet, Checkup
from assessments.selectors import checkup_instrument
from assessments.services import answer_sheet_save_section, answer_sheet_submit, checkup_start
from counsellors.models import AccessLogEntry, Share
from counsellors.selectors import counsellor_profile_of
from counsellors.services import access_log_record, counsellor_profile_save, share_agree, share_propose
from couples.models import Couple
from couples.selectors import couple_active_for
from couples.services import couple_create
from practice.models import Acceptance, Agreement, AgreementVersion, CheckIn
from practice.presenters import suggestion_for
from practice.selectors import agreement_for_couple, plan_data_for
from practice.services import agreement_accept, agreement_edit, check_in_save

DEMO_PASSWORD = "attune-demo-2026"  # noqa: S105 - public demo accounts on a local install only

# Per scale, the level (1-5, as scored) that a profile's answers express.
PROFILES: dict[str, dict[str, int]] = {
    "pursuing_then": {"pursuit": 5, "distance": 2, "partner_pursuit": 2, "partner_distance": 5,
                      "anxiety": 5, "avoidance": 2, "impact": 4, "repair": 2},
    "distancing_then": {"pursuit": 2, "distance": 5, "partner_pursuit": 5, "partner_distance": 2,
                        "anxiety": 2, "avoidance": 4, "impact": 4, "repair": 2},
    "pursuing_now": {"pursuit": 4, "distance": 2, "partner_pursuit": 2, "partner_distance": 4,
                     "anxiety": 4, "avoidance": 2, "impact": 3, "repair": 3},
    "distancing_now": {"pursuit": 2, "distance": 4, "partner_pursuit": 4, "partner_distance": 2,
                       "anxiety": 2, "avoidance": 4, "impact": 3, "repair": 4},
    # Each sees themselves moving away and the other moving toward: two accounts that contradict.
    "sees_self_away_1": {"pursuit": 2, "distance": 4, "partner_pursuit": 4, "partner_distance": 2,
                         "anxiety": 3, "avoidance": 4, "impact": 3, "repair": 3},
    "sees_self_away_2": {"pursuit": 2, "distance": 4, "partner_pursuit": 4, "partner_distance": 2,
                         "anxiety": 4, "avoidance": 3, "impact": 4, "repair": 2},
}  # fmt: skip


@dataclass(frozen=True)
class DemoCouple:
    """Two demo people and their checkups: (days ago, first's profile, second's profile), oldest first."""

    first: tuple[str, str]
    second: tuple[str, str]
    checkups: tuple[tuple[int, str, str], ...] = ()
    #: A checkup still open, which only the first person has submitted, with this profile.
    waiting_on_second: str | None = None
    linked_days_ago: int = 90
    #: Days since both agreed a pause plan (and answered the first week's check-in), if they have one.
    plan_days_ago: int | None = None


DEMO_COUPLES = (
    DemoCouple(
        first=("sam@demo.attune.test", "Sam"),
        second=("alex@demo.attune.test", "Alex"),
        checkups=((60, "pursuing_then", "distancing_then"), (10, "pursuing_now", "distancing_now")),
        plan_days_ago=9,
    ),
    DemoCouple(
        first=("jordan@demo.attune.test", "Jordan"),
        second=("casey@demo.attune.test", "Casey"),
        waiting_on_second="pursuing_now",
        linked_days_ago=7,
    ),
    DemoCouple(
        first=("robin@demo.attune.test", "Robin"),
        second=("kai@demo.attune.test", "Kai"),
        checkups=((0, "sees_self_away_1", "sees_self_away_2"),),
        linked_days_ago=30,
    ),
)


def demo_answer_all(sheet: AnswerSheet, profile: str) -> None:
    """Answer every shared item of ``sheet`` from a profile, then submit.

    Every third item of a scale sits one step nearer the middle, so the
    answers look like a person's rather than a column of identical ticks.
    """
    instrument = checkup_instrument(checkup=sheet.checkup)
    levels = PROFILES[profile]
    for section in instrument.sections:
        if section.private:
            continue
        values = {}
        for n, item in enumerate(instrument.section_items(section.key)):
            level = levels[item.scale]
            if n % 3 == 2:
                level += -1 if level > 3 else 1
            values[item.id] = instrument.answer_at(item, level)
        answer_sheet_save_section(sheet=sheet, section_key=section.key, values=values)
    answer_sheet_submit(sheet=sheet)


def _demo_person(email: str, name: str) -> User:
    user = User.objects.filter(email=email).first()
    if user is None:
        user = User.objects.create_user(email, DEMO_PASSWORD, display_name=name)
    EmailAddress.objects.update_or_create(
        user=user, email=email, defaults={"verified": True, "primary": True}
    )
    return user


def _demo_checkups(couple: Couple, first: User, second: User, demo: DemoCouple) -> None:
    if Checkup.objects.filter(couple=couple).exists():
        return
    now = timezone.now()
    for days_ago, first_profile, second_profile in demo.checkups:
        checkup = checkup_start(couple=couple, user=first)
        demo_answer_all(checkup.answer_sheets.get(user=first), first_profile)
        demo_answer_all(checkup.answer_sheets.get(user=second), second_profile)
        if days_ago:
            when: datetime = now - timedelta(days=days_ago)
            Checkup.objects.filter(pk=checkup.pk).update(started_at=when, completed_at=when)
    if demo.waiting_on_second:
        checkup = checkup_start(couple=couple, user=first)
        demo_answer_all(checkup.answer_sheets.get(user=first), demo.waiting_on_second)


def demo_couple_load(demo: DemoCouple) -> tuple[User, User]:
    """Create one demo couple and its checkups unless they exist; return the two people."""
    first, second = _demo_person(*demo.first), _demo_person(*demo.second)
    if couple_active_for(user=first) is None and couple_active_for(user=second) is None:
        # Linked a while ago, so the demo's earlier checkup fits the story.
        linked_at = timezone.now() - timedelta(days=demo.linked_days_ago)
        couple_create(first=first, second=second, created_at=linked_at)
    couple = couple_active_for(user=first)
    if couple is not None:
        _demo_checkups(couple, first, second, demo)
        if demo.plan_days_ago is not None:
            _demo_plan(couple, first, second, demo.plan_days_ago)
    return first, second


# How the demo couple's first week went, as each of them answered it.
DEMO_WEEK_ONE: tuple[dict[str, Any], ...] = (
    {"loop_count": 2, "signal_used": "yes", "returned": "late", "feeling": 3},
    {"loop_count": 1, "signal_used": "yes", "returned": "yes", "feeling": 4},
)


def _demo_plan(couple: Couple, first: User, second: User, days_ago: int) -> None:
    """The first person writes the plan from the suggestions, the second adds their own way to settle
    and both accept; the first week's check-in is answered by both."""
    if agreement_for_couple(couple=couple) is not None:
        return
    data = plan_data_for(user=first, couple=couple)
    assert data is not None  # noqa: S101 - the couple is active
    suggestion = suggestion_for(data)
    fields: dict[str, Any] = {
        "signal": suggestion.signal,
        "pause_minutes": 45,
        "restarter": suggestion.restarter,
        "return_plan": suggestion.return_plan,
        "waiting_plan": suggestion.waiting_plan,
    }
    own = {"a": suggestion.settle_a, "b": suggestion.settle_b}
    agreement_edit(couple=couple, user=first, base_number=0, own_settle=own[data.position], **fields)
    other = "b" if data.position == "a" else "a"
    agreement_edit(couple=couple, user=second, base_number=1, own_settle=own[other], **fields)
    for person in (first, second):
        agreement_accept(couple=couple, user=person, number=2)
    # Back in time, as the checkups are: written and agreed ``days_ago`` days ago.
    agreed_at = timezone.now() - timedelta(days=days_ago)
    Agreement.objects.filter(couple=couple).update(created_at=agreed_at, activated_at=agreed_at)
    AgreementVersion.objects.filter(agreement__couple=couple).update(created_at=agreed_at)
    Acceptance.objects.filter(version__agreement__couple=couple).update(accepted_at=agreed_at)
    for person, answers in zip((first, second), DEMO_WEEK_ONE, strict=True):
        check_in_save(couple=couple, user=person, week=1, **answers)
    CheckIn.objects.filter(agreement__couple=couple).update(
        submitted_at=agreed_at + timedelta(days=7, hours=2)
    )


#: The demo counsellor (email, name, practice), with whom the first demo couple shares.
DEMO_COUNSELLOR = ("morgan@demo.attune.test", "Morgan Hale", "Hale Couples Counselling")


def demo_counsellor_load(first: User, second: User) -> User:
    """Morgan's counsellor profile, and ``first`` and ``second``'s share with Morgan, both agreed."""
    email, name, practice = DEMO_COUNSELLOR
    user = _demo_person(email, name)
    profile = counsellor_profile_of(user=user) or counsellor_profile_save(
        user=user, name=name, practice=practice
    )
    couple = couple_active_for(user=first)
    if couple is None or Share.objects.live().filter(couple=couple, counsellor=profile).exists():
        return user
    share = share_agree(share=share_propose(couple=couple, user=first, counsellor=profile), user=second)
    # Back in time, as the checkups are: shared a week ago, the latest report opened three days ago.
    now = timezone.now()
    Share.objects.filter(pk=share.pk).update(
        proposed_at=now - timedelta(days=7), activated_at=now - timedelta(days=6)
    )
    latest = (
        Checkup.objects.filter(couple=couple, completed_at__isnull=False).order_by("-completed_at").first()
    )
    if latest is not None:
        entry = access_log_record(counsellor=profile, checkup=latest)
        AccessLogEntry.objects.filter(pk=entry.pk).update(opened_at=now - timedelta(days=3))
    return user


@transaction.atomic
def demo_load() -> list[str]:
    """Create the demo people, couples, checkups and counsellor unless they exist; return their addresses."""
    emails = []
    for demo in DEMO_COUPLES:
        first, second = demo_couple_load(demo)
        emails += [first.email, second.email]
        if demo is DEMO_COUPLES[0]:
            emails.append(demo_counsellor_load(first, second).email)
    return emails
