from datetime import timedelta
from typing import Any

from allauth.account.models import EmailAddress
from django.core.management.base import BaseCommand
from django.db import transaction
from django.utils import timezone

from accounts.models import User
from couples.models import Couple, Membership
from couples.selectors import couple_active_for
from web.demo import demo_checkups

DEMO_PASSWORD = "attune-demo-2026"  # noqa: S105 - public demo accounts on a local install only
DEMO_PEOPLE = [
    ("sam@demo.attune.test", "Sam"),
    ("alex@demo.attune.test", "Alex"),
]


class Command(BaseCommand):
    help = "Create the demo couple (idempotent): two verified accounts you can log in as."

    @transaction.atomic
    def handle(self, *args: Any, **options: Any) -> None:
        people = []
        for email, name in DEMO_PEOPLE:
            user = User.objects.filter(email=email).first()
            if user is None:
                user = User.objects.create_user(email, DEMO_PASSWORD, display_name=name)
            EmailAddress.objects.update_or_create(
                user=user, email=email, defaults={"verified": True, "primary": True}
            )
            people.append(user)
        sam, alex = people
        if couple_active_for(user=sam) is None and couple_active_for(user=alex) is None:
            # Linked a while ago, so the demo's earlier checkup fits the story.
            new = Couple.objects.create(created_at=timezone.now() - timedelta(days=90))
            Membership.objects.bulk_create(
                [Membership(couple=new, user=sam), Membership(couple=new, user=alex)]
            )
        couple = couple_active_for(user=sam)
        if couple is not None:
            demo_checkups(couple=couple, reacher=sam, stepper=alex)
        self.stdout.write(
            f"Demo accounts (password {DEMO_PASSWORD!r}): " + ", ".join(email for email, _ in DEMO_PEOPLE)
        )
