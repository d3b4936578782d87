"""Cells of a file that lists show once a row (caseload, review queue), drawn in Python: an
``{% include %}`` a row cost more than the rest of the row's cells together."""

from __future__ import annotations

from typing import Any

from django import template
from django.utils.html import conditional_escape
from django.utils.safestring import SafeString, mark_safe
from django.utils.translation import gettext

from sentier.core.templatetags.sentier_format import language_names

register = template.Library()


@register.filter
def language_cell(participant: Any) -> SafeString:
    """A file's languages in one cell: the language of correspondence, and the interpreter the
    person needs, if any."""
    html = str(conditional_escape(language_names(participant.preferred_language)))
    if participant.interpreter_language:
        needed = conditional_escape(language_names(participant.interpreter_language))
        html += "<br><strong>" + gettext("Interpreter: %(language)s") % {"language": needed}
        html += "</strong>"
    return mark_safe(html)  # noqa: S308 - the names are escaped above, the label is ours
