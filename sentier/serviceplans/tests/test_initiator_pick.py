"""Who initiated a service plan the Ministry joins is picked from a list (issue 16): the members
of the region's support network (CISSS/CIUSSS, school service centre, …) and the directory's
organizations in the region, with free text only for another body. A plain select: no
JavaScript needed. The body picked becomes the coordinating party, linked to its row."""

from __future__ import annotations

from typing import Any

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse

from sentier.network.models import Location, Organization
from sentier.reference.models import Region
from sentier.serviceplans import actions
from sentier.serviceplans.models import (
    InitiatorKind,
    NetworkMember,
    PartyKind,
    ServicePlanRequest,
    Situation,
)

pytestmark = pytest.mark.django_db


def _post(client: Any, participant: Any, situation: Situation, **fields: str) -> Any:
    return client.post(
        reverse("serviceplans:request", args=[participant.uuid]),
        {"situations": [situation.pk], "reasons": "Le CISSS a amorcé un plan.", **fields},
    )


def test_the_form_lists_the_regions_network_and_directory_without_javascript(
    client_for: Any, laval_participant: Any, networks: None
) -> None:
    organization = Organization.objects.create(slug="org-laval", name="Organisme de Laval")
    Location.objects.create(organization=organization, region=Region.objects.get(code="13"))
    page = (
        client_for("caseworker_laval")
        .get(reverse("serviceplans:request", args=[laval_participant.uuid]))
        .content.decode()
    )
    cisss = NetworkMember.objects.get(network__region__code="13", name="CISSS de Laval")
    montreal = NetworkMember.objects.get(
        network__region__code="06", name__startswith="CIUSSS du Centre-Sud"
    )
    assert '<select name="initiator_body"' in page
    assert f'value="member:{cisss.uuid}"' in page
    assert f'value="organization:{organization.uuid}"' in page
    assert f'value="member:{montreal.uuid}"' not in page  # another region's body
    assert 'value="other"' in page
    assert "<optgroup" in page


def test_a_cisss_picked_from_the_list_coordinates_the_plan(
    personas: dict[str, Any],
    client_for: Any,
    laval_participant: Any,
    situations: list[Situation],
    networks: None,
) -> None:
    cisss = NetworkMember.objects.get(network__region__code="13", name="CISSS de Laval")
    sent = _post(
        client_for("caseworker_laval"),
        laval_participant,
        situations[0],
        initiator_kind=InitiatorKind.OTHER_MINISTRY,
        initiator_body=f"member:{cisss.uuid}",
        initiator_name="ignored: a body was picked",
    )
    assert sent.status_code == 302
    request = ServicePlanRequest.objects.get()
    assert (request.initiator_member, request.initiator_name) == (cisss, "CISSS de Laval")
    plan = actions.approve_request(actor=personas["coordinator"], request=request)
    coordinating = plan.parties.get(coordinates=True)
    assert (coordinating.member, coordinating.kind) == (cisss, PartyKind.HEALTH)


def test_a_directory_organization_picked_coordinates_the_plan(
    personas: dict[str, Any],
    client_for: Any,
    laval_participant: Any,
    situations: list[Situation],
    networks: None,
) -> None:
    organization = Organization.objects.create(slug="org-laval", name="Organisme de Laval")
    Location.objects.create(organization=organization, region=Region.objects.get(code="13"))
    sent = _post(
        client_for("caseworker_laval"),
        laval_participant,
        situations[0],
        initiator_kind=InitiatorKind.ORGANIZATION,
        initiator_body=f"organization:{organization.uuid}",
    )
    assert sent.status_code == 302
    plan = actions.approve_request(
        actor=personas["coordinator"], request=ServicePlanRequest.objects.get()
    )
    coordinating = plan.parties.get(coordinates=True)
    assert (coordinating.organization, coordinating.kind) == (
        organization,
        PartyKind.ORGANIZATION,
    )


def test_another_body_is_named_in_free_text(
    personas: dict[str, Any],
    client_for: Any,
    laval_participant: Any,
    situations: list[Situation],
    networks: None,
) -> None:
    sent = _post(
        client_for("caseworker_laval"),
        laval_participant,
        situations[0],
        initiator_kind=InitiatorKind.OTHER_MINISTRY,
        initiator_body="other",
        initiator_name="Ministère de la Justice",
    )
    assert sent.status_code == 302
    request = ServicePlanRequest.objects.get()
    assert (request.initiator_member, request.initiator_name) == (None, "Ministère de la Justice")
    plan = actions.approve_request(actor=personas["coordinator"], request=request)
    assert plan.parties.get(coordinates=True).kind == PartyKind.OTHER_PUBLIC


def test_no_body_picked_nor_named_is_a_field_error_and_nothing_is_sent(
    client_for: Any, laval_participant: Any, situations: list[Situation], networks: None
) -> None:
    client = client_for("caseworker_laval")
    for body in ("", "other"):
        refused = _post(
            client,
            laval_participant,
            situations[0],
            initiator_kind=InitiatorKind.OTHER_MINISTRY,
            initiator_body=body,
        )
        assert refused.status_code == 400
        errors = refused.context["form"].errors
        assert errors.get("initiator_body") or errors.get("initiator_name")
    tampered = _post(
        client,
        laval_participant,
        situations[0],
        initiator_kind=InitiatorKind.OTHER_MINISTRY,
        initiator_body="member:00000000-0000-0000-0000-000000000000",
    )
    assert tampered.status_code == 400
    assert not ServicePlanRequest.objects.exists()


def test_a_body_of_another_region_is_refused(
    personas: dict[str, Any], laval_participant: Any, situations: list[Situation], networks: None
) -> None:
    montreal = NetworkMember.objects.filter(network__region__code="06").exclude(kind="ministry")[0]
    with pytest.raises(ValidationError) as error:
        actions.request_service_plan(
            actor=personas["caseworker_laval"],
            participant=laval_participant,
            situations=situations,
            reasons="x",
            initiator_kind=InitiatorKind.OTHER_MINISTRY,
            initiator_member=montreal,
        )
    assert set(error.value.message_dict) == {"initiator_body"}
    assert not ServicePlanRequest.objects.exists()
