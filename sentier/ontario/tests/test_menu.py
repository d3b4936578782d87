"""The menu in the Ontario configuration: no Québec measures; each unit sees its own queue."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import pytest
from django.test import Client
from django.urls import reverse
from django.utils import translation

pytestmark = pytest.mark.django_db


def menu(client: Client) -> str:
    with translation.override("en-ca"):
        return client.get(reverse("core:home")).content.decode()


def test_an_ow_caseworker_sees_the_common_assessment_and_no_quebec_measure(
    on_client: Callable[[str], Client],
) -> None:
    page = menu(on_client("tara"))
    with translation.override("en-ca"):
        assert reverse("ontario:assessment_queue") in page
        assert reverse("ontario:odsp_queue") not in page
        for name in ("paas:placement_list", "plans:worklist", "serviceplans:list"):
            assert f'href="{reverse(name)}"' not in page


def test_odsp_intake_staff_see_their_queue_only(on_client: Callable[[str], Client]) -> None:
    page = menu(on_client("iris"))
    with translation.override("en-ca"):
        assert reverse("ontario:odsp_queue") in page
        assert reverse("ontario:assessment_queue") not in page


def test_quebec_shows_no_ontario_entry(client_for: Any) -> None:
    page = menu(client_for("caseworker_laval"))
    assert "/ontario/" not in page
    assert "/plans/" in page
