"""While the database restarts, a request gets a translated 503 "try again" page with
Retry-After, never a traceback nor the generic error page."""

from __future__ import annotations

from typing import Any

import pytest
from django.db import InterfaceError, OperationalError
from django.test import Client, override_settings
from django.urls import path

from config import urls as site_urls

pytestmark = pytest.mark.django_db


def database_restarting(request: Any) -> Any:
    raise OperationalError("terminating connection due to administrator command")


def connection_closed(request: Any) -> Any:
    raise InterfaceError("connection already closed")


# The site's own URLs too: the page links to them.
urlpatterns = [
    path("restarting/", database_restarting),
    path("closed/", connection_closed),
    *site_urls.urlpatterns,
]
handler500 = "sentier.site.views.server_error"  # as config.urls


@pytest.mark.parametrize("url", ["/restarting/", "/closed/"])
@pytest.mark.parametrize(
    ("language", "title", "button"),
    [
        ("fr-ca", "Sentier est brièvement indisponible", "Réessayer"),
        ("en-ca", "Sentier is briefly unavailable", "Try again"),
    ],
)
def test_database_error_is_a_translated_try_again_page(
    personas: Any, url: str, language: str, title: str, button: str
) -> None:
    with override_settings(ROOT_URLCONF=__name__, DEBUG=False):
        client = Client(raise_request_exception=False, HTTP_ACCEPT_LANGUAGE=language)
        client.force_login(personas["caseworker_laval"])
        client.cookies["django_language"] = language
        response = client.get(url)
    assert response.status_code == 503
    assert response["Retry-After"] == "5"
    content = response.content.decode()
    assert button in content
    assert "Traceback" not in content
    assert "administrator command" not in content
    assert "already closed" not in content
    if language == "en-ca":
        assert title in content


def test_other_errors_keep_the_generic_500_page() -> None:
    def explode(request: Any) -> Any:
        raise RuntimeError("boom")

    with override_settings(ROOT_URLCONF=__name__, DEBUG=False):
        urlpatterns.append(path("explode/", explode))
        try:
            response = Client(raise_request_exception=False).get("/explode/")
        finally:
            urlpatterns.pop()
    assert response.status_code == 500
    assert "Retry-After" not in response
