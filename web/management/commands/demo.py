from typing import Any

from django.core.management.base import BaseCommand

from web.demo import DEMO_PASSWORD, demo_load


class Command(BaseCommand):
    help = "Create the demo couples (idempotent): verified accounts you can log in as."

    def handle(self, *args: Any, **options: Any) -> None:
        emails = demo_load()
        self.stdout.write(f"Demo accounts (password {DEMO_PASSWORD!r}): " + ", ".join(emails))
