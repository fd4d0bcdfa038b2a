"""``manage.py task_worker``: send the mail outbox, and keep at it through outages.

Why not django-tasks-db's ``db_worker`` (docs/operations.md, "Why our own
worker"): its loop opens the database connection outside its error handling,
so the first outage ends the process; a task left "running" by a killed
worker is never taken back; and a failed task is never retried. Mail lives in
the outbox (core/outbox.py) instead, which has leases and retries, and this
loop survives the database going away: it backs off, reconnects and carries
on. It touches a heartbeat file on every turn, outage or not, so a
supervisor can tell a live worker from a hung one (``--check``).
"""

import logging
import signal
import time
from pathlib import Path
from types import FrameType
from typing import Any

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError, CommandParser
from django.db import DatabaseError, InterfaceError, connections

from core.outbox import outbox_deliver_due

logger = logging.getLogger("attune.mail")


class Command(BaseCommand):
    help = "Send queued mail from the outbox; retries, leases and reconnects (docs/operations.md)."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("--interval", type=float, default=1.0, help="seconds between polls when idle")
        parser.add_argument("--once", action="store_true", help="deliver what is due, then exit")
        parser.add_argument(
            "--check", action="store_true", help="healthcheck: exit 1 unless a worker beat recently"
        )

    def handle(self, *args: Any, interval: float, once: bool, check: bool, **options: Any) -> None:
        heartbeat = Path(settings.WORKER_HEARTBEAT_FILE)
        if check:
            self._check(heartbeat, interval)
            return
        self.running = True
        signal.signal(signal.SIGTERM, self._stop)
        signal.signal(signal.SIGINT, self._stop)
        logger.info("task_worker: started (interval %.1fs)", interval)
        pause = 1.0
        while self.running:
            heartbeat.touch()
            try:
                tried = outbox_deliver_due(patient=True)
            except (DatabaseError, InterfaceError) as error:
                # The database went away: drop the broken connection, wait, try again.
                logger.warning("task_worker: database unavailable (%s); retrying in %.0fs", error, pause)
                connections.close_all()
                self._sleep(pause)
                pause = min(pause * 2, settings.WORKER_MAX_BACKOFF_SECONDS)
                continue
            pause = 1.0
            if once:
                return
            if not tried:
                self._sleep(interval)
        logger.info("task_worker: stopped")

    def _check(self, heartbeat: Path, interval: float) -> None:
        # A worker waiting out an outage still beats; only a hung or dead one goes quiet.
        limit = settings.WORKER_MAX_BACKOFF_SECONDS + settings.OUTBOX_LEASE_SECONDS + interval
        try:
            age = time.time() - heartbeat.stat().st_mtime
        except FileNotFoundError as missing:
            raise CommandError("no worker heartbeat yet") from missing
        if age > limit:
            raise CommandError(f"last worker heartbeat {age:.0f}s ago")

    def _sleep(self, seconds: float) -> None:
        deadline = time.monotonic() + seconds
        while self.running and time.monotonic() < deadline:
            time.sleep(min(0.2, deadline - time.monotonic()))

    def _stop(self, signum: int, frame: FrameType | None) -> None:
        # Finish the message in hand (its send is recorded), then leave.
        self.running = False
