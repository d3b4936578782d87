"""``manage.py check --deploy``: what must never reach production is an error, not a warning.

Django only warns (``security.W009``) about a weak ``SECRET_KEY``; a weak key lets anyone forge
sessions, password-reset links and the signed links Sentier sends to organizations, so here it
stops the deployment: fewer than 50 characters, fewer than 5 different ones, Django's
``django-insecure-`` prefix, or the demo key published in this repository.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from django.apps import AppConfig
from django.conf import settings
from django.core.checks import CheckMessage, Error
from django.core.checks.security.base import (
    SECRET_KEY_INSECURE_PREFIX,
    SECRET_KEY_MIN_LENGTH,
    SECRET_KEY_MIN_UNIQUE_CHARACTERS,
)

DEMO_KEY_PREFIX = "insecure-local-demo-key"  # config.settings' default, for the local demo only


def secret_key_weakness(key: str) -> str | None:
    """Why ``key`` is too weak to sign anything in production, or None."""
    if key.startswith((SECRET_KEY_INSECURE_PREFIX, DEMO_KEY_PREFIX)):
        return "it is a published default key"
    if len(key) < SECRET_KEY_MIN_LENGTH:
        return f"it has fewer than {SECRET_KEY_MIN_LENGTH} characters"
    if len(set(key)) < SECRET_KEY_MIN_UNIQUE_CHARACTERS:
        return f"it has fewer than {SECRET_KEY_MIN_UNIQUE_CHARACTERS} different characters"
    return None


def check_secret_keys(
    app_configs: Sequence[AppConfig] | None = None, **kwargs: Any
) -> list[CheckMessage]:
    keys = [("SECRET_KEY", settings.SECRET_KEY)] + [
        (f"SECRET_KEY_FALLBACKS[{index}]", key)
        for index, key in enumerate(getattr(settings, "SECRET_KEY_FALLBACKS", []))
    ]
    errors: list[CheckMessage] = []
    for name, key in keys:
        weakness = secret_key_weakness(str(key))
        if weakness is not None:
            errors.append(
                Error(
                    f"{name} (SENTIER_SECRET_KEY) is too weak for production: {weakness}.",
                    hint=(
                        "Set SENTIER_SECRET_KEY to a long random value, for example the output "
                        "of: python -c 'import secrets; print(secrets.token_urlsafe(50))'"
                    ),
                    id="sentier.E001",
                )
            )
    return errors
