"""Who viewed my file, page by page (keyset): every showing once, in order, whichever way the
person walks, and each page found without counting or skipping the rows before it."""

from __future__ import annotations

import re
from typing import Any

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from sentier.audit.models import AccessKind, AccessLog

pytestmark = pytest.mark.django_db

SHOWINGS = 120  # 3 pages of 50


@pytest.fixture
def long_log(personas: dict[str, Any], laval_participant: Any) -> list[int]:
    # Written in one statement, they share one moment: the id alone orders them, the hardest
    # case for a cursor.
    AccessLog.objects.bulk_create(
        AccessLog(user=personas["caseworker_laval"], participant=laval_participant, kind=kind)
        for kind in [AccessKind.FILE] * SHOWINGS
    )
    return list(
        AccessLog.objects.filter(participant=laval_participant)
        .order_by("-accessed_at", "-id")
        .values_list("id", flat=True)
    )


def _ids(client: Any, query: str) -> tuple[list[str], dict[str, str]]:
    body = client.get(reverse("participants:my_access_log") + query).content.decode()
    links = {
        rel: "?" + link.replace("&amp;", "&")
        for link, rel in re.findall(r'href="\?([^"]+)" rel="(prev|next)"', body)
    }
    return re.findall(r"<tr><td data-label=", body), links


def test_walking_older_then_newer_shows_every_showing_once(
    client_for: Any, long_log: list[int]
) -> None:
    client = client_for("participant")
    seen, query, pages = 0, "", 0
    while True:
        rows, links = _ids(client, query)
        seen += len(rows)
        pages += 1
        assert ("prev" in links) == (pages > 1)
        if "next" not in links:
            break
        query = links["next"]
    assert seen == len(long_log)
    assert pages == 3
    rows, links = _ids(client, links["prev"])  # back from the last page
    assert len(rows) == 50
    rows, links = _ids(client, links["prev"])
    assert len(rows) == 50
    assert "prev" not in links  # the newest page again


def test_pages_list_the_rows_in_order_without_counting_them(
    personas: dict[str, Any], laval_participant: Any, long_log: list[int]
) -> None:
    from sentier.audit.selectors import page_of_access_for_participant

    shown: list[int] = []
    older = ""
    while True:
        with CaptureQueriesContext(connection) as queries:
            page = page_of_access_for_participant(laval_participant, older=older)
        assert not any("COUNT(" in q["sql"].upper() for q in queries.captured_queries)
        assert not any("OFFSET" in q["sql"].upper() for q in queries.captured_queries)
        shown += [row.pk for row in page.object_list]
        if not page.older:
            break
        older = page.older
    assert shown == long_log


def test_a_changed_cursor_shows_the_newest_page(client_for: Any, long_log: list[int]) -> None:
    client = client_for("participant")
    for cursor in ("?older=forged", "?newer=forged", "?older=", "?page=199"):
        response = client.get(reverse("participants:my_access_log") + cursor)
        assert response.status_code == 200
        rows, links = _ids(client, cursor)
        assert len(rows) == 50
        assert "prev" not in links
