"""A 404 or a 500 answers in the language of its address, and says so to screen readers
(``<html lang>``, WCAG 3.1.1); e2e/test_phone_width.py checks the 404 in a browser too."""

from __future__ import annotations

import re
from typing import Any

import pytest
from django.conf.urls.i18n import i18n_patterns
from django.test import Client, override_settings
from django.urls import path

from config import urls as project_urls
from config.urls import handler500 as handler500  # the project's own 500 page

pytestmark = pytest.mark.django_db


def explode(request: Any) -> Any:
    raise RuntimeError("boom")


# The project's addresses (the error page links to them) and one that fails, in each language.
urlpatterns = [*i18n_patterns(path("explode/", explode)), *project_urls.urlpatterns]


def html_lang(content: bytes) -> str:
    match = re.search(r'<html lang="([^"]+)"', content.decode())
    assert match is not None
    return match.group(1)


@pytest.mark.parametrize(("language", "lang"), [("fr-ca", "fr-ca"), ("en-ca", "en-ca")])
def test_a_missing_page_has_the_language_of_its_address(
    client: Client, language: str, lang: str
) -> None:
    response = client.get(f"/{language}/no-such-page/")
    assert response.status_code == 404
    assert html_lang(response.content) == lang


@pytest.mark.parametrize(("language", "lang"), [("fr-ca", "fr-ca"), ("en-ca", "en-ca")])
def test_a_server_error_has_the_language_of_its_address(language: str, lang: str) -> None:
    with override_settings(ROOT_URLCONF=__name__, DEBUG=False):
        response = Client(raise_request_exception=False).get(f"/{language}/explode/")
    assert response.status_code == 500
    assert html_lang(response.content) == lang
