"""The weekly check-in reminder: one email per person per practice week, never more.

``manage.py send_practice_reminders`` calls ``reminders_send``; run it as often
as you like (the scheduler runs it hourly). A ``ReminderSent`` row, unique per
person and week, is written in the same transaction as the queued email, so a
second run, or two runs at once, send nothing more. The email says only that a
check-in is waiting, never whether or how the partner answered.
"""

from datetime import datetime

from django.db import IntegrityError, transaction

from core.mail import email_queue
from practice.models import PRACTICE_WEEKS, Agreement, CheckIn, ReminderOptOut, ReminderSent
from practice.selectors import WEEK, weeks_open
from practice.services import plan_link


def reminders_send(*, now: datetime) -> int:
    """Queue every reminder due at ``now``; returns how many were queued."""
    sent = 0
    started_after = now - (PRACTICE_WEEKS + 1) * WEEK
    agreements = Agreement.objects.filter(
        closed_at__isnull=True, activated_at__isnull=False, activated_at__gte=started_after
    ).select_related("person_a", "person_b")
    for agreement in agreements:
        assert agreement.activated_at is not None  # noqa: S101 - filtered above
        # Only the newest open week: an old week's reminder is no use once the next one opened.
        open_weeks = weeks_open(activated_at=agreement.activated_at, now=now)
        if not open_weeks:
            continue
        week = open_weeks[-1]
        answered = set(
            CheckIn.objects.filter(agreement=agreement, week=week).values_list("user_id", flat=True)
        )
        opted_out = set(ReminderOptOut.objects.filter(agreement=agreement).values_list("user_id", flat=True))
        for person in (agreement.person_a, agreement.person_b):
            if person.pk in answered or person.pk in opted_out:
                continue
            try:
                with transaction.atomic():
                    ReminderSent.objects.create(agreement=agreement, user=person, week=week, sent_at=now)
                    email_queue(
                        template_prefix="practice/email/reminder",
                        to=person.email,
                        context={"person": person, "week": week, "link": plan_link()},
                        user_id=person.pk,
                    )
            except IntegrityError:
                continue  # sent already, by an earlier or a parallel run
            sent += 1
    return sent
