"""The one model of the base layer: the transition log shared by every lifecycle, and the mark
of the tables that are written once and never edited."""

from __future__ import annotations

import functools
from typing import Any

from django.conf import settings
from django.contrib.contenttypes.fields import GenericForeignKey
from django.contrib.contenttypes.models import ContentType
from django.db import models


def choice_label(choices: type[models.TextChoices], value: str) -> str:
    """``value``'s label among ``choices``, as Django's ``get_FOO_display`` gives it, with one
    translation: Django's builds the table of every choice's label (a translation each) at each
    call, once a row on a list. A value not among the choices is given back as it is."""
    label = _labels(choices).get(value)
    return value if label is None else str(label)


@functools.cache
def _labels(choices: type[models.TextChoices]) -> dict[str, Any]:
    """Each value's label, lazy (translated when read, in the language of that moment)."""
    return {member.value: member.label for member in choices}


class AppendOnlyError(Exception):
    """Raised when code tries to change or delete a row of an append-only table."""


class AppendOnly:
    """Mixed into a model whose rows are written once and never edited (a transition log): on
    PostgreSQL the application's database role may only read and insert its table
    (``sentier.audit.roles.append_only_tables``) and triggers refuse UPDATE, DELETE and TRUNCATE
    (``sentier.core.append_only``). Nothing that points to it deletes it. The ORM refuses the same
    on every database, before the query is sent."""

    def save(self, *args: Any, **kwargs: Any) -> None:
        if not self._state.adding:  # type: ignore[attr-defined]  # mixed into a Model
            raise AppendOnlyError(f"{type(self).__name__} rows are written once, never changed.")
        super().save(*args, **kwargs)  # type: ignore[misc]  # mixed into a Model

    def delete(self, *args: Any, **kwargs: Any) -> tuple[int, dict[str, int]]:
        raise AppendOnlyError(f"{type(self).__name__} rows are never deleted.")


class Transition(AppendOnly, models.Model):
    """One status move of any object with a lifecycle (:mod:`sentier.core.lifecycle`): who, when,
    which object, from, to, why. Written once, never edited (append-only, like the access log)."""

    content_type = models.ForeignKey(ContentType, on_delete=models.PROTECT, related_name="+")
    object_id = models.PositiveBigIntegerField()
    subject = GenericForeignKey("content_type", "object_id")
    lifecycle = models.CharField(max_length=40)
    from_status = models.CharField(max_length=32, blank=True)  # "": the object was created
    to_status = models.CharField(max_length=32)
    side = models.CharField(max_length=20, blank=True)
    actor = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    # Who acted when there is no user: "scheduled task", "import", …
    actor_label = models.CharField(max_length=120, blank=True)
    reason = models.TextField(blank=True)
    at = models.DateTimeField()

    class Meta:
        ordering = ["at", "id"]
        indexes = [models.Index(fields=["content_type", "object_id", "at"])]

    def __str__(self) -> str:
        return f"{self.lifecycle}: {self.from_status or '∅'} → {self.to_status}"
