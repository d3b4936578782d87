"""The append-only access log: who viewed which participant's personal information, and when.

Rows are only ever inserted. ``save`` refuses updates, ``delete`` is refused, and on PostgreSQL a
trigger refuses UPDATE and DELETE at the database level too.
"""

from __future__ import annotations

from typing import Any

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _


class AppendOnlyError(Exception):
    """Raised when code tries to change or delete an access-log row."""


class AccessLogQuerySet(models.QuerySet["AccessLog"]):
    def update(self, **kwargs: Any) -> int:
        raise AppendOnlyError("The access log is append-only.")

    def delete(self) -> tuple[int, dict[str, int]]:
        raise AppendOnlyError("The access log is append-only.")


class AccessChannel(models.TextChoices):
    PAGE = "page", _("Web page")
    API = "api", _("API")
    EXPORT = "export", _("Export")


class AccessLog(models.Model):
    """One showing of a participant's personal information to someone."""

    accessed_at = models.DateTimeField(_("when"), auto_now_add=True, db_index=True)
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("who"),
    )
    # Someone without an account, e.g. an organization answering a referral through a signed
    # link: who it was, as far as Sentier knows ("Signed link sent to <organization>").
    visitor = models.CharField(_("who (no account)"), max_length=200, blank=True)
    participant = models.ForeignKey(
        "participants.Participant",
        on_delete=models.PROTECT,
        related_name="access_log",
        verbose_name=_("whose file"),
    )
    what = models.CharField(_("what was shown"), max_length=120)
    channel = models.CharField(
        _("channel"), max_length=10, choices=AccessChannel.choices, default=AccessChannel.PAGE
    )
    path = models.CharField(_("address"), max_length=300, blank=True)

    objects = AccessLogQuerySet.as_manager()

    class Meta:
        ordering = ["-accessed_at", "-id"]
        indexes = [models.Index(fields=["participant", "-accessed_at"])]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(user__isnull=False) | ~models.Q(visitor=""),
                name="accesslog_someone",
            )
        ]
        verbose_name = _("access log entry")
        verbose_name_plural = _("access log")

    def __str__(self) -> str:
        return f"{self.user or self.visitor} → {self.participant_id} ({self.what})"

    def save(self, *args: Any, **kwargs: Any) -> None:
        if self.pk is not None:
            raise AppendOnlyError("The access log is append-only.")
        super().save(*args, **kwargs)

    def delete(self, *args: Any, **kwargs: Any) -> tuple[int, dict[str, int]]:
        raise AppendOnlyError("The access log is append-only.")
