"""What other capabilities do when a consent is withdrawn (stop deliveries, tell recipients).

Registered explicitly, in their ``AppConfig.ready``, so the consent app depends on none of them.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from sentier.accounts.models import User
    from sentier.consent.models import Consent

WithdrawalHandler = Callable[["Consent", "User | None"], None]

_on_withdrawal: list[WithdrawalHandler] = []


def on_withdrawal(handler: WithdrawalHandler) -> WithdrawalHandler:
    """Decorator: call ``handler(consent, actor)`` inside the withdrawal's transaction."""
    if handler not in _on_withdrawal:
        _on_withdrawal.append(handler)
    return handler


def run_withdrawal_handlers(consent: Consent, actor: User | None) -> None:
    for handler in _on_withdrawal:
        handler(consent, actor)
