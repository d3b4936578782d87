"""The fields and widgets drawn in Python (``sentier.core.form_html``) give the same HTML as the
templates they stand in for: every form of the project and a form with every kind of widget and
value, unbound, bound and valid, bound with errors, in French and in English, byte for byte."""

from __future__ import annotations

import datetime as dt
import importlib
import inspect
import pkgutil
import re
from collections.abc import Callable
from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest
from django import forms
from django.utils import translation
from django.utils.functional import lazy
from django.utils.safestring import mark_safe

import sentier
from sentier.core.forms import DATE_WIDGET, DATETIME_WIDGET, SentierFormRenderer


class TemplateRenderer(SentierFormRenderer):
    """The renderer as it was: every field and widget drawn by its template."""

    def loads(self, template_name: str) -> Path | None:
        return None


def both(make: Callable[[], forms.BaseForm]) -> tuple[str, str]:
    """A form's HTML drawn by the templates, then by the project's renderer (each its own copy
    of the form: a bound field keeps the renderer it was made with)."""
    drawn = []
    for renderer in (TemplateRenderer(), SentierFormRenderer()):
        form = make()
        form.renderer = renderer
        drawn.append(str(form))
    return drawn[0], drawn[1]


#: A lazy label, as ``gettext_lazy`` gives one (without a message for the catalogs).
later = lazy(str, str)

GROUPED = [
    ("", "—"),
    (later("Regions"), [(1, "Laval"), (2, mark_safe("<b>Montréal</b>"))]),
    ("Autres", [("x&y", 'Quote " and <tag>'), (3.5, later("Other"))]),
]


class EveryWidgetForm(forms.Form):
    """Every widget kind the project draws, with awkward values and attributes."""

    name = forms.CharField(
        label="Nom <b>", max_length=10, help_text="Aide & <i>texte</i>", initial='a"b<c>&'
    )
    email = forms.EmailField(required=False, widget=forms.EmailInput(attrs={"autofocus": True}))
    count = forms.IntegerField(required=False, initial=1234567)
    amount = forms.DecimalField(required=False, initial=Decimal("1234.50"), localize=True)
    day = forms.DateField(required=False, widget=DATE_WIDGET, initial=dt.date(2026, 12, 31))
    moment = forms.DateTimeField(required=False, widget=DATETIME_WIDGET)
    hour = forms.TimeField(required=False, initial=dt.time(23, 30))
    secret = forms.CharField(required=False, widget=forms.PasswordInput(render_value=True))
    site = forms.URLField(
        required=False, assume_scheme="https", initial="https://exemple.ca/?a=1&b=<2>"
    )
    phone = forms.CharField(required=False, widget=forms.TextInput(attrs={"type": "tel"}))
    kept = forms.CharField(required=False, widget=forms.HiddenInput, initial="caché & gardé")
    text = forms.CharField(
        required=False,
        widget=forms.Textarea(attrs={"rows": 3, "disabled": False, "data-x": mark_safe("<s>")}),
        initial="Ligne 1\n<script>alert('x')</script>",
    )
    empty_text = forms.CharField(required=False, widget=forms.Textarea)
    choice = forms.ChoiceField(choices=GROUPED, initial=2)
    plain = forms.TypedChoiceField(
        choices=[(1, "Un"), (2, "Deux")], coerce=int, required=False, initial=2
    )
    several = forms.MultipleChoiceField(
        choices=[("a", "A"), ("b", "B & b"), ("c", mark_safe("<em>C</em>"))],
        required=False,
        initial=["a", "c"],
    )
    maybe = forms.NullBooleanField(required=False)
    grouped_radio = forms.ChoiceField(
        widget=forms.RadioSelect(attrs={"id": "custom"}),
        choices=[("Groupe", [("1", "Un"), ("2", "Deux")]), ("3", "Trois")],
        required=False,
    )
    unlabelled_boxes = forms.MultipleChoiceField(
        widget=forms.CheckboxSelectMultiple(attrs={"id": ""}),
        choices=[("x", "X")],
        required=False,
    )
    radio = forms.ChoiceField(
        widget=forms.RadioSelect(attrs={"class": "extra"}),
        choices=[("oui", "Oui"), ("non", later("No"))],
    )
    boxes = forms.MultipleChoiceField(
        widget=forms.CheckboxSelectMultiple(attrs={"data-flag": True, "data-off": False}),
        choices=[("fr", "Français"), ("en", "English"), ("a&b", '"A" & <B>')],
        initial=["en"],
    )
    agree = forms.BooleanField(label=later("I agree"))
    split = forms.SplitDateTimeField(required=False)


VALID = {
    "name": "Zoé",
    "choice": "1",
    "several": ["b"],
    "radio": "non",
    "boxes": ["fr", "a&b"],
    "agree": "on",
    "amount": "12",
}
INVALID = {
    "name": "<trop long & faux>",
    "email": "pas un courriel",
    "count": "douze",
    "day": "31/31/2026",
    "choice": "inconnu",
    "several": ["z"],
    "boxes": ["zz"],
    "text": "<b>gras</b> & fin",
}


@pytest.mark.parametrize("language", ["fr-ca", "en-ca"])
@pytest.mark.parametrize("data", [None, VALID, INVALID], ids=["unbound", "valid", "errors"])
def test_every_widget_draws_as_its_template(language: str, data: dict[str, Any] | None) -> None:
    with translation.override(language):
        old, new = both(lambda: EveryWidgetForm(data=data))
    assert new == old
    assert 'name="name"' in new
    assert "maxlength" not in new
    assert ("qc-form-error" in new) is (data is INVALID)


@pytest.mark.parametrize("language", ["fr-ca", "en-ca"])
@pytest.mark.parametrize("data", [None, VALID, INVALID], ids=["unbound", "valid", "errors"])
def test_each_widget_alone_draws_as_its_template(
    language: str, data: dict[str, Any] | None
) -> None:
    """``{{ form.field }}`` as a page writes it: the widget without the field around it (radio
    buttons and checkboxes in Django's own markup)."""
    with translation.override(language):
        for name in EveryWidgetForm.base_fields:
            drawn = []
            for renderer in (TemplateRenderer(), SentierFormRenderer()):
                form = EveryWidgetForm(data=data)
                form.renderer = renderer
                drawn.append(str(form[name]))
            assert drawn[1] == drawn[0], name
            assert f'name="{name}' in drawn[1]


def test_a_project_template_of_the_same_name_takes_over(settings: Any, tmp_path: Path) -> None:
    """A project that overrides Django's select template gets its own template, not Python."""
    folder = tmp_path / "django" / "forms" / "widgets"
    folder.mkdir(parents=True)
    (folder / "select.html").write_text('<select name="{{ widget.name }}" data-own></select>')
    settings.TEMPLATES = [
        {**settings.TEMPLATES[0], "DIRS": [tmp_path, *settings.TEMPLATES[0]["DIRS"]]}
    ]
    form = EveryWidgetForm()
    form.renderer = SentierFormRenderer()
    assert '<select name="choice" data-own></select>' in str(form)


UUID = re.compile(r"[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}")


def _project_form_classes() -> list[type[forms.BaseForm]]:
    found: dict[str, type[forms.BaseForm]] = {}
    for module in pkgutil.walk_packages(sentier.__path__, "sentier."):
        if not (module.name.endswith(".forms") or module.name == "sentier.intake.steps"):
            continue
        imported = importlib.import_module(module.name)
        for name, value in inspect.getmembers(imported, inspect.isclass):
            if (
                issubclass(value, forms.BaseForm)
                and value.__module__ == module.name
                and not inspect.isabstract(value)
            ):
                found[f"{module.name}.{name}"] = value
    return [found[key] for key in sorted(found)]


@pytest.mark.django_db
@pytest.mark.parametrize("language", ["fr-ca", "en-ca"])
def test_every_project_form_draws_as_before(personas: dict[str, Any], language: str) -> None:
    """Each form of the project that can be made without arguments, unbound and with the
    errors of an empty submission."""
    drawn = 0
    with translation.override(language):
        for form_class in _project_form_classes():
            empty: dict[str, Any] = {}
            for data in (None, empty):
                try:
                    form_class(data=data)
                except (TypeError, KeyError, AttributeError):  # a form that needs its view's
                    continue
                old, new = both(lambda: form_class(data=data))  # noqa: B023 - called here
                # A form's fresh idempotency key differs from one copy of the form to the other.
                assert UUID.sub("<uuid>", new) == UUID.sub("<uuid>", old), form_class.__name__
                drawn += 1
    assert drawn > 40
