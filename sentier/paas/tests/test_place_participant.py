"""A caseworker places a participant with an organization, or on its waiting list."""

from __future__ import annotations

from typing import Any

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.utils import timezone

from sentier.decisions.models import Decision
from sentier.paas import actions, selectors
from sentier.paas.models import (
    HoursStep,
    Placement,
    PlacementStatus,
    WaitingEntry,
)
from sentier.paas.tests.placement_helpers import (
    grant,
    laval_file,
    opex,
    place,
    placed,
    sorif,
    start_date,
)
from sentier.paas.timeline_kinds import PaasEventKind
from sentier.participants.models import TimelineEvent

pytestmark = pytest.mark.django_db


def test_caseworker_places_a_participant_on_a_free_place(
    personas: Any, laval_participant: Any
) -> None:
    allocation = grant(personas, opex(personas), "13", places=1)
    outcome = place(personas, laval_participant, opex(personas))
    placement = outcome.placement
    assert placement is not None
    assert outcome.waiting is None
    assert placement.allocation == allocation
    assert placement.status == PlacementStatus.ACTIVE
    assert [(s.from_date - start_date()).days // 7 for s in placement.hours_plan.all()] == [0, 2, 4]
    assert [s.weekly_hours for s in placement.hours_plan.all()] == [6, 12, 20]
    assert [o.text for o in placement.objectives.all()] == [
        "Arriver à l’heure",
        "Utiliser un ordinateur",
    ]
    assert {a.category for a in placement.activities.all()} == {"basic_skills", "formative"}
    assert placement.decision.eligible
    assert placement.decision.measure == "paas_action"
    assert placement.decision.inputs["person"]["weekly_hours"] == 6
    event = TimelineEvent.objects.get(
        participant=laval_participant, kind=PaasEventKind.PAAS_PLACEMENT_STARTED
    )
    assert event.data["placement"] == str(placement.uuid)
    assert selectors.free_places(allocation) == 0


def test_beyond_the_places_the_person_joins_the_waiting_list(
    personas: Any, laval_participant: Any
) -> None:
    grant(personas, opex(personas), "13", places=1)
    placed(personas, laval_participant, opex(personas))
    second = laval_file(personas, "Marc")
    outcome = place(personas, second, opex(personas))
    assert outcome.placement is None
    assert outcome.waiting is not None
    assert outcome.waiting.participant == second
    assert Placement.objects.filter(status=PlacementStatus.ACTIVE).count() == 1
    assert (
        TimelineEvent.objects.filter(
            participant=second, kind=PaasEventKind.PAAS_WAITING_LISTED
        ).count()
        == 1
    )
    # Asking again does not add a second entry.
    place(personas, second, opex(personas))
    assert WaitingEntry.objects.filter(participant=second).count() == 1


def test_when_a_place_frees_up_the_first_waiting_person_is_shown(
    personas: Any, laval_participant: Any
) -> None:
    grant(personas, opex(personas), "13", places=1)
    first = placed(personas, laval_participant, opex(personas))
    second = laval_file(personas, "Marc")
    third = laval_file(personas, "Lina")
    place(personas, second, opex(personas))
    place(personas, third, opex(personas))
    assert selectors.list_free_place_notices_for_caseworker(personas["caseworker_laval"]) == []
    actions.end_placement(
        actor=personas["caseworker_laval"],
        placement=first,
        end_date=timezone.localdate(),
        outcome="completed",
    )
    notices = selectors.list_free_place_notices_for_caseworker(personas["caseworker_laval"])
    assert [n.participant for n in notices] == [second]
    assert selectors.list_free_place_notices_for_caseworker(personas["caseworker_montreal"]) == []
    # Placing the waiting person closes their entry; nobody was placed automatically.
    assert Placement.objects.filter(participant=second).count() == 0
    placed(personas, second, opex(personas))
    assert WaitingEntry.objects.get(participant=second).placed_at is not None


def test_a_plan_over_20_hours_is_refused_and_nothing_is_written(
    personas: Any, laval_participant: Any
) -> None:
    grant(personas, opex(personas), "13")
    decisions = Decision.objects.count()
    with pytest.raises(ValidationError) as refused:
        place(personas, laval_participant, opex(personas), first_hours=21)
    assert list(refused.value.message_dict) == ["hours_plan"]
    assert Decision.objects.count() == decisions
    assert not Placement.objects.exists()
    assert not HoursStep.objects.exists()


def test_steps_must_have_increasing_dates(personas: Any, laval_participant: Any) -> None:
    grant(personas, opex(personas), "13")
    start = start_date()
    with pytest.raises(ValidationError) as refused:
        actions.place_participant(
            actor=personas["caseworker_laval"],
            participant=laval_participant,
            organization=opex(personas),
            start_date=start,
            hours_plan=[(start, 6), (start, 12)],
        )
    assert "hours_plan" in refused.value.message_dict
    assert not Placement.objects.exists()


def test_no_allocation_in_the_region_is_refused(personas: Any, laval_participant: Any) -> None:
    grant(personas, sorif(personas), "06")
    decisions = Decision.objects.count()
    with pytest.raises(ValidationError) as refused:
        place(personas, laval_participant, sorif(personas))
    assert Decision.objects.count() == decisions
    assert list(refused.value.message_dict) == ["organization"]
    assert not Placement.objects.exists()
    assert not WaitingEntry.objects.exists()


@pytest.mark.parametrize(
    "persona", ["caseworker_montreal", "partner_opex", "coordinator", "analyst"]
)
def test_only_the_files_caseworker_places(
    personas: Any, laval_participant: Any, persona: str
) -> None:
    grant(personas, opex(personas), "13")
    with pytest.raises(PermissionDenied):
        place(personas, laval_participant, opex(personas), caseworker=persona)
    assert not Placement.objects.exists()


def test_one_active_placement_at_a_time(personas: Any, laval_participant: Any) -> None:
    grant(personas, opex(personas), "13")
    placed(personas, laval_participant, opex(personas))
    with pytest.raises(ValidationError):
        place(personas, laval_participant, opex(personas))
    assert Placement.objects.count() == 1
