"""`make run` in the Ontario configuration loads its demo: nothing of a Québec-only measure is
attempted there (Québec staff reach no Ontario file)."""

from __future__ import annotations

from typing import Any

import pytest
from django.core.management import call_command

from sentier.ontario.models import OWApplication
from sentier.paas.models import Placement

pytestmark = pytest.mark.django_db


def test_load_demo_succeeds_in_the_ontario_configuration(settings: Any) -> None:
    settings.SENTIER_JURISDICTION = "on"
    placements = Placement.objects.count()

    call_command("load_demo", "--participants", "5", "--quiet-logins", verbosity=0)

    assert OWApplication.objects.exists()
    assert Placement.objects.count() == placements  # no PAAS Action demo in Ontario
