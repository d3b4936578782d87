"""The Ontario file page with its sections' narrower reads (session 16) is the page they drew
with whole rows, for every Ontario persona, in English and French (see
``sentier/site/tests/test_file_page_columns.py`` for Québec)."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from django.test import Client
from django.urls import reverse
from django.utils import translation

from sentier.accounts.models import User
from sentier.ontario.tests.test_file_screens_config import _toronto_file
from sentier.site.tests.test_file_page_columns import shown, whole_rows


def test_the_ontario_file_page_reads_as_with_whole_rows(
    ontario: dict[str, Any], on_client: Callable[[str], Client], monkeypatch: Any
) -> None:
    participant = _toronto_file(ontario)
    opened = 0
    for key in sorted(key for key, value in ontario.items() if isinstance(value, User)):
        client = on_client(key)
        for language in ("en-ca", "fr-ca"):
            with translation.override(language):
                url = reverse("participants:file", args=[participant.uuid])
            with monkeypatch.context() as old:
                whole_rows(old)
                before = shown(client, url)
            now = shown(client, url)
            assert now[:3] == before[:3], (key, language)
            assert len(now[3]) <= len(before[3])
            opened += now[0] == 200
    assert opened >= 2  # the local office's caseworker at least, in both languages
