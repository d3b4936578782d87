"""The HTML of the plain widgets written in Python, character for character what their templates
give: Django's ``input.html`` family, ``textarea.html`` and ``select.html`` with its options, and
the SDG choice input (``core/forms/choice_input.html``).

Why: every option of a ``<select>`` and every box of a checkbox group went through two template
inclusions (the option, then its attributes), and every text input through three: a languages
checkbox group cost 2.4 ms a render and a ``<select>`` 1.6 ms, the largest share of an
application step's CPU under load. :class:`sentier.core.forms.SentierFormRenderer` calls these
functions only while the template of that name is Django's own (a project template of the same
name takes over, as it would without them), and only for options drawn with Django's option
template. The tests in ``sentier/core/tests/test_widget_html.py`` compare both paths.

Each function follows its template's rules for a value: ``{{ x }}`` localizes and escapes
(:func:`render_value_in_context`), ``{{ x|stringformat:'s' }}`` keeps a safe string safe,
``{% if value is not False %}`` and ``is not True`` compare by identity.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from types import SimpleNamespace
from typing import Any

from django.template.base import render_value_in_context
from django.template.defaultfilters import stringformat
from django.utils.html import escape
from django.utils.safestring import SafeData

#: A template context as ``{{ x }}`` sees one rendered by a form renderer: autoescaped, the
#: active language's formats and the current time zone.
_CONTEXT = SimpleNamespace(autoescape=True, use_l10n=None, use_tz=None)

INPUT = "django/forms/widgets/input.html"
SELECT_OPTION = "django/forms/widgets/select_option.html"


def text(value: Any) -> str:
    """``{{ value }}``."""
    return str(render_value_in_context(value, _CONTEXT))


def as_s(value: Any) -> str:
    """``{{ value|stringformat:'s' }}``."""
    formatted = stringformat(value, "s")
    if isinstance(value, SafeData):
        return str(formatted)
    return str(escape(formatted))


def attrs_html(attrs: Mapping[str, Any], *, skip: str | None = None) -> str:
    """``django/forms/widgets/attrs.html`` (without the attribute named ``skip``)."""
    parts = []
    for name, value in attrs.items():
        if value is False or name == skip:
            continue
        parts.append(f" {text(name)}" if value is True else f' {text(name)}="{as_s(value)}"')
    return "".join(parts)


def input_html(widget: Mapping[str, Any]) -> str:
    """``django/forms/widgets/input.html`` (text, email, number, date, hidden, …)."""
    value = widget["value"]
    shown = f' value="{as_s(value)}"' if value is not None else ""
    return (
        f'<input type="{text(widget["type"])}" name="{text(widget["name"])}"{shown}'
        f"{attrs_html(widget['attrs'])}>"
    )


def textarea_html(widget: Mapping[str, Any]) -> str:
    """``django/forms/widgets/textarea.html``."""
    value = widget["value"]
    return (
        f'<textarea name="{text(widget["name"])}"{attrs_html(widget["attrs"])}>\n'
        f"{text(value) if value else ''}</textarea>"
    )


def select_html(widget: Mapping[str, Any]) -> str | None:
    """``django/forms/widgets/select.html`` with Django's option template; None for a widget
    whose options are drawn by another template."""
    parts = [f'<select name="{text(widget["name"])}"{attrs_html(widget["attrs"])}>']
    for group_name, group_choices, _index in widget["optgroups"]:
        if group_name:
            parts.append(f'\n  <optgroup label="{text(group_name)}">')
        for option in group_choices:
            if option["template_name"] != SELECT_OPTION:
                return None
            parts.append(
                f'\n  <option value="{as_s(option["value"])}"{attrs_html(option["attrs"])}>'
                f"{text(option['label'])}</option>\n"
            )
        if group_name:
            parts.append("\n  </optgroup>")
    parts.append("\n</select>")
    return "".join(parts)


def choice_input_html(widget: Mapping[str, Any]) -> str:
    """``core/forms/choice_input.html``: a radio button or a checkbox with the SDG's class."""
    attrs = widget["attrs"]
    extra = f" {text(attrs['class'])}" if attrs.get("class") else ""
    value = widget["value"]
    shown = f' value="{as_s(value)}"' if value is not None else ""
    return (
        f'<input type="{text(widget["type"])}" name="{text(widget["name"])}" '
        f'class="qc-choicefield{extra}"{shown}{attrs_html(attrs, skip="class")}>'
    )


ATTRS = "django/forms/widgets/attrs.html"
INPUT_KINDS = (
    "input",
    "text",
    "email",
    "number",
    "date",
    "time",
    "datetime",
    "hidden",
    "password",
    "search",
    "tel",
    "url",
    "color",
)

#: Django's widget templates drawn in Python: the template's name → its HTML (None: draw it
#: with the template after all), and the templates whose text the function copies (each must
#: be Django's own for the function to stand in for them).
WIDGETS: dict[str, tuple[Callable[[Mapping[str, Any]], str | None], tuple[str, ...]]] = {
    **{
        f"django/forms/widgets/{kind}.html": (
            input_html,
            (f"django/forms/widgets/{kind}.html", INPUT, ATTRS),
        )
        for kind in INPUT_KINDS
    },
    "django/forms/widgets/textarea.html": (
        textarea_html,
        ("django/forms/widgets/textarea.html", ATTRS),
    ),
    "django/forms/widgets/select.html": (
        select_html,
        ("django/forms/widgets/select.html", SELECT_OPTION, ATTRS),
    ),
}
