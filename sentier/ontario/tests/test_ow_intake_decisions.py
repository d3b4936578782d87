"""The Ontario Works intake unit's decisions (004 Q11, Q15): grant with the transfer to the local
office, refuse with a reason of the configured list, close on withdrawal, ask for missing
information by a date (closed by the scheduled job when nothing came). Every refusal leaves the
application as it was; a decision from a stale page is said, with what was typed kept."""

from __future__ import annotations

import datetime as dt
import io
from collections.abc import Callable
from typing import Any

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.management import call_command
from django.test import Client
from django.urls import reverse
from django.utils import timezone, translation

from sentier.core.models import Transition
from sentier.ontario import actions
from sentier.ontario.models import ActionPlan, OWApplication
from sentier.ontario.tests.helpers import ow_of, send_application
from sentier.ontario.timeline_kinds import OntarioEventKind
from sentier.participants.models import TimelineEvent

ClientFor = Callable[[str], Client]
FIELDS = ("status", "refusal_reason", "info_asked", "info_due_on", "closed_at", "transferred_at")


@pytest.fixture(autouse=True)
def _in_english() -> Any:
    with translation.override("en-ca"):
        yield


def snapshot(ow: OWApplication) -> tuple[Any, ...]:
    ow.refresh_from_db()
    return (
        tuple(getattr(ow, f) for f in FIELDS),
        TimelineEvent.objects.count(),
        Transition.objects.count(),
    )


def application() -> OWApplication:
    return ow_of(send_application(Client(), ready=False, consent=False))


def decide(decision: str, actor: Any, ow: OWApplication) -> None:
    """One of the intake unit's decisions, with valid input."""
    if decision == "grant":
        actions.grant_ow_application(actor=actor, ow_application=ow)
    elif decision == "refuse":
        actions.refuse_ow_application(actor=actor, ow_application=ow, reason="other")
    elif decision == "withdraw":
        actions.withdraw_ow_application(actor=actor, ow_application=ow)
    else:
        actions.ask_ow_information(
            actor=actor,
            ow_application=ow,
            what="Bank statements",
            due_on=timezone.localdate() + dt.timedelta(days=10),
        )


def test_grant_transfers_to_the_local_office_with_two_timeline_events(
    ontario: dict[str, Any],
) -> None:
    ow = application()
    actions.grant_ow_application(actor=ontario["wendy"], ow_application=ow)
    ow.refresh_from_db()
    assert ow.status == "granted"
    assert ow.transferred_at == ow.granted_at
    kinds = list(
        TimelineEvent.objects.filter(participant=ow.participant).values_list("kind", flat=True)
    )
    assert OntarioEventKind.OW_GRANTED in kinds
    assert OntarioEventKind.OW_TRANSFERRED in kinds


def test_refuse_with_a_reason_of_the_list(ontario: dict[str, Any]) -> None:
    ow = application()
    actions.refuse_ow_application(
        actor=ontario["wendy"], ow_application=ow, reason="income_assets", note="Savings"
    )
    ow.refresh_from_db()
    assert (ow.status, ow.refusal_reason, ow.decision_note) == (
        "refused",
        "income_assets",
        "Savings",
    )
    assert ow.transferred_at is None
    move = Transition.objects.filter(lifecycle="ontario.ow_application").last()
    assert move is not None
    assert (move.to_status, move.reason) == ("refused", "income_assets")


@pytest.mark.parametrize("reason", ["", "not-a-reason"])
def test_a_refusal_without_a_reason_of_the_list_is_refused(
    ontario: dict[str, Any], reason: str
) -> None:
    ow = application()
    before = snapshot(ow)
    with pytest.raises(ValidationError) as refused:
        actions.refuse_ow_application(actor=ontario["wendy"], ow_application=ow, reason=reason)
    assert "reason" in refused.value.message_dict
    assert snapshot(ow) == before


def test_the_refusal_reasons_come_from_the_settings(ontario: dict[str, Any], settings: Any) -> None:
    settings.SENTIER_ONTARIO_OW_REFUSAL_REASONS = {"moved": "Moved out of the province"}
    ow = application()
    with pytest.raises(ValidationError):
        actions.refuse_ow_application(
            actor=ontario["wendy"], ow_application=ow, reason="income_assets"
        )
    actions.refuse_ow_application(actor=ontario["wendy"], ow_application=ow, reason="moved")
    ow.refresh_from_db()
    assert ow.refusal_reason == "moved"


def test_close_on_withdrawal(ontario: dict[str, Any]) -> None:
    ow = application()
    actions.withdraw_ow_application(
        actor=ontario["wendy"], ow_application=ow, note="Found a job; called us"
    )
    ow.refresh_from_db()
    assert ow.status == "withdrawn"
    assert ow.closed_at is not None


@pytest.mark.parametrize("who", ["tara", "omar", "iris", "chris", "applicant"])
@pytest.mark.parametrize("decision", ["grant", "refuse", "withdraw", "ask"])
def test_only_the_intake_unit_decides_and_nothing_changes(
    ontario: dict[str, Any], who: str, decision: str
) -> None:
    ow = application()
    before = snapshot(ow)
    with pytest.raises(PermissionDenied):
        decide(decision, ontario[who], ow)
    assert snapshot(ow) == before


@pytest.mark.parametrize("decision", ["grant", "refuse", "withdraw"])
def test_deciding_twice_is_refused_and_nothing_changes(
    ontario: dict[str, Any], decision: str
) -> None:
    ow = application()
    actions.withdraw_ow_application(actor=ontario["wendy"], ow_application=ow)
    before = snapshot(ow)
    with pytest.raises(actions.AlreadyDecided):
        decide(decision, ontario["wendy"], ow)
    assert snapshot(ow) == before


@pytest.mark.parametrize(
    ("days", "field"), [(0, "due_on"), (-3, "due_on"), (61, "due_on"), (10, "what")]
)
def test_asking_information_needs_what_and_a_date_in_range(
    ontario: dict[str, Any], days: int, field: str
) -> None:
    ow = application()
    before = snapshot(ow)
    with pytest.raises(ValidationError) as refused:
        actions.ask_ow_information(
            actor=ontario["wendy"],
            ow_application=ow,
            what="" if field == "what" else "Bank statements",
            due_on=timezone.localdate() + dt.timedelta(days=days),
        )
    assert field in refused.value.message_dict
    assert snapshot(ow) == before


def test_an_unanswered_request_closes_on_its_date_and_an_answered_one_does_not(
    ontario: dict[str, Any],
) -> None:
    today = timezone.localdate()
    due = today + dt.timedelta(days=7)
    silent, answered = application(), application()
    for ow in (silent, answered):
        actions.ask_ow_information(
            actor=ontario["wendy"], ow_application=ow, what="A lease", due_on=due
        )
    actions.record_ow_information_received(actor=ontario["wendy"], ow_application=answered)
    # The day before: nothing closes.
    the_day_before = timezone.now() + dt.timedelta(days=6)
    assert actions.close_unanswered_ow_applications(now=the_day_before) == 0
    on_the_day = timezone.now() + dt.timedelta(days=7, hours=1)
    out = io.StringIO()
    call_command("close_unanswered_ow", "--now", on_the_day.isoformat(), stdout=out)
    silent.refresh_from_db()
    answered.refresh_from_db()
    assert silent.status == "closed"
    assert answered.status == "pending"
    move = Transition.objects.filter(lifecycle="ontario.ow_application", object_id=silent.pk).last()
    assert move is not None
    assert (move.side, move.to_status, move.actor_id) == ("schedule", "closed", None)
    # Idempotent: run again, nothing more.
    assert actions.close_unanswered_ow_applications(now=on_the_day) == 0


def test_an_application_waiting_for_information_can_still_be_granted(
    ontario: dict[str, Any],
) -> None:
    ow = application()
    actions.ask_ow_information(
        actor=ontario["wendy"],
        ow_application=ow,
        what="A lease",
        due_on=timezone.localdate() + dt.timedelta(days=5),
    )
    actions.grant_ow_application(actor=ontario["wendy"], ow_application=ow, seen="info_asked")
    ow.refresh_from_db()
    assert ow.status == "granted"
    assert ow.info_due_on is None
    assert actions.close_unanswered_ow_applications(now=timezone.now() + dt.timedelta(days=9)) == 0


# ---------------------------------------------------------------- pages


def test_a_stale_page_says_what_happened_and_keeps_what_was_typed(
    ontario: dict[str, Any], on_client: ClientFor
) -> None:
    ow = application()
    url = reverse("ontario:ow_application", args=[ow.uuid])
    # Wendy's page showed "pending"; meanwhile someone asked for information.
    actions.ask_ow_information(
        actor=ontario["admin"],
        ow_application=ow,
        what="A lease",
        due_on=timezone.localdate() + dt.timedelta(days=5),
    )
    before = snapshot(ow)
    response = on_client("wendy").post(
        url,
        {"action": "refuse", "seen": "pending", "reason": "other", "note": "My careful note"},
    )
    assert response.status_code == 409
    page = response.content.decode()
    assert "Your decision was not recorded." in page
    assert "My careful note" in page
    assert "A lease" in page
    assert snapshot(ow) == before


def test_a_colleagues_grant_meanwhile_is_said_not_a_404(
    ontario: dict[str, Any], on_client: ClientFor
) -> None:
    ow = application()
    actions.grant_ow_application(actor=ontario["admin"], ow_application=ow)
    before = snapshot(ow)
    url = reverse("ontario:ow_application", args=[ow.uuid])
    response = on_client("wendy").post(
        url, {"action": "ask", "seen": "pending", "what": "My typed request", "due_on": "x"}
    )
    assert response.status_code == 409
    assert "My typed request" in response.content.decode()
    assert snapshot(ow) == before


def test_refusing_from_the_page_without_a_reason_is_a_field_error(
    ontario: dict[str, Any], on_client: ClientFor
) -> None:
    ow = application()
    url = reverse("ontario:ow_application", args=[ow.uuid])
    before = snapshot(ow)
    response = on_client("wendy").post(url, {"action": "refuse", "seen": "pending"})
    assert response.status_code == 400
    assert "Choose the reason for the refusal." in response.content.decode()
    for bad in ("2020-01-01", "9999-12-31", "31/31/2026"):
        asked = on_client("wendy").post(
            url, {"action": "ask", "seen": "pending", "what": "A lease", "due_on": bad}
        )
        assert asked.status_code == 400
    assert snapshot(ow) == before


def test_the_applicant_reads_the_decision_in_their_file(
    ontario: dict[str, Any], on_client: ClientFor
) -> None:
    client = on_client("applicant")
    ow = ow_of(send_application(client, ready=False, consent=False))
    due = timezone.localdate() + dt.timedelta(days=10)
    actions.ask_ow_information(
        actor=ontario["wendy"], ow_application=ow, what="Your last two bank statements", due_on=due
    )
    with translation.override("en-ca"):
        home = reverse("participants:my_file")
    page = client.get(home).content.decode()
    assert "Your last two bank statements" in page
    assert "your application will be closed" in page
    actions.refuse_ow_application(
        actor=ontario["wendy"], ow_application=ow, reason="not_resident", seen="info_asked"
    )
    page = client.get(home).content.decode()
    assert "was refused" in page
    assert "Does not live in Ontario" in page


def test_a_fast_tracked_client_gets_an_action_plan_at_the_local_office(
    ontario: dict[str, Any], on_client: ClientFor
) -> None:
    ow = ow_of(send_application(Client()))
    actions.grant_ow_application(actor=ontario["wendy"], ow_application=ow)
    ow.refresh_from_db()
    assert ow.route == "employment_ontario"
    url = reverse("ontario:ow_application", args=[ow.uuid])
    refused = on_client("omar").post(url, {"action": "plan", "goal": "G", "activities": "A"})
    assert refused.status_code == 404
    empty = on_client("tara").post(url, {"action": "plan", "goal": "", "activities": ""})
    assert empty.status_code == 400
    assert not ActionPlan.objects.exists()
    done = on_client("tara").post(
        url, {"action": "plan", "goal": "A job in logistics", "activities": "EO workshops"}
    )
    assert done.status_code == 302
    plan = ActionPlan.objects.get(participant=ow.participant)
    assert plan.assessment is None
    assert plan.region == ow.region
    with pytest.raises(ValidationError):
        actions.put_action_plan_in_place(
            actor=ontario["tara"], ow_application=ow, goal="Again", activities="Again"
        )
    assert ActionPlan.objects.count() == 1
    # Its review is recorded from the same page (it once read the notes from the wrong form).
    reviewed = on_client("tara").post(
        url, {"action": "plan_review", "notes": "Two workshops attended"}
    )
    assert reviewed.status_code == 302
    assert plan.reviews.get().notes == "Two workshops attended"
