from typing import Any

from django.core.management.base import BaseCommand
from django.utils import timezone

from practice.reminders import reminders_send


class Command(BaseCommand):
    help = "Queue the weekly practice check-in reminders that are due (safe to run any number of times)."

    def handle(self, *args: Any, **options: Any) -> None:
        count = reminders_send(now=timezone.now())
        self.stdout.write(f"{count} reminder(s) queued")
