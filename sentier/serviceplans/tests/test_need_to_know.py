"""Need to know: each party sees only the information categories the person consented to share
with it; what is not shared is left out of the page."""

from __future__ import annotations

import re
import uuid
from typing import Any

from django.urls import reverse

from sentier.audit.models import AccessLog
from sentier.consent.actions import withdraw_consent
from sentier.consent.models import Channel, Consent
from sentier.serviceplans import actions, selectors
from sentier.serviceplans.models import Party, PlanEvent, ServicePlan

CSRF = re.compile(rb'(name="csrfmiddlewaretoken" value=")[^"]+')
NONCE = re.compile(rb'(nonce=")[^"]+')


def test_partner_cannot_see_addiction_objective_without_consent(
    client_for: Any, shared_plan: ServicePlan
) -> None:
    response = client_for("partner_opex").get(reverse("serviceplans:plan", args=[shared_plan.uuid]))
    assert response.status_code == 200
    page = response.content.decode()
    assert "Préparer un retour vers l’emploi" in page
    assert "Bilan de compétences" in page
    assert "abstinence" not in page
    assert "Rechute" not in page
    assert "logement salubre" not in page
    assert AccessLog.objects.filter(user__email="partner.opex@sentier.demo").count() == 1


def test_health_party_sees_the_addiction_objective_it_was_given(
    shared_plan: ServicePlan, health_party: Party
) -> None:
    view = selectors.plan_view(shared_plan, health_party)
    assert [o.text for o in view.objectives] == ["Maintenir l’abstinence avec le CRD"]
    assert [e.text for e in view.events if e.text] == ["Rechute en octobre"]
    assert not view.shows_parties


def test_region_staff_see_everything(client_for: Any, shared_plan: ServicePlan) -> None:
    page = (
        client_for("caseworker_laval")
        .get(reverse("serviceplans:plan", args=[shared_plan.uuid]))
        .content.decode()
    )
    for text in ("abstinence", "retour vers l’emploi", "logement salubre", "Rechute en octobre"):
        assert text in page


def test_withdrawn_consent_hides_again(
    personas: dict[str, Any], client_for: Any, shared_plan: ServicePlan, opex_party: Party
) -> None:
    consent = Consent.objects.get(recipient_organization=opex_party.organization)
    withdraw_consent(actor=personas["caseworker_laval"], consent=consent, channel=Channel.PHONE)
    page = (
        client_for("partner_opex")
        .get(reverse("serviceplans:plan", args=[shared_plan.uuid]))
        .content.decode()
    )
    assert "retour vers l’emploi" not in page
    assert "Julie" not in page


def test_staff_of_another_organization_get_404(client_for: Any, shared_plan: ServicePlan) -> None:
    url = reverse("serviceplans:plan", args=[shared_plan.uuid])
    assert client_for("partner_sorif").get(url).status_code == 404


def test_preview_as_a_party_shows_its_share(
    client_for: Any, shared_plan: ServicePlan, opex_party: Party
) -> None:
    url = reverse("serviceplans:party_view", args=[shared_plan.uuid, opex_party.uuid])
    page = client_for("coordinator").get(url).content.decode()
    assert "retour vers l’emploi" in page
    assert "abstinence" not in page
    assert client_for("partner_opex").get(url).status_code == 404


def test_partner_updates_the_action_its_organization_owns(
    client_for: Any, shared_plan: ServicePlan
) -> None:
    action = shared_plan.objectives.get(text__startswith="Préparer").actions.get()
    url = reverse("serviceplans:action_status", args=[shared_plan.uuid, action.uuid])
    response = client_for("partner_opex").post(url, {"status": "in_progress"})
    assert response.status_code == 302
    action.refresh_from_db()
    assert action.status == "in_progress"


def test_partner_cannot_update_an_action_it_does_not_own(
    personas: dict[str, Any], client_for: Any, shared_plan: ServicePlan, health_party: Party
) -> None:
    from sentier.consent.models import InformationCategory
    from sentier.serviceplans import actions

    objective = shared_plan.objectives.get(text__startswith="Préparer")
    other = actions.add_action(
        actor=personas["caseworker_laval"],
        objective=objective,
        text="Suivi CISSS",
        owner=health_party,
    )
    assert objective.category == InformationCategory.EMPLOYMENT
    url = reverse("serviceplans:action_status", args=[shared_plan.uuid, other.uuid])
    client_for("partner_opex").post(url, {"status": "done"})
    other.refresh_from_db()
    assert other.status == "planned"


def test_consents_given_to_other_parties_are_not_shown(
    shared_plan: ServicePlan, opex_party: Party
) -> None:
    view = selectors.plan_view(shared_plan, opex_party)
    texts = " ".join(e.text for e in view.events)
    assert "Addiction" not in texts
    assert "Dépendance" not in texts
    assert "CISSS" not in " ".join(e.detail for e in view.events if e.kind == "consent_recorded")


def test_partner_outside_the_consented_categories_gets_the_missing_record_404(
    personas: dict[str, Any], client_for: Any, shared_plan: ServicePlan, opex_party: Party
) -> None:
    """OPEX’82 owns an action under an addiction objective, a category the person did not
    agree to share with it: updating it answers the same 404 as an action that does not exist,
    and nothing changes (issue 16, "Bad input")."""
    addiction = shared_plan.objectives.get(text__startswith="Maintenir")
    owned = actions.add_action(
        actor=personas["caseworker_laval"],
        objective=addiction,
        text="Accompagner aux rencontres",
        owner=opex_party,
    )
    events = PlanEvent.objects.filter(plan=shared_plan).count()
    client = client_for("partner_opex")
    hidden = client.post(
        reverse("serviceplans:action_status", args=[shared_plan.uuid, owned.uuid]),
        {"status": "done"},
    )
    absent = uuid.uuid4()
    missing = client.post(
        reverse("serviceplans:action_status", args=[shared_plan.uuid, absent]),
        {"status": "done"},
    )
    assert hidden.status_code == missing.status_code == 404

    def normal(body: bytes) -> bytes:
        """Without what changes on every response; the page's own link written as the other's."""
        body = CSRF.sub(rb"\1", NONCE.sub(rb"\1", body))
        return body.replace(str(owned.uuid).encode(), str(absent).encode())

    assert normal(hidden.content) == normal(missing.content)
    owned.refresh_from_db()
    assert owned.status == "planned"
    assert PlanEvent.objects.filter(plan=shared_plan).count() == events
