"""System checks of the Ontario configuration: a production deployment must not generate
Disability Determination Packages with the placeholder return address (applicants would mail
their completed package to an address that does not exist)."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from django.apps import AppConfig
from django.conf import settings
from django.core.checks import CheckMessage, Error

from sentier.ontario.package import return_address_is_placeholder


def check_odsp_return_address(
    app_configs: Sequence[AppConfig] | None = None, **kwargs: Any
) -> list[CheckMessage]:
    if not getattr(settings, "SENTIER_PRODUCTION", False):
        return []
    if settings.SENTIER_JURISDICTION != "on" or not return_address_is_placeholder():
        return []
    return [
        Error(
            "SENTIER_ODSP_RETURN_ADDRESS is still the placeholder: Disability Determination "
            "Packages cannot be generated in production.",
            hint=(
                "Set SENTIER_ODSP_RETURN_ADDRESS to the ODSP intake unit's real address, one "
                "line per '|'."
            ),
            id="sentier.ontario.E001",
        )
    ]
