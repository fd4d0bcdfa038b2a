"""``manage.py task_worker``: send the mail outbox, and keep at it through outages.

The loop is ``core.worker.Worker``; docs/operations.md says how to run it
and why it replaces django-tasks-db's ``db_worker`` for mail.
"""

import logging
import signal
import time
from collections.abc import Callable
from pathlib import Path
from types import FrameType
from typing import Any

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError, CommandParser

from core.worker import Worker

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
        worker = Worker(heartbeat=heartbeat, interval=interval)
        worker.sleep = self._sleeper(worker)

        def stop(signum: int, frame: FrameType | None) -> None:
            worker.stop()

        signal.signal(signal.SIGTERM, stop)
        signal.signal(signal.SIGINT, stop)
        logger.info("task_worker: started (interval %.1fs)", interval)
        worker.run(turns=1 if once else None)
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

    @staticmethod
    def _sleeper(worker: Worker) -> Callable[[float], None]:
        def sleep(seconds: float) -> None:
            # In short steps, so that SIGTERM does not wait out a long backoff.
            deadline = time.monotonic() + seconds
            while worker.running and time.monotonic() < deadline:
                time.sleep(min(0.2, max(deadline - time.monotonic(), 0)))

        return sleep
