"""The caseload's rows (25 a page) drawn in Python, character for character what
``participants/_caseload_rows.html`` gives, while that template is the file they copy: the
caseload pages are the load's most asked for (a page, its filters and its searches: about 3,600
requests in ten minutes), and each row cost a dozen template nodes.
``sentier/participants/tests/test_caseload_rows.py`` compares both: **a change to
``_caseload_rows.html`` must be made in** :func:`_draw_rows` **too** (the tests fail until it
is). The inbox's rows are drawn the same way (``sentier.referrals.inbox_rows``).
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

from django.template.loader import get_template
from django.utils.html import conditional_escape as esc
from django.utils.safestring import SafeString, mark_safe
from django.utils.translation import gettext as _

from sentier.core.drawn import loads_own_file
from sentier.participants.models import Participant
from sentier.participants.templatetags.participant_cells import language_cell

#: The template the rows copy, and the file it must load for :func:`_draw_rows` to stand in.
ROWS_TEMPLATE = "participants/_caseload_rows.html"
ROWS_FILE = Path(__file__).resolve().parent / "templates" / ROWS_TEMPLATE


def _loads_rows_file() -> bool:
    return loads_own_file(ROWS_TEMPLATE, ROWS_FILE)


def rows_html(rows: Sequence[tuple[Participant, str]], *, drawn: bool | None = None) -> SafeString:
    """``participants/_caseload_rows.html`` for ``rows`` (each file and its link): drawn in
    Python while that template is the file :func:`_draw_rows` copies, else rendered by it (a
    project template of that name). ``drawn``: force one or the other (tests)."""
    if _loads_rows_file() if drawn is None else drawn:
        return mark_safe(_draw_rows(rows))  # noqa: S308 - every value in it is escaped
    return mark_safe(get_template(ROWS_TEMPLATE).render({"rows": rows}))  # noqa: S308


def _draw_rows(rows: Sequence[tuple[Participant, str]]) -> str:
    """The rows of ``participants/_caseload_rows.html``: a value (``{{ x }}``) escaped as
    Django escapes it, a translation (``{% translate %}``) as it is, as in the template."""
    name, number, region = _("Name"), _("File number"), _("Region")
    program, status, language = _("Program"), _("Status"), _("Language")
    caseworker = _("Caseworker")
    parts: list[str] = []
    for p, file_url in rows:
        worker = "—" if p.caseworker is None else esc(str(p.caseworker))
        parts.append(
            f'\n    <tr><td data-label="{name}"><a href="{esc(file_url)}">'
            f"{esc(p.last_name)}, {esc(p.first_name)}</a></td>"
            f'<td data-label="{number}">{esc(p.file_number)}</td>'
            f'\n      <td data-label="{region}">{esc(p.region.code)} {esc(p.region.name)}</td>'
            f'<td data-label="{program}">{esc(p.program.code)}</td>'
            f'<td data-label="{status}">{esc(p.get_status_display())}</td>'
            f'<td data-label="{language}">{language_cell(p)}</td>'
            f'<td data-label="{caseworker}">{worker}</td></tr>\n  '
        )
    return "".join(parts)
