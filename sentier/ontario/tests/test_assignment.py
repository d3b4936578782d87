"""assign_ow_application / assign_assessment: an application waiting for its decision goes to
someone of the OW intake unit; a transferred client or a common assessment to a caseworker of the
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
from sentier.ontario.models import CommonAssessment, OWApplication, Unit, UnitMembership
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


def intake_colleague(**extra: Any) -> User:
    """Kofi, of the OW intake unit, like Wendy (his account names Toronto)."""
    kofi = User.objects.create(
        email="kofi@on.sentier.test",
        role=Role.CASEWORKER,
        region=Region.objects.get(code="ON33"),
        first_name="Kofi",
        last_name="Asante",
        **extra,
    )
    UnitMembership.objects.create(user=kofi, unit=Unit.OW_INTAKE)
    return kofi


def transferred(ontario: dict[str, Any], region: str = "ON33") -> OWApplication:
    """An application granted by the intake unit, so transferred to the area's local office."""
    ow = pending(region)
    actions.grant_ow_application(actor=ontario["wendy"], ow_application=ow)
    ow.refresh_from_db()
    return ow


def test_the_intake_unit_takes_an_application_and_the_history_says_who(
    ontario: dict[str, Any],
) -> None:
    wendy = ontario["wendy"]
    ow = pending()
    assign_ow_application(actor=wendy, ow_application=ow, assignee=wendy)
    ow.refresh_from_db()
    assert ow.assigned_to == wendy
    last = ow.history.first()
    assert last is not None
    assert last.assigned_to_id == wendy.pk
    assert last.history_user == wendy


def test_the_local_office_takes_a_transferred_client(ontario: dict[str, Any]) -> None:
    tara = ontario["tara"]
    ow = transferred(ontario)
    assign_ow_application(actor=tara, ow_application=ow, assignee=tara)
    ow.refresh_from_db()
    assert ow.assigned_to == tara


def test_a_caseworker_gives_an_assessment_to_a_colleague_then_to_nobody(
    ontario: dict[str, Any],
) -> None:
    tara, jordan = ontario["tara"], toronto_colleague()
    ow = transferred(ontario)
    assessment = CommonAssessment.objects.get(ow_application=ow)
    assign_assessment(actor=tara, assessment=assessment, assignee=jordan)
    assessment.refresh_from_db()
    assert assessment.assigned_to == jordan
    assign_assessment(actor=jordan, assessment=assessment, assignee=None)
    assessment.refresh_from_db()
    assert assessment.assigned_to is None
    assert assessment.history.count() >= 3


def test_an_administrator_may_assign_a_colleague_of_the_area(ontario: dict[str, Any]) -> None:
    jordan, kofi = toronto_colleague(), intake_colleague()
    ow = pending()
    assign_ow_application(actor=ontario["admin"], ow_application=ow, assignee=kofi)
    ow.refresh_from_db()
    assert ow.assigned_to == kofi
    ow = transferred(ontario)
    assign_ow_application(actor=ontario["admin"], ow_application=ow, assignee=jordan)
    ow.refresh_from_db()
    assert ow.assigned_to == jordan


@pytest.mark.parametrize(
    "who", ["iris", "omar", "chris", "admin", "applicant", "wendy", "inactive"]
)
def test_nobody_outside_the_areas_local_office_can_be_assigned(
    ontario: dict[str, Any], who: str
) -> None:
    """The ODSP intake unit (same region), another area, a coordinator, an administrator, a
    participant, the OW intake unit, a caseworker who left: a translated refusal next to the
    field, no change."""
    assignee = toronto_colleague(is_active=False) if who == "inactive" else ontario[who]
    ow = transferred(ontario)
    history = ow.history.count()
    with pytest.raises(ValidationError) as refused:
        assign_ow_application(actor=ontario["tara"], ow_application=ow, assignee=assignee)
    assert "assignee" in refused.value.message_dict
    assert "does not work Ontario Works files of this area" in str(refused.value)
    ow.refresh_from_db()
    assert ow.assigned_to is None
    assert ow.history.count() == history


@pytest.mark.parametrize("who", ["tara", "iris", "admin", "applicant", "inactive"])
def test_nobody_outside_the_intake_unit_can_be_given_an_application_to_decide(
    ontario: dict[str, Any], who: str
) -> None:
    """The local office, the ODSP intake unit, an administrator, a participant, an intake
    officer who left: a translated refusal next to the field, no change."""
    assignee = intake_colleague(is_active=False) if who == "inactive" else ontario[who]
    ow = pending()
    history = ow.history.count()
    with pytest.raises(ValidationError) as refused:
        assign_ow_application(actor=ontario["wendy"], ow_application=ow, assignee=assignee)
    assert "does not decide Ontario Works applications" in str(refused.value)
    ow.refresh_from_db()
    assert ow.assigned_to is None
    assert ow.history.count() == history


def test_the_areas_coordinator_hands_out_work_but_not_another_areas(
    ontario: dict[str, Any],
) -> None:
    ow = transferred(ontario)
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


@pytest.mark.parametrize("who", ["tara", "omar", "iris", "chris", "applicant"])
def test_who_cannot_assign_an_application_to_decide(ontario: dict[str, Any], who: str) -> None:
    ow = pending()
    with pytest.raises(PermissionDenied):
        assign_ow_application(actor=ontario[who], ow_application=ow, assignee=ontario["wendy"])
    ow.refresh_from_db()
    assert ow.assigned_to is None


@pytest.mark.parametrize("who", ["omar", "iris", "wendy", "applicant"])
def test_who_cannot_assign_a_transferred_client(ontario: dict[str, Any], who: str) -> None:
    ow = transferred(ontario)
    with pytest.raises(PermissionDenied):
        assign_ow_application(actor=ontario[who], ow_application=ow, assignee=ontario["tara"])
    ow.refresh_from_db()
    assert ow.assigned_to is None


def test_taking_a_row_someone_took_meanwhile_is_refused(ontario: dict[str, Any]) -> None:
    wendy, kofi = ontario["wendy"], intake_colleague()
    ow = pending()
    stale = OWApplication.objects.get(pk=ow.pk)  # the list Wendy is looking at
    assign_ow_application(actor=kofi, ow_application=ow, assignee=kofi)
    with pytest.raises(ValidationError, match="Kofi Asante took this one a moment ago"):
        assign_ow_application(
            actor=wendy, ow_application=stale, assignee=wendy, only_if_unassigned=True
        )
    ow.refresh_from_db()
    assert ow.assigned_to == kofi
    # Without only_if_unassigned (the detail page's choice), reassigning is deliberate.
    assign_ow_application(actor=wendy, ow_application=stale, assignee=wendy)
    ow.refresh_from_db()
    assert ow.assigned_to == wendy


def test_assigning_the_same_person_again_writes_nothing(ontario: dict[str, Any]) -> None:
    wendy = ontario["wendy"]
    ow = pending()
    assign_ow_application(actor=wendy, ow_application=ow, assignee=wendy)
    history = ow.history.count()
    assign_ow_application(actor=wendy, ow_application=ow, assignee=wendy, only_if_unassigned=True)
    assert ow.history.count() == history


def test_a_refused_application_is_not_assigned_any_more(ontario: dict[str, Any]) -> None:
    wendy = ontario["wendy"]
    ow = pending()
    actions.refuse_ow_application(actor=wendy, ow_application=ow, reason="not_resident")
    ow.refresh_from_db()
    with pytest.raises(ValidationError, match="already decided"):
        assign_ow_application(actor=wendy, ow_application=ow, assignee=wendy)
    ow.refresh_from_db()
    assert ow.assigned_to is None


def test_another_areas_row_is_not_assigned_even_to_its_own_caseworker_by_tara(
    ontario: dict[str, Any],
) -> None:
    ow = transferred(ontario, region="ON23")
    with pytest.raises(PermissionDenied):
        assign_ow_application(actor=ontario["tara"], ow_application=ow, assignee=ontario["omar"])
    assign_ow_application(actor=ontario["omar"], ow_application=ow, assignee=ontario["omar"])
    ow.refresh_from_db()
    assert ow.assigned_to == ontario["omar"]
