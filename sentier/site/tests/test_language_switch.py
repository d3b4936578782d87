"""The header's language switch links to the same page in the other language, built from the view
the address resolved to: never an off-site link, whatever path was asked for."""

from __future__ import annotations

import re
from typing import Any

import pytest

pytestmark = pytest.mark.django_db


def switch_link(html: str) -> str:
    links = re.findall(r'<a href="([^"]*)" lang="(?:en-ca|fr-ca)" hreflang=', html)
    assert len(links) == 1, links
    return str(links[0]).replace("&amp;", "&")


@pytest.mark.parametrize(
    "path", ["//evil.example/fr-ca/", "//evil.example/fr-ca/accounts/login/", "///evil.example/"]
)
def test_a_scheme_relative_path_gives_a_link_on_this_site(
    production_settings: Any, https_client: Any, path: str
) -> None:
    response = https_client().get("/", PATH_INFO=path)
    assert response.status_code == 404
    assert switch_link(response.content.decode()) == "/en-ca/"


def test_an_unknown_page_links_to_the_other_language_s_home(
    production_settings: Any, https_client: Any
) -> None:
    response = https_client().get("/fr-ca/no-such-page/")
    assert response.status_code == 404
    assert switch_link(response.content.decode()) == "/en-ca/"


def test_a_page_keeps_its_path_and_query(production_settings: Any, https_client: Any) -> None:
    response = https_client().get("/fr-ca/accounts/login/?next=/fr-ca/participants/")
    assert response.status_code == 200
    assert (
        switch_link(response.content.decode()) == "/en-ca/accounts/login/?next=/fr-ca/participants/"
    )


def test_a_not_found_file_links_to_the_same_address_in_english(
    client_for: Any, laval_participant: Any
) -> None:
    # The Montréal caseworker's 404 on a Laval file: the view resolved, the switch keeps the page.
    response = client_for("caseworker_montreal").get(
        f"/fr-ca/participants/{laval_participant.uuid}/"
    )
    assert response.status_code == 404
    assert (
        switch_link(response.content.decode()) == f"/en-ca/participants/{laval_participant.uuid}/"
    )
