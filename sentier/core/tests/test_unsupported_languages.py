"""A language Sentier does not offer, asked by the address, the language cookie or the browser,
gives the French page (with a notice when the address asked for it): never a 500 (issue 19)."""

from __future__ import annotations

import pytest
from django.conf import settings
from django.test import Client
from django.utils import translation

pytestmark = pytest.mark.django_db


def _notice(code: str) -> str:
    with translation.override("fr-ca"):
        return translation.gettext(
            "Sentier is not available in the language you asked for (%(code)s): "
            "the page is shown in %(language)s."
        ) % {"code": code, "language": translation.gettext("French")}


@pytest.mark.parametrize("path", ["/de/apply/", "/pt-br/apply/", "/tlh/apply/"])
def test_an_unsupported_address_goes_to_french_with_a_notice(client: Client, path: str) -> None:
    response = client.get(path, follow=True)
    assert response.status_code == 200
    assert response.redirect_chain[-1][0] == "/fr-ca/apply/"
    code = path.split("/")[1]
    assert _notice(code).replace("’", "&#x27;") in response.content.decode().replace("’", "&#x27;")


@pytest.mark.parametrize("cookie", ["zz", "de", "../../etc", "ar\x00", "e" * 300])
def test_an_unsupported_language_cookie_gives_french_not_a_500(client: Client, cookie: str) -> None:
    client.cookies[settings.LANGUAGE_COOKIE_NAME] = cookie
    response = client.get("/", follow=True)
    assert response.status_code == 200
    assert response.redirect_chain[-1][0] == "/fr-ca/"


@pytest.mark.parametrize(
    "header", ["de", "xx-YY;q=1, zz", ";;;==,,q=abc", "*", "ar-SA;q=0.9, de;q=1"]
)
def test_an_odd_browser_language_gives_an_offered_one_not_a_500(
    client: Client, header: str
) -> None:
    response = client.get("/", headers={"accept-language": header}, follow=True)
    assert response.status_code == 200
    landed = response.redirect_chain[-1][0]
    assert landed == ("/ar/" if header.startswith("ar") else "/fr-ca/")


def test_the_remembered_participant_language_is_offered_back_from_the_cookie(
    client: Client,
) -> None:
    client.cookies[settings.LANGUAGE_COOKIE_NAME] = "ht"
    response = client.get("/", follow=True)
    assert response.redirect_chain[-1][0] == "/ht/"
    assert 'lang="ht"' in response.content.decode()
