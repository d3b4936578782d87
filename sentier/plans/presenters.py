"""What the plan page shows for each row, computed once per request in Python.

A plan page lists hundreds of rows; asking the template for ``get_status_display``, ``{% url %}``
and Babel dates row by row costs more than the queries. Here each label is looked up in a dict
built once, each address is a reversed pattern with the row's UUID put in, and each date is
formatted once.
"""

from __future__ import annotations

import datetime as dt
import uuid
from collections.abc import Callable, Sequence
from functools import cache
from typing import Any

from django.urls import reverse
from django.utils import timezone
from django.utils.text import Truncator
from django.utils.translation import gettext as _

from sentier.consent.models import InformationCategory
from sentier.core.formatting import clock, long_date
from sentier.plans.models import (
    ActionKind,
    ActionStatus,
    FollowUpMode,
    FollowUpStatus,
    ObjectiveStatus,
    Who,
)
from sentier.plans.selectors import PlanContent
from sentier.plans.timeline_kinds import SupportPlanEventKind

_SENTINEL = uuid.UUID(int=0)


def _address(name: str) -> Callable[[uuid.UUID], str]:
    pattern = reverse(name, args=[_SENTINEL])
    marker = str(_SENTINEL)
    return lambda key: pattern.replace(marker, str(key))


def _labels(choices: Sequence[tuple[str, object]]) -> dict[str, str]:
    return {value: str(label) for value, label in choices}


def action_headers() -> dict[str, str]:
    """The column headers of the action tables (translated once, not once per table)."""
    return {
        "what": _("What"),
        "who": _("Who"),
        "when": _("By when"),
        "status": _("Status"),
        "change": _("Change"),
        "none": _("No action yet."),
    }


def person_and_body(user: Any) -> str:
    """A writer as the person reads them: their name, and the organization they work for."""
    name = user.get_full_name() or str(user)
    organization = user.organization if user.organization_id else None
    return f"{name} ({organization.name})" if organization is not None else name


def authorship(row: Any) -> str:
    """Who wrote a row, and who changed it last when that is someone else ("" when unknown)."""
    if row.written_by_id is None:
        return ""
    text = _("Written by %(who)s") % {"who": person_and_body(row.written_by)}
    if row.changed_by_id is not None and row.changed_by_id != row.written_by_id:
        text += " · " + _("last changed by %(who)s") % {"who": person_and_body(row.changed_by)}
    return text


def present(content: PlanContent) -> PlanContent:
    """Attach ``*_label`` and ``*_url`` attributes to the rows of ``content`` (in place)."""

    @cache
    def day(value: dt.date) -> str:
        return long_date(value)

    @cache
    def time_of_day(hour: int, minute: int) -> str:
        return clock(dt.time(hour, minute))

    def moment(value: dt.datetime) -> str:
        local = timezone.localtime(value)
        return f"{day(local.date())}, {time_of_day(local.hour, local.minute)}"

    objective_status = _labels(ObjectiveStatus.choices)
    action_status = _labels(ActionStatus.choices)
    who = _labels(Who.choices)
    mode = _labels(FollowUpMode.choices)
    follow_up_status = _labels(FollowUpStatus.choices)
    kinds = _labels(SupportPlanEventKind.choices)
    action_kinds = _labels(ActionKind.choices)
    categories = _labels(InformationCategory.choices)
    edit_objective = _address("plans:edit_objective")
    edit_action = _address("plans:edit_action")
    record_follow_up = _address("plans:record_follow_up")
    add_action = reverse("plans:add_action", args=[content.plan.uuid])
    for number, objective in enumerate(content.objectives, start=1):
        objective.number = number  # type: ignore[attr-defined]
        objective.status_label = objective_status[objective.status]  # type: ignore[attr-defined]
        objective.author_label = authorship(objective)  # type: ignore[attr-defined]
        objective.category_label = categories.get(objective.category, "")  # type: ignore[attr-defined]
        objective.edit_url = edit_objective(objective.uuid)  # type: ignore[attr-defined]
        objective.add_action_url = f"{add_action}?objective={objective.uuid}"  # type: ignore[attr-defined]
        objective.actions_caption = _("Actions of objective %(number)s") % {  # type: ignore[attr-defined]
            "number": number
        }
        objective.edit_text = _("Change objective %(number)s") % {"number": number}  # type: ignore[attr-defined]
        objective.add_action_text = _("Add an action to objective %(number)s") % {  # type: ignore[attr-defined]
            "number": number
        }
    for action in content.actions:
        action.who_label = who[action.who]  # type: ignore[attr-defined]
        action.status_label = action_status[action.status]  # type: ignore[attr-defined]
        action.author_label = authorship(action)  # type: ignore[attr-defined]
        # Only what is not an ordinary step is named (volunteering, social participation).
        action.kind_label = "" if action.kind == ActionKind.STEP else action_kinds[action.kind]  # type: ignore[attr-defined]
        action.due_label = day(action.due_on) if action.due_on else "—"  # type: ignore[attr-defined]
        action.edit_url = edit_action(action.uuid)  # type: ignore[attr-defined]
        action.edit_text = _("Change “%(what)s”") % {  # type: ignore[attr-defined]
            "what": Truncator(action.what).chars(40)
        }
    for follow_up in content.follow_ups:
        follow_up.when_label = moment(follow_up.scheduled_for)  # type: ignore[attr-defined]
        follow_up.day_label = day(timezone.localtime(follow_up.scheduled_for).date())  # type: ignore[attr-defined]
        follow_up.mode_label = mode[follow_up.mode]  # type: ignore[attr-defined]
        follow_up.status_label = follow_up_status[follow_up.status]  # type: ignore[attr-defined]
        follow_up.author_label = authorship(follow_up)  # type: ignore[attr-defined]
        follow_up.edit_url = record_follow_up(follow_up.uuid)  # type: ignore[attr-defined]
        follow_up.edit_text = _("Record or change the follow-up of %(day)s") % {  # type: ignore[attr-defined]
            "day": follow_up.day_label  # type: ignore[attr-defined]
        }
    for event in content.events:
        event.kind_label = kinds.get(event.kind, event.kind)  # type: ignore[attr-defined]
        event.when_label = moment(event.occurred_at)  # type: ignore[attr-defined]
    return content
