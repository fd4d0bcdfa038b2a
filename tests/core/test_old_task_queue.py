"""Mail left in the old task queue moves to the outbox, and no old mail task stays."""

import importlib

import pytest
from django.apps import apps
from django.utils import timezone
from django_tasks_db.models import DBTaskResult

from core.models import OutboxMessage

pytestmark = pytest.mark.django_db

migration = importlib.import_module("core.migrations.0002_task_queue_mail_to_outbox")


def _old_mail_task(status: str) -> DBTaskResult:
    kwargs = {"subject": "Attune: code", "body_text": "Your code: QX7K-22PL", "body_html": "<p>QX7K-22PL</p>",
              "to": ["robin@example.org"]}  # fmt: skip
    return DBTaskResult.objects.create(
        status=status,
        args_kwargs={"args": [], "kwargs": kwargs},
        task_path="core.mail.email_deliver",
        backend_name="default",
        queue_name="default",
        run_after=timezone.now(),
        exception_class_path="",
        traceback="",
    )


def test_unsent_old_mail_tasks_move_to_the_outbox_and_every_old_mail_task_with_its_body_goes():
    for status in ("READY", "RUNNING", "SUCCESSFUL", "FAILED"):
        _old_mail_task(status)

    migration.tasks_to_outbox(apps, None)

    moved = OutboxMessage.objects.all()
    assert not DBTaskResult.objects.exists()
    assert moved.count() == 2
    assert {m.to for m in moved} == {"robin@example.org"}
    assert all(m.status == OutboxMessage.Status.QUEUED and "QX7K-22PL" in m.body_text for m in moved)
