"""Background deliveries with django-tasks (run by ``manage.py db_worker``)."""

from __future__ import annotations

from django_tasks import task

from sentier.outbox.delivery import deliver_due


@task()
def deliver_outbox(limit: int = 500) -> dict[str, int]:
    """One pass over the due outbox messages; schedule it every minute (or run the command)."""
    report = deliver_due(limit=limit)
    return {
        "delivered": report.delivered,
        "retried": report.retried,
        "failed": report.failed,
        "cancelled": report.cancelled,
    }
