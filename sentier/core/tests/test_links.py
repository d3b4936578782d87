"""``linker``: the address ``reverse`` gives, in the language of the moment, for any key."""

from __future__ import annotations

import uuid

import pytest
from django.urls import NoReverseMatch, reverse
from django.utils import translation

from sentier.core.links import MARKER, linker

NAMES = ["participants:file", "intake:review", "referrals:inbox_detail", "plans:detail"]


@pytest.mark.parametrize("language", ["fr-ca", "en-ca"])
@pytest.mark.parametrize("name", NAMES)
def test_each_link_is_reverses(name: str, language: str) -> None:
    keys = [uuid.uuid4() for _ in range(5)] + [MARKER, uuid.UUID(int=0)]
    with translation.override(language):
        link = linker(name)
        assert [link(key) for key in keys] == [reverse(name, args=[key]) for key in keys]
        assert link(str(keys[0])) == reverse(name, args=[keys[0]])
    assert f"/{language}/" in link(keys[0])


def test_a_pattern_without_one_uuid_is_refused() -> None:
    with pytest.raises(NoReverseMatch):
        linker("participants:caseload")
    with pytest.raises(ValueError, match="badly formed"):
        linker("participants:file")("not a key")
