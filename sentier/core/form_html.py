"""The HTML of a form's fields written in Python, character for character what their templates
give: ``core/forms/field.html`` (the SDG field: label, help text, errors, a group of radio
buttons or checkboxes), Django's ``input.html`` family, ``textarea.html``, ``select.html`` with
its options and ``multiple_input.html`` (radio buttons and checkboxes a page draws with
``{{ field }}``).

Why: a field went through its template and two more inclusions (help text, errors), every
option of a ``<select>`` and every box of a checkbox group through two (the option, then its
attributes), every text input through three. An application step, the page the load test asks
for most, spent two thirds of its CPU in the template engine, half of it in the fields; a
languages checkbox group cost 2.4 ms a render and a ``<select>`` 1.6 ms.
:class:`sentier.core.forms.SentierFormRenderer` calls these functions only while each template
they copy is the one they were written from: Django's own for the widgets (a project template
of the same name takes over), and for the field, the field template in use; a field drawn in
several parts (``use_fieldset``: a date and a time) still goes through the template. The tests
in ``sentier/core/tests/test_form_html.py`` compare both paths on every form of the project:
**a change to ``core/forms/field.html`` must be made here too** (they fail until it is).

Each function follows its template's rules for a value: ``{{ x }}`` localizes and escapes
(:func:`render_value_in_context`), ``{{ x|stringformat:'s' }}`` keeps a safe string safe,
``{% if value is not False %}`` and ``is not True`` compare by identity.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from html import escape as html_escape
from pathlib import Path
from types import SimpleNamespace
from typing import Any, cast

from django import forms
from django.forms import BoundField
from django.template.base import render_value_in_context
from django.template.defaultfilters import stringformat
from django.utils.html import escape
from django.utils.safestring import SafeData, SafeString

#: A template context as ``{{ x }}`` sees one rendered by a form renderer: autoescaped, the
#: active language's formats and the current time zone.
_CONTEXT = SimpleNamespace(autoescape=True, use_l10n=None, use_tz=None)

QUOTE = '"'
INPUT = "django/forms/widgets/input.html"
ATTRS = "django/forms/widgets/attrs.html"
SELECT_OPTION = "django/forms/widgets/select_option.html"
MULTIPLE_INPUT = "django/forms/widgets/multiple_input.html"
INPUT_OPTION = "django/forms/widgets/input_option.html"
CHOICE_OPTIONS = (
    "django/forms/widgets/radio_option.html",
    "django/forms/widgets/checkbox_option.html",
)
CLASS = "class"


def text(value: Any) -> str:
    """``{{ value }}``. A plain string (most values) is escaped at once: the template's way,
    through localization and ``conditional_escape``, gives the same for a fifth of the calls."""
    kind = type(value)
    if kind is str:
        escaped: str = html_escape(value)
        return escaped
    if kind is SafeString:
        return cast(str, value)
    return str(render_value_in_context(value, _CONTEXT))  # type: ignore[arg-type]


def as_s(value: Any) -> str:
    """``{{ value|stringformat:'s' }}``."""
    if type(value) is str:
        return html_escape(value)
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


def multiple_input_html(widget: Mapping[str, Any]) -> str | None:
    """``django/forms/widgets/multiple_input.html`` (radio buttons, checkboxes drawn by
    ``{{ field }}``) with Django's option templates; None for options drawn by another."""
    attrs = widget["attrs"]
    ident = attrs.get("id")
    parts = [
        f"<div{f' id={QUOTE}{text(ident)}{QUOTE}' if ident else ''}"
        f"{f' class={QUOTE}{text(attrs[CLASS])}{QUOTE}' if attrs.get(CLASS) else ''}>"
    ]
    for group, options, _index in widget["optgroups"]:
        if group:
            parts.append(f"\n  <div><label>{text(group)}</label>")
        for option in options:
            if option["template_name"] not in CHOICE_OPTIONS or not option["wrap_label"]:
                return None
            # radio_option.html and checkbox_option.html add a line break of their own
            parts.append(f"<div>\n    {input_option_html(option)}\n</div>")
        if group:
            parts.append("\n  </div>")
    parts.append("\n</div>")
    return "".join(parts)


def input_option_html(option: Mapping[str, Any]) -> str:
    """``django/forms/widgets/input_option.html`` for an option in its label (the template's
    line breaks included)."""
    ident = option["attrs"].get("id")
    labelled = f" for={QUOTE}{text(ident)}{QUOTE}" if ident else ""
    return f"<label{labelled}>{input_html(option)}\n {text(option['label'])}</label>\n"


def choice_input_html(widget: Mapping[str, Any]) -> str:
    """``core/forms/choice_input.html``: a radio button or a checkbox with the SDG's class (the
    template's last line break included)."""
    attrs = widget["attrs"]
    extra = f" {text(attrs['class'])}" if attrs.get("class") else ""
    value = widget["value"]
    shown = f' value="{as_s(value)}"' if value is not None else ""
    return (
        f'<input type="{text(widget["type"])}" name="{text(widget["name"])}" '
        f'class="qc-choicefield{extra}"{shown}{attrs_html(attrs, skip="class")}>\n'
    )


REQUIRED = '<span class="qc-required" aria-hidden="true">*</span>'


def help_text_html(field: BoundField) -> str:
    """``core/forms/help_text.html`` (the template's last line break included)."""
    if not field.help_text:
        return "\n"
    return (
        f'<div class="qc-description" id="{text(field.auto_id)}_helptext">{field.help_text}</div>\n'
    )


def errors_html(field: BoundField) -> str:
    """``core/forms/errors.html`` (the template's last line break included)."""
    errors = field.errors
    if not errors:
        return "\n"
    listed = "".join(f"<p>{text(error)}</p>" for error in errors)
    return (
        f'<div class="qc-form-error qc-xs-mt" id="{text(field.auto_id)}_error">'
        f'<div class="qc-icon" data-img-type="warning" aria-hidden="true"></div>'
        f"<div>{listed}</div></div>\n"
    )


def field_html(field: BoundField) -> str | None:
    """``core/forms/field.html``; None for a field drawn in several parts (the template draws
    it)."""
    kind = field.widget_type
    required = REQUIRED if field.field.required else ""
    invalid = bool(field.errors)
    if field.is_hidden:
        return text(field)
    if kind in ("radioselect", "checkboxselectmultiple"):
        described = field.aria_describedby
        label = text(field.label)
        choices = "".join(
            f'\n      <label class="qc-choicefield-label" for="{text(choice.id_for_label)}">'
            f"{choice_input_html(choice.data)}<span>{text(choice.choice_label)}</span></label>"
            "\n      "
            for choice in field.subwidgets
        )
        return (
            f'<div class="sentier-field{" qc-fieldset-invalid" if invalid else ""}">\n'
            f'  <fieldset class="qc-fieldset qc-choice-group" id="{text(field.auto_id)}"'
            f"{f' aria-describedby={QUOTE}{text(described)}{QUOTE}' if described else ''}>\n"
            f'    <legend><span class="qc-label-text">{label}</span>{required}</legend>\n'
            f"    {help_text_html(field)}\n"
            '    <div class="qc-field-elements-flex qc-field-elements-flex-sm">\n'
            f"      {choices}\n"
            "    </div>\n"
            f"    {errors_html(field)}\n"
            "  </fieldset>\n"
            "</div>"
        )
    if kind == "checkbox":
        if not field.subwidgets:
            return None
        box = field.subwidgets[0]
        return (
            '<div class="qc-checkbox-single sentier-field'
            f'{" qc-checkbox-single-invalid" if invalid else ""}">\n'
            "  \n"
            f'  <label class="qc-choicefield-label" for="{text(field.id_for_label)}">'
            f"{choice_input_html(box.data)}<span>{text(field.label)}</span>{required}</label>\n"
            "  \n"
            f"  {help_text_html(field)}\n"
            f"  {errors_html(field)}\n"
            "</div>"
        )
    if field.use_fieldset:
        return None
    if kind in ("select", "selectmultiple"):
        frame, size = "qc-select", "auto"
    else:
        frame = "qc-textfield"
        size = {"textarea": "xl", "number": "sm", "date": "sm", "time": "sm"}.get(kind, "lg")
    return (
        f'<div class="{frame} sentier-field sentier-size-{size}">\n'
        f'  <label class="qc-label" for="{text(field.id_for_label)}">'
        f'<span class="qc-label-text">{text(field.label)}</span>{required}</label>\n'
        f"  {help_text_html(field)}\n"
        f"  {text(field)}\n"
        f"  {errors_html(field)}\n"
        "</div>"
    )


#: Where the templates these functions copy are: Django's widgets, the project's form templates.
DJANGO_TEMPLATES = Path(forms.__file__).resolve().parent / "templates"
CORE_TEMPLATES = Path(__file__).resolve().parent / "templates"

FIELD = "core/forms/field.html"
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
    "checkbox",
)


def _widget(
    draw: Callable[[Mapping[str, Any]], str | None],
) -> Callable[[Mapping[str, Any]], str | None]:
    """A widget's drawing from its template's context (``widget``)."""

    def from_context(context: Mapping[str, Any]) -> str | None:
        widget = context.get("widget")
        return draw(widget) if isinstance(widget, dict) else None

    return from_context


def _field(context: Mapping[str, Any]) -> str | None:
    """The field's drawing from its template's context (``field``)."""
    field = context.get("field")
    return field_html(field) if isinstance(field, BoundField) else None


Draw = Callable[[Mapping[str, Any]], "str | None"]

#: The templates drawn in Python: the template's name → the function that draws it from the
#: template's context (None: draw it with the template after all), and the files of the
#: templates it copies (each name must still load that file for the function to stand in).
DRAWN: dict[str, tuple[Draw, dict[str, Path]]] = {
    **{
        f"django/forms/widgets/{kind}.html": (
            _widget(input_html),
            {
                name: DJANGO_TEMPLATES / name
                for name in (f"django/forms/widgets/{kind}.html", INPUT, ATTRS)
            },
        )
        for kind in INPUT_KINDS
    },
    **{
        f"django/forms/widgets/{kind}.html": (
            _widget(multiple_input_html),
            {
                name: DJANGO_TEMPLATES / name
                for name in (
                    f"django/forms/widgets/{kind}.html",
                    MULTIPLE_INPUT,
                    *CHOICE_OPTIONS,
                    INPUT_OPTION,
                    INPUT,
                    ATTRS,
                )
            },
        )
        for kind in ("radio", "checkbox_select")
    },
    "django/forms/widgets/textarea.html": (
        _widget(textarea_html),
        {name: DJANGO_TEMPLATES / name for name in ("django/forms/widgets/textarea.html", ATTRS)},
    ),
    "django/forms/widgets/select.html": (
        _widget(select_html),
        {
            name: DJANGO_TEMPLATES / name
            for name in ("django/forms/widgets/select.html", SELECT_OPTION, ATTRS)
        },
    ),
    FIELD: (
        _field,
        {
            name: CORE_TEMPLATES / name
            for name in (
                FIELD,
                "core/forms/help_text.html",
                "core/forms/errors.html",
                "core/forms/choice_input.html",
            )
        },
    ),
}
