"""The mail worker keeps going through a database outage and says when it is alive."""

import os
import time

import pytest
from django.core.management import CommandError, call_command
from django.db import OperationalError

from core.worker import Worker


def test_the_worker_backs_off_and_carries_on_through_a_database_outage(tmp_path):
    pauses: list[float] = []
    calls = iter([OperationalError("server closed the connection"), OperationalError("refused"), 2, 0, 0])

    def deliver(**kwargs):
        outcome = next(calls)
        if isinstance(outcome, Exception):
            raise outcome
        return outcome

    worker = Worker(deliver=deliver, sleep=pauses.append, heartbeat=tmp_path / "beat", interval=0.5)
    worker.run(turns=5)

    assert pauses == [1.0, 2.0, 0.5]  # two outage backoffs, none after a busy turn, one idle poll
    assert (tmp_path / "beat").exists()


def test_the_worker_backoff_is_capped(tmp_path, settings):
    settings.WORKER_MAX_BACKOFF_SECONDS = 4
    pauses: list[float] = []

    def deliver(**kwargs):
        raise OperationalError("down")

    Worker(deliver=deliver, sleep=pauses.append, heartbeat=tmp_path / "beat").run(turns=5)

    assert pauses == [1.0, 2.0, 4.0, 4.0, 4.0]


def test_the_healthcheck_fails_without_a_recent_heartbeat_and_passes_with_one(tmp_path, settings):
    settings.WORKER_HEARTBEAT_FILE = str(tmp_path / "beat")
    with pytest.raises(CommandError, match="no worker heartbeat"):
        call_command("task_worker", check=True)

    (tmp_path / "beat").touch()
    call_command("task_worker", check=True)

    long_ago = time.time() - 3600
    os.utime(tmp_path / "beat", (long_ago, long_ago))
    with pytest.raises(CommandError, match="heartbeat"):
        call_command("task_worker", check=True)
