"""The Ontario demo: only in the Ontario configuration, idempotent, through the real actions."""

from __future__ import annotations

from typing import Any

from django.utils import timezone

from sentier.accounts.models import User
from sentier.correspondence.models import Notice
from sentier.ontario import demo, views
from sentier.ontario.models import (
    ActionPlan,
    CommonAssessment,
    DeterminationPackage,
    ODSPApplication,
    OWApplication,
)
from sentier.outbox.models import OutboxMessage
from sentier.site import demo as site_demo


def test_the_quebec_demo_gets_nothing_from_ontario(db: None) -> None:
    demo.load_demo()
    assert not User.objects.filter(email="caseworker.toronto@sentier.demo").exists()
    assert not OWApplication.objects.exists()


def test_the_ontario_demo_shows_each_part_and_runs_twice_harmlessly(
    ontario: dict[str, Any],
) -> None:
    demo.load_demo()
    demo.load_demo()
    assert User.objects.filter(email__in=[p.email for p in demo.ONTARIO_PERSONAS]).count() == 6
    # More applications to decide than one page of the worklist, some assigned to the intake
    # unit's persona; one waiting for information, one refused.
    pending = OWApplication.objects.filter(status="pending")
    assert pending.count() == 2 + len(demo.BUSY_OFFICE)
    assert pending.count() > views.PAGE_SIZE
    assert pending.filter(assigned_to__email="ow.intake@sentier.demo").exists()
    assert pending.filter(assigned_to__isnull=True).count() > views.PAGE_SIZE // 2
    assert OWApplication.objects.filter(status="info_asked").count() == 1
    assert OWApplication.objects.filter(status="refused").count() == 1
    # Every granted case was transferred to the local office; the fast-tracked one has its
    # action plan still to set.
    granted = OWApplication.objects.filter(status="granted")
    assert not granted.filter(transferred_at__isnull=True).exists()
    fast = granted.get(route="employment_ontario")
    assert not ActionPlan.objects.filter(participant=fast.participant).exists()
    assert CommonAssessment.objects.filter(assigned_to__isnull=False).count() == 2
    assert OWApplication.objects.filter(route="employment_ontario").count() == 1
    assert OutboxMessage.objects.filter(channel="employment_ontario").count() == 1
    assert CommonAssessment.objects.count() == 3
    assert ActionPlan.objects.filter(next_review_on__lt=timezone.localdate()).count() == 1
    assert ODSPApplication.objects.count() == 4
    assert DeterminationPackage.objects.filter(status="queued").count() == 1


def test_the_ontario_demo_tells_people_by_their_channel_once(ontario: dict[str, Any]) -> None:
    """The whole Ontario demo (``sentier load_demo`` in Ontario) plans its notices last, as
    Québec's does: the correspondence pages and the day's mailing show something; a second load
    plans nothing more."""
    site_demo.load_demo()
    notices = set(Notice.objects.values_list("id", flat=True))
    assert notices
    assert Notice.objects.filter(participant__region__jurisdiction="ON").count() == len(notices)
    site_demo.load_demo()
    assert set(Notice.objects.values_list("id", flat=True)) == notices
