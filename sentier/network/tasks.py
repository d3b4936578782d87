"""Background tasks of the partner network (django-tasks, database backend).

Run by ``manage.py db_worker``. The time-driven ones take the moment to act as (ISO 8601) so
that a replay acts as it would have then; without it, now.
"""

from __future__ import annotations

import datetime as dt

from django.utils import timezone
from django_tasks import task

from sentier.network.actions import expire_offers as expire
from sentier.network.csv_import import run_import_job
from sentier.network.models import ImportJob, ImportStatus
from sentier.network.reminders import send_capacity_reminders


def _moment(at: str | None) -> dt.datetime:
    if not at:
        return timezone.now()
    moment = dt.datetime.fromisoformat(at)
    return timezone.make_aware(moment) if timezone.is_naive(moment) else moment


@task()
def run_service_import(job_uuid: str) -> str:
    """Check (and unless a dry run, apply) an uploaded CSV of services and capacity.

    Run again (its worker died: ``sentier.site.leases``), a finished job is left as it is; one
    cut off while running is planned again against the directory as it now is, so the lines
    it had applied are updates to the same values."""
    job = ImportJob.objects.get(uuid=job_uuid)
    if job.status in (ImportStatus.DONE, ImportStatus.FAILED):
        return str(job.status)
    return str(run_import_job(job).status)


@task()
def capacity_reminders(at: str | None = None) -> int:
    """Remind organizations with stale capacity; returns how many were reminded."""
    return len(send_capacity_reminders(now=_moment(at)).reminded)


@task()
def expire_offers(at: str | None = None) -> int:
    """Expire unanswered offers and pass each place to the next person waiting."""
    return len(expire(now=_moment(at)))
