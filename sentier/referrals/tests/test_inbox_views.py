"""The partner portal: only their organization's referrals (the same 404 otherwise), answers with
reasons, access logged."""

from __future__ import annotations

from typing import Any

import pytest
from django.urls import reverse
from django.utils import translation

from sentier.audit.models import AccessLog
from sentier.referrals.models import Referral, ReferralStatus, ReferralTransition
from sentier.referrals.tests.helpers import opex, send

pytestmark = pytest.mark.django_db


@pytest.fixture
def referral(personas: dict[str, Any], laval_participant: Any) -> Referral:
    return send(personas, laval_participant, opex())


def detail(referral: Referral) -> str:
    with translation.override("en-ca"):
        return reverse("referrals:inbox_detail", args=[referral.uuid])


def test_partner_sees_their_organizations_referral_and_access_is_logged(
    client_for: Any, referral: Referral
) -> None:
    response = client_for("partner_opex").get(detail(referral))
    assert response.status_code == 200
    assert referral.participant.last_name in response.content.decode()
    assert AccessLog.objects.filter(participant=referral.participant).count() == 1


def test_the_inbox_lists_only_the_organizations_referrals(
    client_for: Any, referral: Referral, django_assert_max_num_queries: Any
) -> None:
    with translation.override("en-ca"):
        url = reverse("referrals:inbox")
    opex_client = client_for("partner_opex")
    with django_assert_max_num_queries(20):
        page = opex_client.get(url).content.decode()
    assert referral.participant.last_name in page
    assert (
        referral.participant.last_name not in client_for("partner_sorif").get(url).content.decode()
    )


@pytest.mark.parametrize("persona", ["partner_sorif", "participant", "caseworker_montreal"])
def test_others_get_404_on_the_page_and_the_actions_and_nothing_changes(
    client_for: Any, referral: Referral, persona: str
) -> None:
    client = client_for(persona)
    assert client.get(detail(referral)).status_code == 404
    response = client.post(detail(referral), {"to": "accepted"})
    assert response.status_code == 404
    referral.refresh_from_db()
    assert referral.status == ReferralStatus.REQUESTED
    assert ReferralTransition.objects.filter(referral=referral).count() == 1
    assert not AccessLog.objects.filter(participant=referral.participant).exists()


def test_a_malformed_address_is_a_404(client_for: Any) -> None:
    assert client_for("partner_opex").get("/en-ca/referrals/inbox/not-a-uuid/").status_code == 404


def test_declining_without_a_reason_is_refused(client_for: Any, referral: Referral) -> None:
    response = client_for("partner_opex").post(
        detail(referral), {"to": "rejected", "rejected-text": "  "}
    )
    assert response.status_code == 400
    assert "rejected-text" in response.content.decode()
    referral.refresh_from_db()
    assert referral.status == ReferralStatus.REQUESTED


def test_the_partner_accepts_starts_and_completes_with_an_outcome(
    client_for: Any, referral: Referral, personas: dict[str, Any]
) -> None:
    client = client_for("partner_opex")
    assert client.post(detail(referral), {"to": "accepted"}).status_code == 302
    client.post(detail(referral), {"to": "in_progress"})
    response = client.post(
        detail(referral),
        {"to": "completed", "completed-text": "En emploi"},
    )
    assert response.status_code == 302
    referral.refresh_from_db()
    assert referral.status == ReferralStatus.COMPLETED
    assert referral.outcome == "En emploi"
    assert [t.actor for t in referral.transitions.all()][1:] == [personas["partner_opex"]] * 3


def test_a_move_not_allowed_from_here_changes_nothing(client_for: Any, referral: Referral) -> None:
    response = client_for("partner_opex").post(
        detail(referral), {"to": "completed", "completed-text": "x"}
    )
    assert response.status_code == 302
    referral.refresh_from_db()
    assert referral.status == ReferralStatus.REQUESTED


def test_a_bad_status_filter_is_refused_without_error(client_for: Any) -> None:
    response = client_for("partner_opex").get("/en-ca/referrals/inbox/?status=%00nope")
    assert response.status_code == 400


def test_the_inbox_logs_one_row_per_person_shown(
    client_for: Any, personas: dict[str, Any], referral: Referral
) -> None:
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    from sentier.audit.models import AccessKind
    from sentier.paas.tests.placement_helpers import laval_file

    with translation.override("en-ca"):
        url = reverse("referrals:inbox")
    client = client_for("partner_opex")

    def inbox_queries() -> int:
        with CaptureQueriesContext(connection) as captured:
            assert client.get(url).status_code == 200
        return len(captured.captured_queries)

    one = inbox_queries()
    others = [laval_file(personas, name) for name in ("Anne", "Paul")]
    for person in others:
        send(personas, person, opex())
    assert inbox_queries() == one  # three people cost what one did: one INSERT
    logged = AccessLog.objects.filter(user=personas["partner_opex"], kind=AccessKind.REFERRAL_INBOX)
    assert sorted(row.participant_id for row in logged) == sorted(
        [referral.participant_id, referral.participant_id] + [p.pk for p in others]
    )
    assert {row.affiliation for row in logged} == {opex().name}
    assert not client_for("partner_sorif").get(url).context["referrals"]
    assert not AccessLog.objects.filter(user=personas["partner_sorif"]).exists()
