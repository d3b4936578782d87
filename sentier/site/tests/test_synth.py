"""``sentier synth``: a synthetic province the app can use, written by COPY on PostgreSQL. The
main pages open on its files without an error; it refuses SQLite and real data."""

from __future__ import annotations

import datetime as dt
from io import StringIO
from typing import Any

import pytest
from django.core.management import CommandError, call_command
from django.db import connection
from django.test import Client
from django.urls import reverse
from django.utils import timezone

from sentier.accounts.models import Role, User
from sentier.intake.models import Recommendation
from sentier.paas.models import AttendanceEntry, Placement
from sentier.participants.models import Participant, TimelineEvent
from sentier.plans.models import SupportPlan
from sentier.referrals.models import Referral, ReferralTransition
from sentier.site.synth import real_accounts, synthesize

pytestmark = pytest.mark.django_db
postgresql_only = pytest.mark.skipif(
    connection.vendor != "postgresql", reason="sentier synth writes with PostgreSQL's COPY"
)


def _as(user: User | None) -> Client:
    assert user is not None
    client = Client()
    client.force_login(user)
    return client


def _ok(client: Client, url: str) -> None:
    response = client.get(url)
    assert response.status_code == 200, (url, response.status_code)


@postgresql_only
def test_the_main_pages_open_on_synthetic_files(personas: dict[str, Any]) -> None:
    counts = synthesize(participants=200, seed=7)
    files = Participant.objects.filter(file_number__startswith="S-")
    assert files.count() == counts["participants_participant"] == 200
    assert TimelineEvent.objects.filter(participant__in=files).count() >= 200 * 6
    # Referrals in many states, each reached through the lifecycle's moves.
    referrals = Referral.objects.filter(participant__in=files)
    assert referrals.values("status").distinct().count() >= 5
    for referral in referrals:
        moves = list(
            ReferralTransition.objects.filter(referral=referral)
            .order_by("at", "id")
            .values_list("from_status", "to_status")
        )
        assert [to for _, to in moves][-1:] == ([referral.status] if moves else [])
    plan = SupportPlan.objects.filter(participant__in=files, status="active").first()
    assert plan is not None
    # Placements have their weekly attendance once their first week is over.
    today = timezone.localdate()
    placements = Placement.objects.filter(participant__in=files)
    for one in placements:
        if one.start_date + dt.timedelta(days=7) < (one.end_date or today):
            assert AttendanceEntry.objects.filter(placement=one).exists(), one.start_date
    placement = placements.first()
    assert placement is not None

    laval = personas["caseworker_laval"]
    caseworker = _as(laval)
    caseload = reverse("participants:caseload")
    for url in (caseload, f"{caseload}?scope=all&page=2", f"{caseload}?scope=all&q=Tremblay"):
        _ok(caseworker, url)
    _ok(caseworker, reverse("intake:review_queue"))
    _ok(caseworker, "/fr-ca/")
    for participant in [plan.participant, placement.participant, referrals[0].participant]:
        own = _as(participant.caseworker)
        _ok(own, reverse("participants:file", kwargs={"participant_uuid": participant.uuid}))
        _ok(own, "/fr-ca/")
    _ok(_as(plan.caseworker), reverse("plans:detail", kwargs={"plan_uuid": plan.uuid}))
    referral = referrals[0]
    _ok(
        _as(referral.participant.caseworker),
        reverse("referrals:detail", kwargs={"referral_uuid": referral.uuid}),
    )
    _ok(
        _as(placement.participant.caseworker),
        reverse("paas:placement_detail", kwargs={"placement_uuid": placement.uuid}),
    )
    recommendation = Recommendation.objects.filter(participant__in=files).first()
    assert recommendation is not None
    _ok(_as(personas["analyst"]), reverse("core:statistics"))
    page = _as(personas["analyst"]).get("/fr-ca/statistics/").content.decode()
    assert f"{Participant.objects.count()}" in page.replace("\u202f", "").replace(" ", "")


@postgresql_only
def test_the_same_seed_gives_the_same_province(personas: dict[str, Any]) -> None:
    with connection.cursor() as cursor:
        cursor.execute("SAVEPOINT synth_twice")
    synthesize(participants=30, seed=3)
    first = list(
        Participant.objects.filter(file_number__startswith="S-")
        .order_by("id")
        .values_list("last_name", "region__code", "status", "birth_date")
    )
    with connection.cursor() as cursor:
        cursor.execute("ROLLBACK TO SAVEPOINT synth_twice")
    synthesize(participants=30, seed=3)
    again = list(
        Participant.objects.filter(file_number__startswith="S-")
        .order_by("id")
        .values_list("last_name", "region__code", "status", "birth_date")
    )
    assert first == again


@postgresql_only
def test_synth_refuses_a_database_with_real_accounts(personas: dict[str, Any]) -> None:
    User.objects.create(email="marie@gouv.qc.ca", role=Role.ANALYST)
    assert real_accounts() == 1
    before = Participant.objects.count()
    with pytest.raises(CommandError, match="--force"):
        call_command("synth", participants=10, no_progress=True)
    assert Participant.objects.count() == before
    call_command("synth", participants=10, force=True, no_progress=True, stdout=StringIO())
    assert Participant.objects.count() == before + 10


@pytest.mark.skipif(connection.vendor == "postgresql", reason="the SQLite refusal")
def test_synth_refuses_sqlite_with_a_clear_message() -> None:
    with pytest.raises(CommandError, match="PostgreSQL"):
        call_command("synth", participants=10, no_progress=True)


@pytest.mark.django_db
def test_demo_and_synth_accounts_are_not_real_people() -> None:
    """The demo's indicator accounts live on a subdomain of the synth domain: a database that
    holds only the demo is not refused (it was, with 17 'real' accounts)."""
    before = real_accounts()
    for email in (
        "someone.new@sentier.demo",
        "region99@indicateurs.synth.sentier.invalid",
        "cw999999@synth.sentier.invalid",
    ):
        User.objects.create(email=email, role=Role.ANALYST)
    assert real_accounts() == before
    User.objects.create(email="someone@notsynth.sentier.invalid", role=Role.ANALYST)
    assert real_accounts() == before + 1
