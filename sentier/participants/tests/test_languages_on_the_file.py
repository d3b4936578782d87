"""The file's languages (issue 19): the language of correspondence, the languages spoken and the
interpreter needed are asked in the application, editable by the caseworker, shown on the file,
the caseload and the review queue, carried on a referral with the person's identity, and used by
matching."""

from __future__ import annotations

from typing import Any

import pytest
from django.test import Client
from django.urls import reverse

from sentier.consent.actions import record_consent
from sentier.consent.models import Channel, Purpose, RecipientKind
from sentier.intake.models import Application
from sentier.intake.tests.helpers import fill, start_online, step_url
from sentier.network.matching import match_for_participant
from sentier.network.models import Organization
from sentier.network.tests.factories import make_service, only_these_services
from sentier.participants.models import Participant
from sentier.referrals import actions as referral_actions

pytestmark = pytest.mark.django_db

SPANISH = {
    "preferred_language": "es",
    "languages_spoken": ["es", "fr"],
    "interpreter_language": "es",
}


def apply_in_spanish(client: Client) -> Participant:
    application = start_online(client)
    fill(client, application, identity=SPANISH)
    response = client.post(reverse("intake:summary", args=[application.resume_key]))
    assert response.status_code == 302
    application = Application.objects.get(pk=application.pk)
    assert application.participant is not None
    return application.participant


def test_the_application_asks_the_languages_and_the_file_keeps_them(client: Client) -> None:
    page = client.get(step_url(start_online(client), "identity", "es")).content.decode()
    assert "¿Necesita un intérprete?" in page
    assert 'name="languages_spoken" class="qc-choicefield" value="ht"' in page
    # The letters' language starts as the page's.
    assert 'name="preferred_language" class="qc-choicefield" value="es" id=' in page
    assert 'value="es" id="id_preferred_language_2" required checked' in page
    participant = apply_in_spanish(client)
    assert participant.preferred_language == "es"
    assert participant.languages_spoken == ["es", "fr"]
    assert participant.interpreter_language == "es"


def test_the_caseworker_sees_the_languages_on_the_file_caseload_and_review_queue(
    client: Client, client_for: Any, laval_participant: Participant
) -> None:
    participant = apply_in_spanish(client)
    caseworker = client_for("caseworker_laval")
    file_page = caseworker.get(reverse("participants:file", args=[participant.uuid]))
    facts = file_page.content.decode()
    assert "espagnol, français" in facts  # languages spoken, named in the reader's language
    queue = caseworker.get(reverse("intake:review_queue")).content.decode()
    assert "<strong>Interpreter: espagnol</strong>" in queue or "espagnol</strong>" in queue
    laval_participant.interpreter_language = "fcs"
    laval_participant.save()
    caseload = caseworker.get(reverse("participants:caseload"), {"q": "Lavoie"}).content.decode()
    assert "LSQ (langue des signes québécoise)</strong>" in caseload


def test_the_caseworker_corrects_the_languages_and_a_bad_code_changes_nothing(
    client_for: Any, laval_participant: Participant
) -> None:
    caseworker = client_for("caseworker_laval")
    url = reverse("participants:edit", args=[laval_participant.uuid])
    form = caseworker.get(url).context["form"]
    data = {
        name: value
        for name, value in form.initial.items()
        if value is not None and name in form.fields
    }
    data["birth_date"] = (
        laval_participant.birth_date.isoformat() if laval_participant.birth_date else ""
    )
    bad = caseworker.post(url, {**data, "interpreter_language": "klingon"})
    assert bad.status_code in (200, 400)
    laval_participant.refresh_from_db()
    assert laval_participant.interpreter_language == ""
    good = caseworker.post(
        url, {**data, "languages_spoken": ["ar", "fr"], "interpreter_language": "ar"}
    )
    assert good.status_code == 302, good.content.decode()[:3000]
    laval_participant.refresh_from_db()
    assert laval_participant.languages_spoken == ["ar", "fr"]
    assert laval_participant.interpreter_language == "ar"


def test_a_referral_carries_the_languages_only_with_the_identity(
    personas: dict[str, Any], laval_participant: Participant
) -> None:
    laval_participant.languages_spoken = ["ht", "fr"]
    laval_participant.interpreter_language = "ht"
    laval_participant.save()
    opex = Organization.objects.get(name__startswith="Centre de main-d’œuvre OPEX’82")
    for categories in (["identity"], ["program"]):
        record_consent(
            actor=personas["caseworker_laval"],
            participant=laval_participant,
            purpose=Purpose.REFERRAL,
            recipient_kind=RecipientKind.ORGANIZATION,
            recipient_organization=opex,
            categories=categories,
            channel=Channel.PHONE,
        )
        referral = referral_actions.send_referral(
            actor=personas["caseworker_laval"],
            participant=laval_participant,
            organization=opex,
            need="Recherche d'emploi",
            categories=categories,
        )
        flat = str(referral.payload)
        if categories == ["identity"]:
            assert referral.payload["identity"]["languages_spoken"] == ["ht", "fr"]
            assert referral.payload["identity"]["interpreter_language"] == "ht"
        else:
            assert "interpreter_language" not in flat
            assert "languages_spoken" not in flat


def test_matching_prefers_organizations_that_serve_the_person_s_language(
    laval_participant: Participant,
) -> None:
    only_these_services()
    make_service("Francophone", regions=["13"], languages=["fr"])
    make_service("Hispanophone", regions=["13"], languages=["fr", "es"])
    laval_participant.interpreter_language = "es"
    names = [m.service.organization.name for m in match_for_participant(laval_participant)]
    assert names[0] == "Hispanophone"
    laval_participant.interpreter_language = ""
    laval_participant.preferred_language = "fr-ca"
    names = [m.service.organization.name for m in match_for_participant(laval_participant)]
    assert set(names) == {"Francophone", "Hispanophone"}
