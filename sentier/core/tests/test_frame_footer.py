"""``{% piv_footer %}`` (``sentier.core.templatetags.sentier_frame``) gives byte for byte what
``{% include "core/includes/piv_footer.html" %}`` gives, in French and English, in both
configurations, the first time and from its memo; a project template of that name, or ``DEBUG``,
is rendered every time."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from django.template import Context, engines
from django.test import override_settings
from django.utils import translation

from sentier.core.templatetags import sentier_frame

INCLUDED = '{% include "core/includes/piv_footer.html" %}'
TAGGED = "{% load sentier_frame %}{% piv_footer %}"
LANGUAGES = ("fr-ca", "en-ca")
JURISDICTIONS = ("qc", "on", "xx")  # "xx": neither, the plain copyright


def render(text: str, **context: Any) -> str:
    template = engines["django"].from_string(text)
    return str(template.template.render(Context(context)))  # type: ignore[attr-defined]


def frame(language: str, jurisdiction: str) -> dict[str, Any]:
    return {"sentier": {"language": language, "jurisdiction": jurisdiction}}


def test_the_footers_are_the_apps_own_files() -> None:
    assert sentier_frame._own_files()


def test_the_kept_footer_is_the_included_one_in_every_language_and_configuration() -> None:
    """Also a page drawn in one language while another is active (``translation.override``
    inside a request): the active one translates and prefixes the links."""
    sentier_frame._KEPT.clear()
    for _round in ("first", "kept"):
        for jurisdiction in JURISDICTIONS:
            for language in LANGUAGES:
                for active in LANGUAGES:
                    with translation.override(active):
                        context = frame(language, jurisdiction)
                        included = render(INCLUDED, **context)
                        assert render(TAGGED, **context) == included, (language, active)
                        assert "<footer" in included
    assert len(sentier_frame._KEPT) == len(LANGUAGES) ** 2 * len(JURISDICTIONS)


def test_its_links_stay_inside_it() -> None:
    """As ``{% include %}``: the footer's ``{% url … as … %}`` are not seen after it."""
    sentier_frame._KEPT.clear()
    after = "{{ accessibility_url }}|{{ privacy_url }}"
    with translation.override("fr-ca"):
        assert render(TAGGED + after, **frame("fr-ca", "qc")).endswith("|")
        assert render(TAGGED + after, **frame("fr-ca", "qc")).endswith("|")  # kept


def test_a_project_template_of_that_name_is_rendered_each_time(tmp_path: Path) -> None:
    own = tmp_path / "core" / "includes" / "piv_footer.html"
    own.parent.mkdir(parents=True)
    own.write_text("<footer>{{ count }}</footer>", encoding="utf-8")
    templates = [{**engines.templates["django"], "DIRS": [tmp_path]}]
    with override_settings(TEMPLATES=templates):
        assert not sentier_frame._own_files()
        assert render(TAGGED, count=1, **frame("fr-ca", "qc")) == "<footer>1</footer>"
        assert render(TAGGED, count=2, **frame("fr-ca", "qc")) == "<footer>2</footer>"
        assert not sentier_frame._KEPT


@override_settings(DEBUG=True)
def test_nothing_is_kept_while_debugging() -> None:
    with translation.override("fr-ca"):
        assert render(TAGGED, **frame("fr-ca", "qc")) == render(INCLUDED, **frame("fr-ca", "qc"))
    assert not sentier_frame._KEPT


@pytest.mark.django_db
@pytest.mark.parametrize("language", LANGUAGES)
def test_a_page_ends_with_the_footer_of_its_language(client: Any, language: str) -> None:
    sentier_frame._KEPT.clear()
    pages = [client.get(f"/{language}/apply/").content.decode() for _ in range(2)]
    with translation.override(language):
        footer = render(INCLUDED, **frame(language, "qc"))
    assert all(footer in page for page in pages)
