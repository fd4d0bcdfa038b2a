"""Move mail left in django-tasks-db's table into the outbox, and delete every old mail task.

Before the outbox, each email was a ``core.mail.email_deliver`` task whose
arguments (subject, bodies, address) stayed in the task table for good:
codes, invitation links, personal messages (issue 10, finding 3). Unsent
ones (ready, or "running" for ever after a killed worker) become outbox
messages, which the worker sends and then blanks; all of them then go.
"""

from django.db import migrations
from django.utils import timezone

OLD_TASK = "core.mail.email_deliver"


def tasks_to_outbox(apps, schema_editor):
    task_results = apps.get_model("django_tasks_database", "DBTaskResult")
    outbox = apps.get_model("core", "OutboxMessage")
    now = timezone.now()
    old = task_results.objects.filter(task_path=OLD_TASK)
    for task in old.filter(status__in=["READY", "RUNNING"]):
        kwargs = (task.args_kwargs or {}).get("kwargs") or {}
        for address in kwargs.get("to") or []:
            outbox.objects.create(
                template="(from the old task queue)",
                to=address,
                subject=str(kwargs.get("subject", ""))[:300],
                body_text=kwargs.get("body_text", ""),
                body_html=kwargs.get("body_html", ""),
                user_id=None,
                created_at=task.enqueued_at or now,
                next_attempt_at=now,
            )
    old.delete()


class Migration(migrations.Migration):
    dependencies = [
        ("core", "0001_outbox"),
        ("django_tasks_database", "0021_conditional_partial_index_ordering"),
    ]

    operations = [migrations.RunPython(tasks_to_outbox, migrations.RunPython.noop)]
