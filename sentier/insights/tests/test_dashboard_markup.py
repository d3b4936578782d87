"""The dashboard's tables drawn in Python (``sentier.insights.tables``, session 15) give the page
byte for byte as before, in French and in English: the rows as the loop of
``insights/_table_rows.html`` draws them, every number as ``number_format`` writes it, and the
whole page as the dashboard's template as it was drew it (its rows' loop inlined, the export
addresses written once a table)."""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

import pytest
from django.conf import settings
from django.template import engines
from django.template.loader import get_template
from django.test import override_settings
from django.urls import reverse
from django.utils import translation
from django.utils.formats import number_format

from sentier.insights import tables
from sentier.insights.catalogue import current
from sentier.insights.indicators import Result
from sentier.insights.milestones import Scope
from sentier.insights.models import DashboardView
from sentier.insights.report import build_report
from sentier.insights.tests.journeys import load_journeys

pytestmark = pytest.mark.django_db

LANGUAGES = ["fr-ca", "en-ca"]
#: The rows of an indicator's table as ``insights/dashboard.html`` drew them before this change.
LOOP_AS_IT_WAS = (
    '{% for head, cells in table.rows %}<tr><th scope="row">{{ head }}</th>'
    '{% for cell in cells %}<td class="sentier-number"{% if cell.suppressed %} data-suppressed'
    "{% endif %}>{% if cell.suppressed %}<em>{{ cell.text }}</em>{% else %}{{ cell.text }}"
    '{% if cell.detail %} <span class="sentier-small">({{ cell.detail }})</span>{% endif %}'
    "{% endif %}</td>{% endfor %}</tr>{% endfor %}"
)
#: A CSRF token (the sign-out form) is masked anew at each use: the same secret, another text.
CSRF = re.compile(r'(name="csrfmiddlewaretoken" value=")[^"]+"')


def unmasked(html: str) -> str:
    return CSRF.sub(r'\1…"', html)


def dashboard_as_it_was() -> str:
    source = Path(get_template("insights/dashboard.html").origin.name).read_text(encoding="utf-8")  # type: ignore[attr-defined]
    assert source.count("{{ table.body }}") == 1
    for name in ("csv", "xlsx"):
        hoisted = f"{{% url 'insights:export_{name}' as {name}_url %}}"
        assert source.count(hoisted) == 1
        source = source.replace(hoisted, "")
        source = source.replace(f"{{{{ {name}_url }}}}", f"{{% url 'insights:export_{name}' %}}")
    source = source.replace(
        "{% comment %}The export addresses once, not once a table.{% endcomment %}", ""
    )
    return source.replace("{{ table.body }}", LOOP_AS_IT_WAS)


@pytest.fixture
def journeys(personas: dict[str, Any]) -> None:
    load_journeys()


def test_the_rows_template_is_the_loop_as_it_was() -> None:
    assert tables.ROWS_FILE.read_text(encoding="utf-8") == LOOP_AS_IT_WAS


@pytest.mark.parametrize("language", LANGUAGES)
def test_the_page_reads_as_before(journeys: None, client_for: Any, language: str) -> None:
    client = client_for("analyst")
    with translation.override(language):
        url = reverse("insights:dashboard")
    logged = DashboardView.objects.count()
    response = client.get(url)
    assert response.status_code == 200
    assert DashboardView.objects.count() == logged + 1  # every view still logged
    new = response.content.decode()
    keys = response.context.keys()  # a ContextList: iterating it gives contexts, not keys
    context = {key: response.context[key] for key in keys}
    assert len(context["tables"]) == len(current())
    with translation.override(language):
        old = engines["django"].from_string(dashboard_as_it_was())
        before = old.render(context, response.wsgi_request)
    assert unmasked(new) == unmasked(before)
    # The page holds what the Python draws: suppressed cells, rates with their counts, medians.
    assert "data-suppressed><em>" in new
    assert re.search(r'%\s<span class="sentier-small">\(\d+ / \d+\)</span>', new)
    assert new.count("<tbody>") >= len(current())


@pytest.mark.parametrize("language", LANGUAGES)
def test_the_rows_are_those_of_their_template(journeys: None, language: str) -> None:
    """Every table of the analyst's report, and one whose words need escaping."""
    report = build_report(Scope(regions=None), by=("area", "month"))
    template = get_template(tables.ROWS_TEMPLATE)
    with translation.override(language):
        built = tables.build_tables(report.results)
        odd = tables.Table(
            report.results[0],
            ["x"],
            rows=[
                ('<b>"O\'Neil" & co</b>', [tables.Shown("1 <2>", detail="a & b")]),
                ("", [tables.Shown("&amp;", suppressed=True), tables.Shown("'")]),
            ],
        )
        for table in built:
            assert table.body == template.render({"table": table})
        assert tables.rows_html(odd) == template.render({"table": odd})
    assert "&lt;b&gt;&quot;O&#x27;Neil&quot; &amp; co&lt;/b&gt;" in tables._draw_rows(odd)


def test_a_project_template_of_that_name_takes_over(tmp_path: Path, journeys: None) -> None:
    """Another ``insights/_table_rows.html`` first on the template path draws the rows: the
    Python copies only the app's own."""
    (tmp_path / "insights").mkdir()
    (tmp_path / "insights" / "_table_rows.html").write_text(
        "{% for head, cells in table.rows %}[{{ head }}]{% endfor %}", encoding="utf-8"
    )
    engine: dict[str, Any] = settings.TEMPLATES[0]
    templates = [{**engine, "DIRS": [tmp_path, *engine.get("DIRS", [])]}]
    result: Result = demo_result()
    with override_settings(TEMPLATES=templates), translation.override("en-ca"):
        [table] = tables.build_tables([result])
        assert table.body == "".join(f"[{head}]" for head, _cells in table.rows)
    with translation.override("en-ca"):
        [table] = tables.build_tables([result])
        assert table.body.startswith('<tr><th scope="row">')


def demo_result() -> Result:
    return build_report(Scope(regions=None), by=("area", "month")).results[0]


@pytest.mark.parametrize("language", LANGUAGES)
def test_numbers_are_written_as_number_format_writes_them(db: None, language: str) -> None:
    values: list[Any] = [0, 7, 10, 999, 1000, 12345, 1234567, -4321, 0.0, 2.5, 12.25, 1234.56]
    with translation.override(language):
        words = tables.Words()
        for value in values:
            for decimal_pos in (None, 1):
                for grouping in (False, True):
                    expected = number_format(value, decimal_pos, force_grouping=grouping)
                    assert words.number(value, decimal_pos, grouping) == expected
                    # And again, from what the page keeps.
                    assert words.number(value, decimal_pos, grouping) == expected
