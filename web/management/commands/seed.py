import time
from typing import Any

from django.core.management.base import BaseCommand, CommandParser

from web.seed import SEED_DOMAIN, seed_couples


class Command(BaseCommand):
    help = (
        f"Add N couples with checkups, in bulk, for the benchmark. Seeded accounts live at @{SEED_DOMAIN} "
        "and cannot sign in."
    )

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("--couples", type=int, required=True, help="how many couples to add")

    def handle(self, *args: Any, couples: int, **options: Any) -> None:
        started = time.monotonic()

        def progress(done: int) -> None:
            if done % 10000 == 0 or done == couples:
                self.stdout.write(f"{done} of {couples} couples ({time.monotonic() - started:.0f} s)")

        first = seed_couples(couples=couples, progress=progress)
        self.stdout.write(
            self.style.SUCCESS(
                f"Seeded couples {first} to {first + couples - 1} in {time.monotonic() - started:.0f} s."
            )
        )
