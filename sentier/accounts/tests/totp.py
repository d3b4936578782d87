"""The code an authenticator app shows now, for a test's TOTP secret."""

from __future__ import annotations

from allauth.mfa.totp.internal.auth import (
    format_hotp_value,
    hotp_value,
    yield_hotp_counters_from_time,
)


def current_code(secret: str) -> str:
    """The code of the current 30-second step: the middle of the steps allauth accepts
    (``MFA_TOTP_TOLERANCE`` steps before and after it), so a step that ends while the request
    is on its way still leaves the code good."""
    counters = list(yield_hotp_counters_from_time())
    return str(format_hotp_value(hotp_value(secret, counters[len(counters) // 2])))
