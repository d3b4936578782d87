"""A NUL byte in an address or a filter (PostgreSQL refuses them) never gives a 500."""

from __future__ import annotations

from typing import Any

import pytest

pytestmark = pytest.mark.django_db

PAGES = [
    ("caseworker_laval", "/fr-ca/participants/?q=%00&region=%00&status=%00&page=%00"),
    ("caseworker_laval", "/fr-ca/apply/review/?path=%00&status=%00&assigned=%00"),
    ("caseworker_laval", "/fr-ca/apply/%00abcdefghijklmnopqrst/identity/"),
    ("caseworker_laval", "/fr-ca/paas/statements/?month=%00"),
    ("partner_opex", "/fr-ca/paas/attendance/?week=%00"),
    ("admin", "/fr-ca/paas/ministry/?region=%00"),
    ("analyst", "/fr-ca/directory/?q=%00&region=%00&clientele=%00"),
    ("analyst", "/fr-ca/participants/%00/"),
]


@pytest.mark.parametrize(("persona", "url"), PAGES)
def test_nul_bytes_are_refused_gracefully(client_for: Any, persona: str, url: str) -> None:
    response = client_for(persona).get(url)
    assert response.status_code < 500


def test_nul_bytes_in_a_form_are_refused(client_for: Any, laval_participant: Any) -> None:
    response = client_for("caseworker_laval").post(
        f"/fr-ca/participants/{laval_participant.uuid}/notes/", {"text": "a\x00b"}
    )
    assert response.status_code == 400
