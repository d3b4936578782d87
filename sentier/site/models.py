"""Rows of the site layer: the lease a ``task_worker`` holds on the background task it runs
(``sentier.site.leases``)."""

from __future__ import annotations

from django.db import models
from django.utils.translation import gettext_lazy as _


class TaskLease(models.Model):
    """A worker runs this task and renews the row while it does; deleted when the task ends.
    A lease not renewed in time means the worker died: the task is put back to run again."""

    task = models.OneToOneField(
        "django_tasks_database.DBTaskResult",
        on_delete=models.CASCADE,
        primary_key=True,
        related_name="lease",
    )
    worker_id = models.CharField(_("worker"), max_length=64)
    renewed_at = models.DateTimeField(_("renewed at"))
    #: How many times the task was claimed (kept when it is put back, to stop a task that kills
    #: every worker that runs it).
    attempts = models.PositiveIntegerField(_("attempts"), default=1)

    class Meta:
        verbose_name = _("task lease")
        verbose_name_plural = _("task leases")

    def __str__(self) -> str:
        return f"{self.task_id} ({self.worker_id})"
