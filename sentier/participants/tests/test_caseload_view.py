"""The caseload page: scopes, filters, pagination, saved searches, and who may see it."""

from __future__ import annotations

from typing import Any

import pytest
from django.urls import reverse

from sentier.participants.models import SavedSearch
from sentier.site.demo import load_demo

pytestmark = pytest.mark.django_db
URL = reverse("participants:caseload")


def test_caseworker_sees_own_caseload_by_default(client_for: Any, laval_participant: Any) -> None:
    response = client_for("caseworker_laval").get(URL)
    assert response.status_code == 200
    assert laval_participant.last_name in response.content.decode()


def test_region_scope_never_leaks_other_regions(client_for: Any, montreal_participant: Any) -> None:
    response = client_for("caseworker_laval").get(URL, {"scope": "all"})
    assert montreal_participant.last_name not in response.content.decode()
    response = client_for("caseworker_laval").get(URL, {"scope": "all", "region": "06"})
    assert "Bergeron" not in response.content.decode()


def test_filters_and_pagination_with_constant_queries(
    client_for: Any, django_assert_max_num_queries: Any
) -> None:
    load_demo(120)
    client = client_for("admin")
    with django_assert_max_num_queries(14):
        page_one = client.get(URL, {"scope": "all"})
    assert page_one.status_code == 200
    assert "Page 1 de" in page_one.content.decode()
    with django_assert_max_num_queries(14):
        filtered = client.get(URL, {"scope": "all", "program": "PSS", "page": "2"})
    assert filtered.status_code == 200
    for participant in filtered.context["page"].object_list:
        assert participant.program.code == "PSS"


def test_bad_filter_values_are_ignored_not_500(client_for: Any) -> None:
    response = client_for("caseworker_laval").get(
        URL, {"region": "99", "status": "nope", "page": "abc", "scope": "<script>"}
    )
    assert response.status_code == 200


def test_htmx_request_gets_only_the_table(client_for: Any) -> None:
    response = client_for("caseworker_laval").get(URL, HTTP_HX_REQUEST="true")
    assert response.status_code == 200
    assert "<html" not in response.content.decode()


def test_save_and_delete_a_search(client_for: Any, personas: Any) -> None:
    client = client_for("caseworker_laval")
    response = client.post(
        reverse("participants:save_search"), {"name": "PSS actifs", "query": "program=PSS"}
    )
    assert response.status_code == 302
    search = SavedSearch.objects.get(owner=personas["caseworker_laval"])
    assert search.query == "program=PSS"
    assert "PSS actifs" in client.get(URL).content.decode()
    other = client_for("caseworker_montreal").post(
        reverse("participants:delete_search", kwargs={"search_uuid": search.uuid})
    )
    assert other.status_code == 404
    assert SavedSearch.objects.filter(pk=search.pk).exists()
    client.post(reverse("participants:delete_search", kwargs={"search_uuid": search.uuid}))
    assert not SavedSearch.objects.filter(pk=search.pk).exists()


def test_saving_a_search_without_name_is_refused(client_for: Any) -> None:
    response = client_for("caseworker_laval").post(
        reverse("participants:save_search"), {"name": "", "query": "program=PSS"}, follow=True
    )
    assert "Donnez un nom" in response.content.decode()
    assert not SavedSearch.objects.exists()


@pytest.mark.parametrize("persona", ["partner_opex", "analyst", "participant"])
def test_roles_without_caseload_are_refused(client_for: Any, persona: str) -> None:
    response = client_for(persona).get(URL)
    assert response.status_code == 403
    assert "Accès refusé" in response.content.decode()


def test_the_page_logs_one_row_per_person_shown_in_one_insert(
    client_for: Any, personas: Any
) -> None:
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    from sentier.audit.models import AccessKind, AccessLog

    def queries_for_page_of_all() -> int:
        with CaptureQueriesContext(connection) as captured:
            response = client_for("admin").get(URL, {"scope": "all"})
        assert response.status_code == 200
        return len(captured.captured_queries)

    load_demo(4)
    few = queries_for_page_of_all()
    load_demo(60)
    client = client_for("admin")
    response = client.get(URL, {"scope": "all", "page": "2"})
    shown = {p.pk for p in response.context["page"].object_list}
    logged = AccessLog.objects.filter(user=personas["admin"], kind=AccessKind.CASELOAD)
    assert len(shown) == 25
    assert sorted(row.participant_id for row in logged.filter(path__contains="page=2")) == sorted(
        shown
    )
    # A page of 25 costs what a page of 5 did: the rows go in one INSERT.
    assert queries_for_page_of_all() == few


def test_a_refused_caseload_logs_nothing(client_for: Any, laval_participant: Any) -> None:
    from sentier.audit.models import AccessLog

    assert client_for("participant").get(URL).status_code == 403
    assert not AccessLog.objects.exists()


def test_a_long_caseload_is_counted_only_as_far_as_the_page_needs(
    client_for: Any, monkeypatch: pytest.MonkeyPatch, django_assert_max_num_queries: Any
) -> None:
    """No COUNT of every file on every page: past the bound, "more than N", and a later page
    counts further."""
    load_demo(120)
    monkeypatch.setattr("sentier.participants.views.COUNT_BOUND", 50)
    client = client_for("admin")
    with django_assert_max_num_queries(14):
        first = client.get(URL, {"scope": "all"})
    paginator = first.context["page"].paginator
    assert (paginator.count, paginator.more, paginator.num_pages) == (50, True, 3)
    assert "Plus de 50 personnes participantes" in first.content.decode()
    assert "Page 1 sur au moins 3" in first.content.decode()
    third = client.get(URL, {"scope": "all", "page": "3"})
    paginator = third.context["page"].paginator
    assert third.context["page"].number == 3
    assert 50 < paginator.count <= 100
    # A short list is counted and numbered as before.
    mine = client_for("caseworker_laval").get(URL).context["page"].paginator
    assert mine.more is False


def test_the_bound_follows_the_page_asked_for() -> None:
    from sentier.core.pagination import bound_for_page

    assert bound_for_page(None, per_page=25, at_least=1000) == 1000
    assert bound_for_page("abc", per_page=25, at_least=1000) == 1000
    assert bound_for_page("50", per_page=25, at_least=1000) == 1275
    assert bound_for_page("-3", per_page=25, at_least=1000) == 1000
    assert bound_for_page("9" * 30, per_page=25, at_least=1000) == 2_500_025


def test_a_name_search_lists_every_match_in_name_order_with_constant_queries(
    client_for: Any, personas: Any, django_assert_max_num_queries: Any
) -> None:
    """The search's matches are found first (``sentier.core.queries.among``), then sorted: the
    same files, in the same order, as the plain filter gives."""
    from django.db.models import Q

    from sentier.accounts.models import User
    from sentier.participants.models import Participant
    from sentier.participants.selectors import list_participants_for_user

    load_demo(120)
    admin = User.objects.get(pk=personas["admin"].pk)
    surname = Participant.objects.order_by().values_list("last_name", flat=True).distinct().first()
    assert surname
    text = surname[1:4]
    expected = list(
        list_participants_for_user(admin).filter(
            Q(first_name__icontains=text) | Q(last_name__icontains=text) | Q(file_number=text)
        )
    )
    assert expected
    client = client_for("admin")
    client.get(URL, {"scope": "all", "q": text})
    with django_assert_max_num_queries(14):
        response = client.get(URL, {"scope": "all", "q": text})
    page = response.context["page"]
    assert page.paginator.count == len(expected)
    assert list(page.object_list) == expected[:25]
    number = expected[0].file_number
    found = client.get(URL, {"scope": "all", "q": number}).context["page"].object_list
    assert list(found) == [expected[0]]


def test_a_name_search_counts_its_matches_with_its_page(
    client_for: Any, montreal_participant: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A search reads and sorts all its matches anyway: the page's rows carry their count
    (``MatchesPaginator``), no second search for a COUNT; past the bound the list says "more
    than N", and a page past the end shows the last one."""
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    load_demo(120)
    monkeypatch.setattr("sentier.participants.views.COUNT_BOUND", 30)
    client = client_for("admin")
    client.get(URL, {"scope": "all", "q": "a"})  # warm: sessions, caches
    with CaptureQueriesContext(connection) as queries:
        first = client.get(URL, {"scope": "all", "q": "a"})
    # PostgreSQL writes the search LIKE UPPER('%a%'), SQLite LIKE '%a%' ESCAPE '\\'.
    searches = [q["sql"] for q in queries.captured_queries if "'%a%'" in q["sql"]]
    assert len(searches) == 1, searches
    assert ") OVER ()" in searches[0]  # the count of the matches, with the page
    paginator = first.context["page"].paginator
    # bound_for_page: two pages of 25 at least, past the patched 30.
    assert (paginator.count, paginator.more, paginator.num_pages) == (50, True, 3)
    assert "Plus de 50 personnes participantes" in first.content.decode()
    short = client.get(URL, {"scope": "all", "q": "Bergeron"}).context["page"]
    assert short.paginator.more is False
    assert short.paginator.count == len(short.object_list) > 0
    assert montreal_participant in short.object_list
    past = client.get(URL, {"scope": "all", "q": "Bergeron", "page": "7"}).context["page"]
    assert past.number == short.paginator.num_pages == 1
    assert list(past.object_list) == list(short.object_list)


def test_a_page_is_read_by_its_ids_first_in_the_lists_order(client_for: Any, personas: Any) -> None:
    """``KeyedPaginator``: the page's ids from the list's index, then its rows; the page holds
    the same files in the same order as the list sliced whole, and only those rows are read
    whole."""
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    from sentier.accounts.models import User
    from sentier.participants.selectors import caseload_filters

    load_demo(120)
    admin = User.objects.get(pk=personas["admin"].pk)
    expected = list(caseload_filters(admin, {"scope": "all"})[25:50])
    assert len(expected) == 25
    client = client_for("admin")
    with CaptureQueriesContext(connection) as queries:
        page = client.get(URL, {"scope": "all", "page": "2"}).context["page"]
    assert list(page.object_list) == expected
    whole = [
        q["sql"]
        for q in queries.captured_queries
        if q["sql"].startswith(
            'SELECT "participants_participant"."id", "participants_participant"."uuid"'
        )
    ]
    assert len(whole) == 1, whole
    assert "OFFSET" not in whole[0]  # the 25 rows by id, not the list read up to them
