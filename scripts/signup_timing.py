"""Time sign-up for an address that has an account and for a new one: `make signup-timing`.

Prints the median time of each, so anyone can see that the answer's timing
no longer tells whether an address has an account (issue 10, finding 4).
Runs on a throwaway SQLite database in var/ with the real password hasher,
rate limits off (this script is the only visitor) and mail kept in memory.
"""

import logging
import os
import statistics
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
DB = ROOT / "var" / "signup-timing.sqlite3"
ROUNDS = int(os.environ.get("ROUNDS", "15"))


def main() -> None:
    DB.parent.mkdir(parents=True, exist_ok=True)
    DB.unlink(missing_ok=True)
    os.environ.update(
        {
            "DJANGO_SETTINGS_MODULE": "config.settings.base",
            "DATABASE_URL": f"sqlite:///{DB}",
            "EMAIL_URL": "dummymail://",
            "LOG_LEVEL": "WARNING",
        }
    )
    sys.path.insert(0, str(ROOT))
    import django
    from django.conf import settings

    django.setup()
    logging.disable(logging.INFO)
    settings.ACCOUNT_RATE_LIMITS = False
    settings.ALLOWED_HOSTS = ["testserver"]
    from django.core.management import call_command
    from django.test import Client
    from django.urls import reverse

    from accounts.models import User

    call_command("migrate", verbosity=0)
    call_command("createcachetable", verbosity=0)
    User.objects.create_user("known@example.org", "a-long-timing-passphrase", display_name="Known")
    password = "another-long-timing-passphrase"  # noqa: S105 (a throwaway database)

    def signup(email: str) -> float:
        client = Client()
        started = time.perf_counter()
        response = client.post(
            reverse("account_signup"),
            {"email": email, "display_name": "Someone", "password1": password, "password2": password},
        )
        elapsed = time.perf_counter() - started
        if response.status_code != 302:
            raise SystemExit(f"sign-up answered {response.status_code}, expected a redirect")
        return elapsed

    signup("warm-up@example.org")
    known, new = [], []
    for round_ in range(ROUNDS):
        # Interleaved, so that a slow moment of the machine hits both alike.
        known.append(signup("known@example.org"))
        new.append(signup(f"new{round_}@example.org"))
    print(f"sign-up, {ROUNDS} rounds each, median:")
    print(f"  address with an account: {statistics.median(known) * 1000:6.1f} ms")
    print(f"  new address:             {statistics.median(new) * 1000:6.1f} ms")
    DB.unlink(missing_ok=True)


if __name__ == "__main__":
    main()
