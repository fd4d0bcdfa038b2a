"""Writes for the pause agreement: edits (each a new version), acceptances, closing.

Two people can act at once, so every write locks the couple row and then the
agreement row (the order ``couple_leave`` uses too: the couple first). An edit
names the version it started from and is refused if another was saved since;
an acceptance names its version and is refused if that is no longer the newest.
"""

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import transaction
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _

from accounts.models import User
from core.errors import AppError
from core.mail import email_queue
from couples.models import Couple
from practice.models import Acceptance, Agreement, AgreementVersion, CheckIn, ReminderOptOut
from practice.selectors import weeks_open

EDITABLE = ("signal", "pause_minutes", "restarter", "return_plan", "waiting_plan")


class StaleEdit(AppError):
    """The edit started from an older version; ``current`` is the newest, to show the person."""

    def __init__(self, current: AgreementVersion) -> None:
        super().__init__(
            "stale",
            _(
                "Your partner saved a newer version while you were editing. Nothing of yours was saved "
                "yet: read theirs below, then save your changes again."
            ),
        )
        self.current = current


def plan_link() -> str:
    return settings.SITE_URL + reverse("practice:plan")


def _locked(couple: Couple, user: User) -> tuple[Couple, Agreement | None]:
    """The couple (active, with ``user`` in it) and its agreement, both locked."""
    couple = Couple.objects.select_for_update().filter(pk=couple.pk, memberships__user=user).first()  # type: ignore[assignment]
    if couple is None or not couple.is_active:
        raise AppError("no_couple", _("This plan belongs to a couple that has ended."))
    agreement = Agreement.objects.select_for_update().filter(couple=couple).first()
    if agreement is not None and agreement.closed_at is not None:
        raise AppError("closed", _("This plan was closed when the couple ended."))
    return couple, agreement


def _members(couple: Couple) -> tuple[User, User]:
    a, b = (m.user for m in couple.memberships.select_related("user").order_by("pk"))
    return a, b


@transaction.atomic
def agreement_edit(
    *,
    couple: Couple,
    user: User,
    base_number: int,
    signal: str,
    pause_minutes: int,
    own_settle: str,
    restarter: str,
    return_plan: str,
    waiting_plan: str,
) -> AgreementVersion:
    """Save a new version of the couple's agreement, started from version ``base_number`` (0: none yet).

    ``user`` writes only their own way to settle; the partner's stays as it was.
    If the partner had accepted the version this one replaces, their acceptance
    no longer counts (it was for older words) and they are told by email.
    """
    couple, agreement = _locked(couple, user)
    if agreement is None:
        a, b = _members(couple)
        agreement = Agreement.objects.create(couple=couple, person_a=a, person_b=b)
    latest = AgreementVersion.objects.filter(agreement=agreement, number=agreement.latest_number).first()
    if base_number != agreement.latest_number:
        if latest is None:
            # Started from a version that does not exist here: a form from another couple's plan.
            message = _("That version does not exist. Please start again from the plan page.")
            raise AppError("no_such_version", message)
        raise StaleEdit(latest)
    position = agreement.position_of(user.pk)
    version = AgreementVersion(
        agreement=agreement,
        number=agreement.latest_number + 1,
        signal=signal.strip(),
        pause_minutes=pause_minutes,
        settle_a=own_settle.strip() if position == "a" else (latest.settle_a if latest else ""),
        settle_b=own_settle.strip() if position == "b" else (latest.settle_b if latest else ""),
        restarter=restarter,
        return_plan=return_plan.strip(),
        waiting_plan=waiting_plan.strip(),
        author=user,
    )
    if latest is not None and _same_text(latest, version):
        raise AppError("unchanged", _("Nothing was changed, so no new version was saved."))
    try:
        version.full_clean()
    except ValidationError as error:
        raise AppError("invalid", " ".join(error.messages)) from error
    version.save()
    agreement.latest_number = version.number
    agreement.save(update_fields=["latest_number"])
    if latest is not None:
        _tell_partner_if_their_acceptance_lapsed(agreement, latest, user)
    return version


def _same_text(one: AgreementVersion, other: AgreementVersion) -> bool:
    return all(getattr(one, f) == getattr(other, f) for f in (*EDITABLE, "settle_a", "settle_b"))


def _tell_partner_if_their_acceptance_lapsed(
    agreement: Agreement, replaced: AgreementVersion, user: User
) -> None:
    lapsed = Acceptance.objects.filter(version=replaced).exclude(user=user).select_related("user").first()
    if lapsed is None:
        return
    # Only that the plan changed: what was changed is for the plan page, behind a login.
    email_queue(
        template_prefix="practice/email/acceptance_cleared",
        to=lapsed.user.email,
        context={
            "person": lapsed.user,
            "partner_name": user.display_name,
            "was_agreed": agreement.active_number == replaced.number,
            "link": plan_link(),
        },
        user_id=lapsed.user.pk,
    )


@transaction.atomic
def agreement_accept(*, couple: Couple, user: User, number: int) -> Agreement:
    """Accept version ``number``; once both have accepted the newest version, it is the agreed plan."""
    couple, agreement = _locked(couple, user)
    if agreement is None or agreement.latest_number == 0:
        raise AppError("no_plan", _("There is no plan to accept yet."))
    if number != agreement.latest_number:
        raise AppError(
            "outdated",
            _("That version has been changed since. Please read the newest version before you accept it."),
        )
    version = AgreementVersion.objects.get(agreement=agreement, number=number)
    if Acceptance.objects.filter(version=version, user=user).exists():
        raise AppError("already", _("You have already accepted this version."))
    Acceptance.objects.create(version=version, user=user)
    if Acceptance.objects.filter(version=version).count() == 2:
        first_time = agreement.activated_at is None
        agreement.active_number = number
        agreement.activated_at = agreement.activated_at or timezone.now()
        agreement.save(update_fields=["active_number", "activated_at"])
        for person in _members(couple):
            email_queue(
                template_prefix="practice/email/agreed",
                to=person.email,
                context={"person": person, "first_time": first_time, "link": plan_link()},
                user_id=person.pk,
            )
    return agreement


def agreement_close(*, couple: Couple) -> None:
    """Close the couple's plan for both; called inside ``couple_leave``, which holds the couple's lock."""
    Agreement.objects.filter(couple=couple, closed_at__isnull=True).update(closed_at=timezone.now())


@transaction.atomic
def check_in_save(
    *, couple: Couple, user: User, week: int, loop_count: int, signal_used: str, returned: str, feeling: int
) -> CheckIn:
    """Save ``user``'s answers for practice ``week``: once, and only when that week's check-in is open."""
    couple, agreement = _locked(couple, user)
    if agreement is None or agreement.activated_at is None:
        raise AppError("not_active", _("The check-ins start once you have both accepted the plan."))
    if week not in weeks_open(activated_at=agreement.activated_at, now=timezone.now()):
        raise AppError("not_open", _("This week's check-in opens at the end of the week."))
    if CheckIn.objects.filter(agreement=agreement, user=user, week=week).exists():
        raise AppError("answered", _("You have already answered this week's check-in."))
    check_in = CheckIn(
        agreement=agreement,
        user=user,
        week=week,
        loop_count=loop_count,
        signal_used=signal_used,
        returned=returned,
        feeling=feeling,
    )
    try:
        check_in.full_clean()
    except ValidationError as error:
        raise AppError("invalid", " ".join(error.messages)) from error
    check_in.save()
    return check_in


@transaction.atomic
def reminders_set(*, couple: Couple, user: User, on: bool) -> None:
    """Turn ``user``'s weekly check-in reminder on or off (only theirs)."""
    couple, agreement = _locked(couple, user)
    if agreement is None:
        raise AppError("no_plan", _("There is no plan yet, so there are no reminders."))
    if on:
        ReminderOptOut.objects.filter(agreement=agreement, user=user).delete()
    else:
        ReminderOptOut.objects.get_or_create(agreement=agreement, user=user)
