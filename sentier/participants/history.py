"""A file's change history in words: each changed field by its name in the reader's language,
each value as the pages show it (a choice's label, a related row's name, a date in words), never
a column name, a code or an id."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Any

from django.core.exceptions import FieldDoesNotExist
from django.db import models
from django.utils.text import capfirst
from django.utils.translation import gettext

from sentier.core.formatting import clock, long_date


@dataclass(frozen=True)
class Change:
    field: str
    old: str
    new: str


def _value(field: models.Field[Any, Any], value: Any) -> str:
    if value is None or value == "":
        return ""
    if field.choices:
        return str(dict(field.flatchoices).get(value, value))
    if isinstance(field, models.ForeignKey):
        related = field.related_model._default_manager.filter(pk=value).first()  # type: ignore[union-attr]
        return str(related) if related is not None else ""
    if isinstance(field, models.BooleanField):
        return gettext("Yes") if value else gettext("No")
    if isinstance(value, dt.datetime):
        return f"{long_date(value)}, {clock(value)}"
    if isinstance(value, dt.date):
        return long_date(value)
    return str(value)


def readable_changes(model: type[models.Model], changes: list[Any]) -> list[Change]:
    """``simple_history``'s ``ModelChange`` rows as words (a field no longer on the model keeps
    its stored name)."""
    readable = []
    for change in changes:
        try:
            field = model._meta.get_field(change.field)
        except FieldDoesNotExist:
            readable.append(Change(change.field, str(change.old or ""), str(change.new or "")))
            continue
        readable.append(
            Change(
                str(capfirst(getattr(field, "verbose_name", change.field))),
                _value(field, change.old),  # type: ignore[arg-type]
                _value(field, change.new),  # type: ignore[arg-type]
            )
        )
    return readable
