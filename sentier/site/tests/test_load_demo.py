"""Demo data: about 200 participants across regions and languages, loaded idempotently."""

from __future__ import annotations

from typing import Any

import pytest
from django.core.management import call_command

from sentier.participants.demo import DEMO_PREFIX
from sentier.participants.models import Participant

# It loads the whole demo or walks every page: longer than the suite's 5-minute limit per test
# allows on a loaded machine (make test: UNIT_LIMITS).
pytestmark = [pytest.mark.django_db, pytest.mark.timeout(900)]


def test_load_demo_twice_is_harmless(personas: Any) -> None:
    call_command("load_demo", "--quiet-logins", verbosity=0)
    first = set(Participant.objects.values_list("file_number", "last_name", "region__code"))
    call_command("load_demo", "--quiet-logins", verbosity=0)
    second = set(Participant.objects.values_list("file_number", "last_name", "region__code"))
    assert first == second
    demo = Participant.objects.filter(file_number__startswith=DEMO_PREFIX)
    assert demo.count() == 201  # 200 synthetic + the participant persona's file
    assert demo.values("region").distinct().count() >= 15
    assert demo.filter(preferred_language="en-ca").count() >= 20
    assert demo.filter(caseworker__isnull=False).count() >= 150
    # The README's "try the API" key works on the demo.
    from sentier.exchange.actions import authenticate_key
    from sentier.exchange.demo import DEMO_KEY

    assert authenticate_key(DEMO_KEY) is not None
