"""Background tasks of support plans (django-tasks, run by ``manage.py db_worker``)."""

from __future__ import annotations

import datetime as dt

from django.core.mail import send_mail
from django.template.loader import render_to_string
from django.utils import translation
from django.utils.translation import gettext as _
from django_tasks import task

from sentier.accounts.models import User
from sentier.plans.actions import mark_reminded
from sentier.plans.models import FollowUp, FollowUpStatus


@task()
def send_follow_up_reminders(caseworker_id: int, follow_up_ids: list[int], now: str) -> int:
    """E-mail one caseworker the follow-ups coming up or overdue; mark them reminded.

    Follow-ups held, cancelled or already reminded since the task was queued are skipped, so a
    task run twice sends nothing the second time.
    """
    at = dt.datetime.fromisoformat(now)
    caseworker = User.objects.filter(pk=caseworker_id, is_active=True).first()
    if caseworker is None or not caseworker.email:
        return 0
    follow_ups = list(
        FollowUp.objects.filter(
            pk__in=follow_up_ids, status=FollowUpStatus.SCHEDULED, reminded_at=None
        )
        .select_related("plan", "plan__participant")
        .order_by("scheduled_for")
    )
    if not follow_ups:
        return 0
    with translation.override(caseworker.preferred_language):
        body = render_to_string(
            "plans/reminder_email.txt",
            {"caseworker": caseworker, "follow_ups": follow_ups, "now": at},
        )
        subject = _("Sentier: %(count)s support plan follow-ups to prepare") % {
            "count": len(follow_ups)
        }
    send_mail(subject, body, None, [caseworker.email])
    return mark_reminded(follow_ups, at)
