"""What other capabilities do when an application is submitted (Ontario routes it to its unit).

Registered explicitly, in their ``AppConfig.ready``, so intake depends on none of them (the
pattern of ``sentier.consent.hooks``).
"""

from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING, Protocol

if TYPE_CHECKING:
    from sentier.accounts.models import User
    from sentier.intake.models import Application, Recommendation


class SubmissionHandler(Protocol):
    def __call__(
        self,
        *,
        application: Application,
        recommendation: Recommendation,
        at: dt.datetime,
        actor: User | None,
    ) -> object: ...


_on_submitted: list[SubmissionHandler] = []


def on_submitted(handler: SubmissionHandler) -> SubmissionHandler:
    """Register ``handler(application=…, recommendation=…, at=…, actor=…)``: it runs inside the
    sending's transaction, after its own timeline events and in the same insert, and decides for
    itself whether the application concerns it."""
    if handler not in _on_submitted:
        _on_submitted.append(handler)
    return handler


def run_submitted_handlers(
    *,
    application: Application,
    recommendation: Recommendation,
    at: dt.datetime,
    actor: User | None,
) -> None:
    for handler in _on_submitted:
        handler(application=application, recommendation=recommendation, at=at, actor=actor)
