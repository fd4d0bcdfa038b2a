"""The loop behind ``manage.py task_worker``: deliver the outbox, survive the database going away.

Why not django-tasks-db's ``db_worker``: see docs/operations.md ("Why our own
worker"). This loop catches a database error on every turn, drops the broken
connection, backs off (1 s, 2 s, 4 s, … up to ``WORKER_MAX_BACKOFF_SECONDS``)
and carries on; it touches a heartbeat file on every turn, outage or not, so a
supervisor can tell a live worker from a hung one.
"""

import logging
import time
from collections.abc import Callable
from pathlib import Path

from django.conf import settings
from django.db import DatabaseError, InterfaceError, connections

from core.outbox import outbox_deliver_due

logger = logging.getLogger("attune.mail")


class Worker:
    def __init__(
        self,
        *,
        heartbeat: Path,
        interval: float = 1.0,
        deliver: Callable[..., int] = outbox_deliver_due,
        sleep: Callable[[float], None] = time.sleep,
    ) -> None:
        self.heartbeat = heartbeat
        self.interval = interval
        self.deliver = deliver
        self.sleep = sleep
        self.running = True

    def stop(self) -> None:
        """Finish the message in hand (its send is recorded), then leave."""
        self.running = False

    def run(self, *, turns: int | None = None) -> None:
        """Loop until stopped (or for ``turns`` turns: tests, ``--once``)."""
        pause = 1.0
        while self.running and turns != 0:
            turns = None if turns is None else turns - 1
            self.heartbeat.touch()
            try:
                tried = self.deliver(patient=True)
            except (DatabaseError, InterfaceError) as error:
                logger.warning("task_worker: database unavailable (%s); retrying in %.0fs", error, pause)
                connections.close_all()
                self.sleep(pause)
                pause = min(pause * 2, settings.WORKER_MAX_BACKOFF_SECONDS)
                continue
            pause = 1.0
            if not tried and self.running and turns != 0:
                self.sleep(self.interval)
