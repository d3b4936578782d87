"""Template filters of the form templates (``core/forms/field.html``)."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from django import template
from django.utils.safestring import SafeString, mark_safe

from sentier.core.widget_html import choice_input_html

register = template.Library()


@register.filter
def choice_input(widget: Mapping[str, Any]) -> SafeString:
    """``{{ choice.data|choice_input }}``: the radio button or checkbox of one choice, drawn in
    Python (one template inclusion less per choice; the same HTML)."""
    return mark_safe(choice_input_html(widget))  # noqa: S308 - every value in it is escaped
