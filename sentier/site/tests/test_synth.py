"""``sentier synth``: a synthetic province the app can use, written by COPY on PostgreSQL. The
main pages open on its files without an error; it refuses SQLite and real data."""

from __future__ import annotations

import datetime as dt
from io import StringIO
from typing import Any

import pytest
from django.contrib.contenttypes.models import ContentType
from django.core.management import CommandError, call_command
from django.db import connection
from django.test import Client
from django.urls import reverse
from django.utils import timezone, translation

from sentier.accounts.models import Role, User
from sentier.core.models import Transition
from sentier.intake.models import Recommendation
from sentier.ontario.models import (
    CommonAssessment,
    DeterminationPackage,
    ODSPApplication,
    OWApplication,
)
from sentier.paas.models import AttendanceEntry, Placement
from sentier.participants.models import Participant, TimelineEvent
from sentier.plans.models import SupportPlan
from sentier.reference.loading import LoadReport, load_ontario_data
from sentier.referrals.models import Referral, ReferralTransition
from sentier.serviceplans.models import ServicePlan, ServicePlanRequest
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


def _schema(tables: list[str]) -> set[tuple[str, str]]:
    """The indexes and constraints of ``tables``: (table, definition)."""
    with connection.cursor() as cursor:
        cursor.execute(
            """SELECT tablename, indexdef FROM pg_indexes WHERE tablename = ANY(%s)
            UNION ALL SELECT conrelid::regclass::text, pg_get_constraintdef(oid)
            FROM pg_constraint WHERE conrelid::regclass::text = ANY(%s)""",
            [tables, tables],
        )
        return set(cursor.fetchall())


def _history_follows_the_row(model: type[Any], first: str, created: str) -> None:
    """Each synthetic row's change history, as the actions' saves write it: created ("+") in
    its first status when it was created, then changed ("~"), the last row as the row is."""
    rows = model.objects.filter(participant__file_number__startswith="S-")
    assert rows.exists()
    for row in rows:
        history = list(row.history.order_by("history_date", "history_id"))
        assert history[0].history_type == "+", model
        assert (history[0].status, history[0].history_date) == (first, getattr(row, created))
        assert all(h.history_type == "~" for h in history[1:])
        assert history[-1].status == row.status, (model, [h.status for h in history])
        assert len(history) == 1 or row.status != first


def _ends_where_its_moves_end(model: type[Any], lifecycle: str) -> None:
    """Each row's status is the last of its transitions, which start from its creation."""
    kind = ContentType.objects.get_for_model(model)
    for row in model.objects.filter(participant__file_number__startswith="S-"):
        moves = list(
            Transition.objects.filter(content_type=kind, object_id=row.pk, lifecycle=lifecycle)
            .order_by("at", "id")
            .values_list("from_status", "to_status")
        )
        assert moves[0][0] == ""
        assert moves[-1][1] == row.status, (lifecycle, moves, row.status)


@postgresql_only
def test_service_plans_through_their_lifecycle_and_the_schema_rebuilt(
    personas: dict[str, Any],
) -> None:
    tables = [
        "participants_participant",
        "participants_timelineevent",
        "audit_accesslog",
        "serviceplans_serviceplan",
        "core_transition",
    ]
    before = _schema(tables)
    progress: list[str] = []
    counts = synthesize(
        participants=600, seed=11, rebuild=True, progress=lambda step, *_: progress.append(step)
    )
    # Indexes and constraints dropped for the load are all back, and the output says so.
    assert _schema(tables) == before
    assert "indexes and foreign keys rebuilt" in progress
    assert counts["serviceplans_serviceplan"] > 0
    _ends_where_its_moves_end(ServicePlanRequest, "serviceplans.request")
    _ends_where_its_moves_end(ServicePlan, "serviceplans.plan")
    plan = ServicePlan.objects.filter(participant__file_number__startswith="S-").first()
    assert plan is not None
    assert plan.objectives.exists()
    assert not OWApplication.objects.exists()
    _ok(_as(plan.coordinator), reverse("serviceplans:plan", kwargs={"plan_uuid": plan.uuid}))
    _history_follows_the_row(ServicePlanRequest, "pending", "requested_at")
    _history_follows_the_row(ServicePlan, "awaiting_agreement", "created_at")
    objective = plan.objectives.first()
    assert objective is not None
    assert objective.history.get().history_type == "+"


@postgresql_only
def test_ontario_synth_writes_ow_and_odsp_applications_only_there(settings: Any) -> None:
    settings.SENTIER_JURISDICTION = "on"
    with translation.override(settings.MODELTRANSLATION_DEFAULT_LANGUAGE):
        load_ontario_data(LoadReport())
    counts = synthesize(participants=300, seed=5)
    files = Participant.objects.filter(file_number__startswith="S-")
    assert files.count() == 300
    assert not files.exclude(region__jurisdiction="ON").exists()
    assert not files.exclude(claim_booklet="").exists()  # a Québec fact
    for table in ("plans_supportplan", "paas_placement", "serviceplans_serviceplan"):
        assert table not in counts
    ow = OWApplication.objects.filter(participant__in=files)
    odsp = ODSPApplication.objects.filter(participant__in=files)
    assert ow.values("status").distinct().count() >= 4
    assert odsp.values("status").distinct().count() >= 3
    _ends_where_its_moves_end(OWApplication, "ontario.ow_application")
    _ends_where_its_moves_end(ODSPApplication, "ontario.odsp_application")
    _ends_where_its_moves_end(CommonAssessment, "ontario.assessment")
    granted = ow.filter(status="granted")
    assert granted.exists()
    assert CommonAssessment.objects.filter(ow_application__in=granted).count() == granted.count()
    assert not ow.exclude(participant__program__code="OW").exists()
    assert not odsp.exclude(participant__program__code="ODSP").exists()
    # A granted application's file is the local office's: its caseworker opens it.
    one = granted.first()
    assert one is not None
    with translation.override("en-ca"):
        _ok(
            _as(one.participant.caseworker),
            reverse("participants:file", kwargs={"participant_uuid": one.participant.uuid}),
        )


@postgresql_only
def test_ontario_synth_odsp_applications_go_on_past_the_confirmation(settings: Any) -> None:
    """A confirmed ODSP application's package is queued, mailed, sent back, passed to the
    Disability Adjudication Unit and answered, as far as its dates reach today; the application
    follows the answer. Each step is a transition and a timeline event; the applications carry
    their change history."""
    settings.SENTIER_JURISDICTION = "on"
    with translation.override(settings.MODELTRANSLATION_DEFAULT_LANGUAGE):
        load_ontario_data(LoadReport())
    counts = synthesize(participants=1500, seed=7)
    odsp = ODSPApplication.objects.filter(participant__file_number__startswith="S-")
    packages = DeterminationPackage.objects.filter(odsp_application__in=odsp)
    assert {"granted", "not_granted", "mailed"} <= set(packages.values_list("status", flat=True))
    assert {"granted", "not_granted", "confirmed"} <= set(odsp.values_list("status", flat=True))
    _ends_where_its_moves_end(ODSPApplication, "ontario.odsp_application")
    kind = ContentType.objects.get_for_model(DeterminationPackage)
    # Synth counts its moments back from 06:00 today (the same seed, the same rows all day).
    today = timezone.make_aware(dt.datetime.combine(timezone.localdate(), dt.time(6)))
    for package in packages.select_related("odsp_application"):
        moves = list(
            Transition.objects.filter(content_type=kind, object_id=package.pk)
            .order_by("at", "id")
            .values_list("to_status", "at")
        )
        assert moves[-1][0] == package.status
        assert moves[0][1] == package.generated_at == package.odsp_application.confirmed_at
        assert all(at <= today for _, at in moves)
        assert package.address_complete
        assert bytes(package.pdf).startswith(b"%PDF-")
        application = package.odsp_application
        if package.status in {"granted", "not_granted", "dau_info"}:
            assert application.status == package.status
            assert package.adjudicated_on is not None
        else:
            assert application.status == "confirmed"
    # No package for a member of a prescribed class; every other confirmation has one.
    assert not odsp.filter(status="confirmed", package__isnull=True, prescribed_class=None).exists()
    answered = packages.filter(status="granted").first()
    assert answered is not None
    steps = TimelineEvent.objects.filter(
        participant=answered.odsp_application.participant, kind="odsp_intake"
    ).values_list("data__step", flat=True)
    assert {"queued", "mailed", "returned", "sent_to_dau", "adjudicated"} <= set(steps)
    _history_follows_the_row(ODSPApplication, "received", "received_at")
    _history_follows_the_row(OWApplication, "pending", "received_at")
    assert counts["ontario_historicalodspapplication"] > odsp.count()
