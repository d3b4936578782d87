"""assign_ow_application / assign_assessment: a row of the worklist goes to a caseworker of the
area's OW local office (or to nobody); permission first; a person outside the unit or the area
cannot be assigned; two people taking the same row cannot both get it; the model history says
who assigned it. Every refusal leaves the row as it was."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.utils import translation

from sentier.accounts.models import Role, User
from sentier.ontario import actions
from sentier.ontario.assignment import assign_assessment, assign_ow_application
from sentier.ontario.demo import submit_ontario_application
from sentier.ontario.models import CommonAssessment, OWApplication
from sentier.reference.models import Region


@pytest.fixture(autouse=True)
def _in_english() -> Iterator[None]:
    """The refusals are read in English here (actions speak the active language)."""
    with translation.override("en-ca"):
        yield


def pending(region: str = "ON33") -> OWApplication:
    sent = submit_ontario_application(first="Ann", last="Doe", program="OW", region=region)
    return OWApplication.objects.get(application=sent)


def toronto_colleague(**extra: Any) -> User:
    return User.objects.create(
        email="jordan@on.sentier.test",
        role=Role.CASEWORKER,
        region=Region.objects.get(code="ON33"),
        first_name="Jordan",
        last_name="Lee",
        **extra,
    )


def test_a_caseworker_takes_an_application_and_the_history_says_who(
    ontario: dict[str, Any],
) -> None:
    tara = ontario["tara"]
    ow = pending()
    assign_ow_application(actor=tara, ow_application=ow, assignee=tara)
    ow.refresh_from_db()
    assert ow.assigned_to == tara
    last = ow.history.first()
    assert last is not None
    assert last.assigned_to_id == tara.pk
    assert last.history_user == tara


def test_a_caseworker_gives_an_assessment_to_a_colleague_then_to_nobody(
    ontario: dict[str, Any],
) -> None:
    tara, jordan = ontario["tara"], toronto_colleague()
    ow = pending()
    actions.grant_ow_application(actor=tara, ow_application=ow)
    assessment = CommonAssessment.objects.get(ow_application=ow)
    assign_assessment(actor=tara, assessment=assessment, assignee=jordan)
    assessment.refresh_from_db()
    assert assessment.assigned_to == jordan
    assign_assessment(actor=jordan, assessment=assessment, assignee=None)
    assessment.refresh_from_db()
    assert assessment.assigned_to is None
    assert assessment.history.count() >= 3


def test_an_administrator_may_assign_a_colleague_of_the_area(ontario: dict[str, Any]) -> None:
    jordan = toronto_colleague()
    ow = pending()
    assign_ow_application(actor=ontario["admin"], ow_application=ow, assignee=jordan)
    ow.refresh_from_db()
    assert ow.assigned_to == jordan


@pytest.mark.parametrize("who", ["iris", "omar", "chris", "admin", "applicant", "inactive"])
def test_nobody_outside_the_areas_local_office_can_be_assigned(
    ontario: dict[str, Any], who: str
) -> None:
    """The ODSP intake unit (same region), another area, a coordinator, an administrator, a
    participant, a caseworker who left: a translated refusal next to the field, no change."""
    assignee = toronto_colleague(is_active=False) if who == "inactive" else ontario[who]
    ow = pending()
    history = ow.history.count()
    with pytest.raises(ValidationError) as refused:
        assign_ow_application(actor=ontario["tara"], ow_application=ow, assignee=assignee)
    assert "assignee" in refused.value.message_dict
    assert "does not work Ontario Works files of this area" in str(refused.value)
    ow.refresh_from_db()
    assert ow.assigned_to is None
    assert ow.history.count() == history


def test_the_areas_coordinator_hands_out_work_but_not_another_areas(
    ontario: dict[str, Any],
) -> None:
    ow = pending()
    assign_ow_application(actor=ontario["chris"], ow_application=ow, assignee=ontario["tara"])
    ow.refresh_from_db()
    assert ow.assigned_to == ontario["tara"]
    ottawa_coordinator = User.objects.create(
        email="coord.ottawa@on.sentier.test",
        role=Role.COORDINATOR,
        region=Region.objects.get(code="ON23"),
    )
    with pytest.raises(PermissionDenied):
        assign_ow_application(actor=ottawa_coordinator, ow_application=ow, assignee=None)
    ow.refresh_from_db()
    assert ow.assigned_to == ontario["tara"]


@pytest.mark.parametrize("who", ["omar", "iris", "applicant"])
def test_who_cannot_assign(ontario: dict[str, Any], who: str) -> None:
    ow = pending()
    with pytest.raises(PermissionDenied):
        assign_ow_application(actor=ontario[who], ow_application=ow, assignee=ontario["tara"])
    ow.refresh_from_db()
    assert ow.assigned_to is None


def test_taking_a_row_someone_took_meanwhile_is_refused(ontario: dict[str, Any]) -> None:
    tara, jordan = ontario["tara"], toronto_colleague()
    ow = pending()
    stale = OWApplication.objects.get(pk=ow.pk)  # the list Tara is looking at
    assign_ow_application(actor=jordan, ow_application=ow, assignee=jordan)
    with pytest.raises(ValidationError, match="Jordan Lee took this one a moment ago"):
        assign_ow_application(
            actor=tara, ow_application=stale, assignee=tara, only_if_unassigned=True
        )
    ow.refresh_from_db()
    assert ow.assigned_to == jordan
    # Without only_if_unassigned (the detail page's choice), reassigning is deliberate.
    assign_ow_application(actor=tara, ow_application=stale, assignee=tara)
    ow.refresh_from_db()
    assert ow.assigned_to == tara


def test_assigning_the_same_person_again_writes_nothing(ontario: dict[str, Any]) -> None:
    tara = ontario["tara"]
    ow = pending()
    assign_ow_application(actor=tara, ow_application=ow, assignee=tara)
    history = ow.history.count()
    assign_ow_application(actor=tara, ow_application=ow, assignee=tara, only_if_unassigned=True)
    assert ow.history.count() == history


def test_a_granted_application_is_not_assigned_any_more(ontario: dict[str, Any]) -> None:
    tara = ontario["tara"]
    ow = pending()
    actions.grant_ow_application(actor=tara, ow_application=ow)
    ow.refresh_from_db()
    with pytest.raises(ValidationError, match="already granted"):
        assign_ow_application(actor=tara, ow_application=ow, assignee=tara)
    ow.refresh_from_db()
    assert ow.assigned_to is None


def test_another_areas_row_is_not_assigned_even_to_its_own_caseworker_by_tara(
    ontario: dict[str, Any],
) -> None:
    ow = pending(region="ON23")
    with pytest.raises(PermissionDenied):
        assign_ow_application(actor=ontario["tara"], ow_application=ow, assignee=ontario["omar"])
    assign_ow_application(actor=ontario["omar"], ow_application=ow, assignee=ontario["omar"])
    ow.refresh_from_db()
    assert ow.assigned_to == ontario["omar"]
