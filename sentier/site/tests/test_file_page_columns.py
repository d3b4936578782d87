"""The file page's sections read only the columns they show (issue 18, session 16): the page is
the same, byte for byte, as when they read whole rows with every related row joined, in French
and in English, for each persona who opens a file of the demo; the access log's rows are the
same and no column left out is read later (one query more per row)."""

from __future__ import annotations

from typing import Any

import pytest
from django.db import connection
from django.db.models import QuerySet
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import translation

from sentier.audit.models import AccessLog
from sentier.decisions.models import Decision
from sentier.network.models import Organization, Service, WaitingListEntry
from sentier.paas import panels as paas_panels
from sentier.paas import selectors as paas_selectors
from sentier.paas.models import Placement, WaitingEntry
from sentier.paas.tests.placement_helpers import laval_file, opex, place
from sentier.participants.models import Participant
from sentier.plans import selectors as plan_selectors
from sentier.plans.models import SupportPlan
from sentier.referrals import selectors as referral_selectors
from sentier.referrals.models import Referral
from sentier.serviceplans import selectors as serviceplan_selectors
from sentier.serviceplans.models import ServicePlan, ServicePlanRequest
from sentier.site.demo import load_demo
from sentier.site.tests.test_pages_markup_unchanged import unmasked

pytestmark = [pytest.mark.django_db, pytest.mark.timeout(900)]

STAFF_LANGUAGES = ("fr-ca", "en-ca")
PERSONAS = ("caseworker_laval", "caseworker_montreal", "coordinator", "partner_opex")


def whole_rows(monkeypatch: pytest.MonkeyPatch) -> None:
    """The sections as they were: whole rows, every related row joined (the selectors' own)."""
    monkeypatch.setattr(plan_selectors, "current_plan_summary_for", plan_selectors.current_plan_for)
    monkeypatch.setattr(
        referral_selectors,
        "referrals_on_file",
        lambda participant, *, limit: referral_selectors.list_referrals_for_participant(
            participant, limit=limit
        ),
    )
    monkeypatch.setattr(
        paas_panels, "placements_on_file", paas_selectors.list_placements_for_participant
    )
    monkeypatch.setattr(QuerySet, "only", lambda self, *fields: self)


def whole_requests(user: Any, limit: int = 10) -> list[ServicePlanRequest]:
    """The caseworker's requests as they were read: whole, with everything joined."""
    requests = serviceplan_selectors.list_requests_for_user(user).select_related("plan")
    return list(requests.order_by("-requested_at")[:limit])


def shown(client: Any, url: str) -> tuple[int, str, list[tuple[Any, ...]], list[str]]:
    """The page's status and HTML, the access-log rows it wrote, and its statements."""
    before = set(AccessLog.objects.values_list("pk", flat=True))
    with CaptureQueriesContext(connection) as queries:
        response = client.get(url)
    rows = sorted(
        AccessLog.objects.exclude(pk__in=before).values_list(
            "user_id", "participant_id", "kind", "what", "path"
        )
    )
    return (
        response.status_code,
        unmasked(response.content.decode()),
        rows,
        [query["sql"] for query in queries.captured_queries],
    )


def demo_with_a_waiting_person(personas: dict[str, Any]) -> WaitingEntry:
    """The demo, and a Laval file waiting for a PAAS Action place at OPEX (the demo has none:
    its places are not all taken)."""
    load_demo(30)
    while True:
        outcome = place(personas, laval_file(personas, "Marc"), opex(personas))
        if outcome.waiting is not None:
            return outcome.waiting


def with_content() -> list[Participant]:
    """The demo's files that have something in the sections whose reads changed."""
    ids = (
        set(SupportPlan.objects.values_list("participant_id", flat=True))
        | set(Referral.objects.values_list("participant_id", flat=True))
        | set(Placement.objects.values_list("participant_id", flat=True))
        | set(WaitingListEntry.objects.values_list("participant_id", flat=True))
        | set(ServicePlanRequest.objects.values_list("participant_id", flat=True))
        | set(Decision.objects.values_list("participant_id", flat=True))
        | set(WaitingEntry.objects.values_list("participant_id", flat=True))
    )
    return list(Participant.objects.filter(pk__in=ids).order_by("pk"))


def test_the_file_page_reads_as_with_whole_rows(
    client_for: Any, monkeypatch: pytest.MonkeyPatch, personas: Any
) -> None:
    waiting = demo_with_a_waiting_person(personas)
    files = with_content()
    assert len(files) >= 5
    clients = {key: client_for(key) for key in PERSONAS}
    for language in STAFF_LANGUAGES:  # one demo for both (it takes a while to load)
        pages = []
        with translation.override(language):
            for participant in files:
                url = reverse("participants:file", args=[participant.uuid])
                for key, client in clients.items():
                    with monkeypatch.context() as old:
                        whole_rows(old)
                        before = shown(client, url)
                    now = shown(client, url)
                    assert now[:3] == before[:3], (language, key, participant.file_number)
                    # Fewer columns, never one more query (a column left out read row by row).
                    assert len(now[3]) <= len(before[3])
                    if now[0] == 200:
                        pages.append(now[1])
            withdraw = reverse("paas:withdraw_waiting", args=[waiting.uuid])
        # The sections drew rows: each changed read had something to show on some page.
        assert len(pages) >= len(files)
        seen = "".join(pages)
        for marker in ("/plans/", "/referrals/", "paas", "waiting-lists", "/service-plans/"):
            assert marker in seen
        assert withdraw in seen


def test_no_column_left_out_is_read_later(
    client_for: Any, monkeypatch: pytest.MonkeyPatch, personas: Any
) -> None:
    """A template that read a column not in a section's list would load it with a query per
    row: refused here, on every file with content."""
    demo_with_a_waiting_person(personas)

    def refused(self: Any, *args: Any, **kwargs: Any) -> None:
        raise AssertionError(f"{type(self).__name__} {self.pk}: a deferred column read")

    for model in (
        SupportPlan,
        Referral,
        Placement,
        WaitingListEntry,
        Service,
        Organization,
        ServicePlanRequest,
        ServicePlan,
        Decision,
        WaitingEntry,
    ):
        monkeypatch.setattr(model, "refresh_from_db", refused)
    client = client_for("coordinator")
    opened = 0
    for participant in with_content():
        response = client.get(reverse("participants:file", args=[participant.uuid]))
        opened += response.status_code == 200
    assert opened > 0


def test_my_file_reads_as_with_whole_rows(client_for: Any, monkeypatch: pytest.MonkeyPatch) -> None:
    """The person's own file shares the eligibility and waiting-list reads."""
    load_demo(30)
    client = client_for("participant")
    for language in ("fr-ca", "en-ca", "es", "ar", "ht"):
        with translation.override(language):
            url = reverse("participants:my_file")
        client.get(url)  # sets the language cookie the next frame reads
        with monkeypatch.context() as old:
            whole_rows(old)
            before = shown(client, url)
        now = shown(client, url)
        assert now[0] == 200
        assert now[:3] == before[:3], language
        assert len(now[3]) <= len(before[3])


def test_the_caseworkers_service_plan_requests_read_as_with_whole_rows(
    client_for: Any, monkeypatch: pytest.MonkeyPatch, personas: Any
) -> None:
    """Their list on the worklist and the home page: the person's name, the status, the
    decision's date and next step, as when the requests were read whole."""
    load_demo(30)
    mine = ServicePlanRequest.objects.filter(requested_by=personas["caseworker_laval"])
    assert mine.exists()
    client = client_for("caseworker_laval")
    newest = mine.order_by("-requested_at").first()
    assert newest is not None
    for language in STAFF_LANGUAGES:
        for page in ("plans:worklist", "core:home"):
            with translation.override(language):
                url = reverse(page)
                link = reverse("serviceplans:request_detail", args=[newest.uuid])
            client.get(url)  # sets the language cookie the next frame reads
            with monkeypatch.context() as old:
                whole_rows(old)
                old.setattr(
                    serviceplan_selectors, "recent_decisions_for_caseworker", whole_requests
                )
                before = shown(client, url)
            now = shown(client, url)
            assert now[0] == 200
            assert now[:3] == before[:3], (language, page)
            assert len(now[3]) <= len(before[3])
            assert link in now[1]
