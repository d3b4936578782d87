"""``{% piv_footer %}``: the frame's footer (``core/includes/piv_footer.html``), rendered once per
language, configuration and year, and kept in the process.

The footer is the same for every request in one language: three links (``{% url %}``), the
signature's image (``{% static %}``), a few translations and the year. Rendered on every page
(the applicants' steps are more than half of the load's requests), it cost about a tenth of a
step's drawing. What its output depends on is the memo's key: the active language, the page's
language and jurisdiction (``sentier``), the script prefix, the escaping, the year in the
current time zone. It is kept only while both footers load the app's own files (a project
template of the same name, which may read anything, is rendered every time) and never when
``DEBUG`` is on (templates edited while the server runs); a change of settings (tests) empties
it. Otherwise the output is byte for byte what ``{% include "core/includes/piv_footer.html" %}``
gives: ``sentier/core/tests/test_frame_footer.py`` compares them.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Any

from django import template
from django.conf import settings
from django.core.signals import setting_changed
from django.dispatch import receiver
from django.urls import get_script_prefix
from django.utils import timezone
from django.utils.safestring import SafeString
from django.utils.translation import get_language

from sentier.core.drawn import loads_own_file

register = template.Library()

FOOTER = "core/includes/piv_footer.html"
ONTARIO_FOOTER = "core/includes/piv_ontario_footer.html"
_TEMPLATES = Path(__file__).resolve().parents[1] / "templates"

#: The footers rendered so far, by what they depend on.
_KEPT: dict[tuple[Any, ...], SafeString] = {}


@receiver(setting_changed)
def _forget(**kwargs: Any) -> None:
    _KEPT.clear()


def _own_files() -> bool:
    return all(loads_own_file(name, _TEMPLATES / name) for name in (FOOTER, ONTARIO_FOOTER))


def footer_key(context: template.Context) -> tuple[Any, ...]:
    """What the footer's output is computed from (see the module's docstring)."""
    frame = context.get("sentier") or {}
    tzinfo = timezone.get_current_timezone() if settings.USE_TZ else None
    return (
        get_language(),
        frame.get("jurisdiction"),
        frame.get("language"),
        get_script_prefix(),
        context.autoescape,
        dt.datetime.now(tz=tzinfo).year,
    )


@register.simple_tag(takes_context=True)
def piv_footer(context: template.Context) -> SafeString:
    key = footer_key(context)
    kept = _KEPT.get(key)
    if kept is not None:
        return kept
    assert context.template is not None  # a tag is rendered inside a template
    with context.push():  # as ``{% include %}``: its ``{% url … as … %}`` stay inside
        html: SafeString = context.template.engine.get_template(FOOTER).render(context)
    if not settings.DEBUG and _own_files():
        _KEPT[key] = html
    return html
