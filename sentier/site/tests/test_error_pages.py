"""Bad input gets a translated page, never a traceback or a 500."""

from __future__ import annotations

from typing import Any

import pytest
from django.test import Client, override_settings
from django.urls import path

from sentier.site import views

pytestmark = pytest.mark.django_db


def explode(request: Any) -> Any:
    raise RuntimeError("boom")


urlpatterns = [path("explode/", explode)]


@pytest.mark.parametrize(
    ("url", "text"),
    [("/fr-ca/nowhere/", "Page introuvable"), ("/en-ca/nowhere/", "Page not found")],
)
def test_unknown_page_is_a_translated_404(client: Any, url: str, text: str) -> None:
    response = client.get(url)
    assert response.status_code == 404
    assert text in response.content.decode()


def test_server_error_page_is_translated_and_has_no_traceback() -> None:
    with override_settings(ROOT_URLCONF=__name__, DEBUG=False):
        client = Client(raise_request_exception=False)
        response = client.get("/explode/")
    assert response.status_code == 500
    content = response.content.decode()
    assert "Traceback" not in content
    assert "boom" not in content


def test_csrf_failure_is_explained(personas: Any) -> None:
    client = Client(enforce_csrf_checks=True)
    client.force_login(personas["caseworker_laval"])
    response = client.post("/fr-ca/participants/searches/", {"name": "x"})
    assert response.status_code == 403
    assert "formulaire a expiré" in response.content.decode()


def test_error_views_render_directly(rf: Any) -> None:
    request = rf.get("/fr-ca/x")
    from django.contrib.auth.models import AnonymousUser

    request.user = AnonymousUser()
    assert views.bad_request(request).status_code == 400
    assert views.permission_denied(request).status_code == 403
