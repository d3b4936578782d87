"""The partner's inbox rows (up to 100 a page) drawn in Python, character for character what
``referrals/_inbox_rows.html`` gives, while that template is the file they copy: the loop cost
the page about a dozen template nodes a row. ``sentier/referrals/tests/test_inbox_rows.py``
compares both: **a change to ``_inbox_rows.html`` must be made in** :func:`_draw_rows` **too**
(the tests fail until it is). Modelled on the dashboard's tables (``sentier.insights.tables``).
"""

from __future__ import annotations

from collections.abc import Sequence
from html import escape
from pathlib import Path

from django.template.loader import get_template
from django.utils.safestring import SafeString, mark_safe
from django.utils.translation import gettext as _

from sentier.core.drawn import loads_own_file
from sentier.core.templatetags.sentier_format import longdate
from sentier.referrals.selectors import SharedReferral

#: The template the rows copy, and the file it must load for :func:`_draw_rows` to stand in.
ROWS_TEMPLATE = "referrals/_inbox_rows.html"
ROWS_FILE = Path(__file__).resolve().parent / "templates" / ROWS_TEMPLATE


def _loads_rows_file() -> bool:
    return loads_own_file(ROWS_TEMPLATE, ROWS_FILE)


def rows_html(
    rows: Sequence[tuple[SharedReferral, str]], *, drawn: bool | None = None
) -> SafeString:
    """``referrals/_inbox_rows.html`` for ``rows`` (each referral as shared, and its link):
    drawn in Python while that template is the file :func:`_draw_rows` copies, else rendered by
    it (a project template of that name). ``drawn``: force one or the other (tests)."""
    if _loads_rows_file() if drawn is None else drawn:
        return mark_safe(_draw_rows(rows))  # noqa: S308 - every value in it is escaped
    return mark_safe(get_template(ROWS_TEMPLATE).render({"rows": rows}))  # noqa: S308


def _draw_rows(rows: Sequence[tuple[SharedReferral, str]]) -> str:
    """The rows of ``referrals/_inbox_rows.html``. A value (``{{ x }}``) is ``html.escape``d as
    Django escapes it; a translation (``{% translate %}``, the text of a ``blocktranslate``) is
    not, as in the template."""
    service_label, received_label = _("Service"), _("Received on")
    status_label, overdue = _("Status"), _("answer overdue")
    referral_of = _("Referral %(ref)s")
    parts: list[str] = []
    for row, detail_url in rows:
        r = row.referral
        if row.shows_identity:
            who = escape(r.participant.full_name)
        else:
            who = referral_of % {"ref": escape(str(r.uuid)[:8])}
        notice = (
            f'<br><span class="sentier-small">{escape(row.notice)}</span>' if row.notice else ""
        )
        service = r.service.name if r.service is not None and r.service.name else "—"
        late = f" — <strong>{overdue}</strong>" if getattr(r, "overdue", None) else ""
        parts.append(
            f'\n    <tr><th scope="row"><a href="{escape(detail_url)}">{who}</a>{notice}</th>'
            f'\n      <td data-label="{service_label}">{escape(service)}</td>'
            f'<td data-label="{received_label}">{escape(longdate(r.sent_at))}</td>'
            f'\n      <td data-label="{status_label}">{escape(r.get_status_display())}{late}'
            "</td></tr>\n  "
        )
    return "".join(parts)
