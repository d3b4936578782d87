from __future__ import annotations

from typing import Any

from django.test import Client

from sentier.ontario import actions
from sentier.ontario.tests.helpers import ow_of, send_application


def test_smoke(ontario: dict[str, Any]) -> None:
    application = send_application(Client())
    ow = ow_of(application)
    assert ow.employment_ready
    assert ow.eo_consent == "given"
    ow = actions.grant_ow_application(actor=ontario["tara"], ow_application=ow)
    assert ow.route == "employment_ontario", (ow.route_reason, ow.route_explanation)
