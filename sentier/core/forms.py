"""Form helpers shared by every app: SDG form rendering, input restored after re-login, and date
fields bounded to what makes sense for them."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Any, TypedDict, TypeVar

from django import forms
from django.contrib import messages
from django.core.exceptions import ValidationError
from django.forms.renderers import TemplatesSetting
from django.http import HttpRequest, QueryDict
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from sentier.core import form_html
from sentier.core.formatting import long_date
from sentier.core.lifecycle import Refusal
from sentier.core.middleware import RESTORE_KEY

if TYPE_CHECKING:
    from django.utils.functional import _StrOrPromise

FormT = TypeVar("FormT", bound=forms.BaseForm)


DATE_WIDGET = forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d")
DATETIME_WIDGET = forms.DateTimeInput(attrs={"type": "datetime-local"}, format="%Y-%m-%dT%H:%M")
DATETIME_FORMATS = ["%Y-%m-%dT%H:%M", "%Y-%m-%d %H:%M", "%Y-%m-%dT%H:%M:%S"]


class SentierFormRenderer(TemplatesSetting):
    """Render forms with the project's SDG templates (plain HTML, no JavaScript needed).

    The fields (``core/forms/field.html``) and Django's plain widgets (inputs, text areas,
    selects and their options) are drawn in Python (``sentier.core.form_html``): the same HTML
    as their templates for a fraction of the CPU, as long as the templates in use are the ones
    it copies."""

    form_template_name = "core/forms/form.html"
    field_template_name = "core/forms/field.html"

    def __init__(self) -> None:
        super().__init__()
        self._loads: dict[str, Path | None] = {}

    def loads(self, template_name: str) -> Path | None:
        """The file ``template_name`` loads (asked once per name)."""
        if template_name not in self._loads:
            template = self.get_template(template_name)
            origin = getattr(template, "origin", None)
            if origin is None or not origin.name:
                self._loads[template_name] = None
                return None
            self._loads[template_name] = Path(origin.name).resolve()
        return self._loads[template_name]

    def render(
        self, template_name: str, context: dict[str, Any], request: HttpRequest | None = None
    ) -> str:
        # No ``maxlength`` attribute on any input: with it, a browser silently cuts a pasted
        # name or text at the limit. The text reaches the server whole, and the field's length
        # check answers with an error that says the limit and how long the text is.
        widget = context.get("widget")
        if isinstance(widget, dict) and "maxlength" in widget.get("attrs", {}):
            widget["attrs"] = {k: v for k, v in widget["attrs"].items() if k != "maxlength"}
        drawn = form_html.DRAWN.get(template_name)
        if drawn is not None:
            draw, copied = drawn
            if all(self.loads(name) == path for name, path in copied.items()):
                try:
                    html = draw(context)
                except KeyError:  # a widget's context without what its template reads
                    html = None
                if html is not None:
                    return html.strip()
        return super().render(template_name, context, request)


def bind_form(request: HttpRequest, form_class: type[FormT], **kwargs: Any) -> FormT:
    """Bind to the POST, or to input kept when the session expired, or return it unbound."""
    if request.method == "POST":
        return form_class(data=request.POST, files=request.FILES, **kwargs)
    kept = request.session.get(RESTORE_KEY)
    if kept and kept.get("path") == request.path:
        del request.session[RESTORE_KEY]
        data = QueryDict(mutable=True)
        for key, values in kept["data"].items():
            data.setlist(key, values)
        messages.info(request, _("What you typed before your session ended is shown below."))
        return form_class(data=data, **kwargs)
    return form_class(**kwargs)


def show_refusal(
    form: forms.BaseForm, error: ValidationError | Refusal, fields: dict[str, str] | None = None
) -> None:
    """Put an action's refusal on the form: each message next to its field (``fields`` renames
    the action's keys), the others at the top."""
    if isinstance(error, Refusal):
        name = (fields or {}).get(error.field or "", error.field)
        form.add_error(name if name in form.fields else None, str(error))
        return
    if not hasattr(error, "error_dict"):
        form.add_error(None, error)
        return
    for key, errors in error.error_dict.items():
        name = (fields or {}).get(key, key)
        form.add_error(name if name in form.fields else None, errors)


# ---------------------------------------------------------------------------------------------
# Bounded dates and times
#
# Every date a person types is bounded to what makes sense for it (a follow-up within a few
# years, a birth date in the past), so that a year 1 or 9999 gets a field error instead of
# reaching an action, a query or a conversion to UTC (an ``OverflowError``: a 500). A bound is a
# date or a function of today's local date, read when the form is validated; a view that knows
# more (the day a plan was opened) narrows the bounds with :func:`not_before`.

DateBound = dt.date | Callable[[], dt.date] | None

BOUND_MESSAGES: dict[str, _StrOrPromise] = {
    "too_early": gettext_lazy("Enter a date on or after %(day)s."),
    "too_late": gettext_lazy("Enter a date on or before %(day)s."),
}


def days_from_today(days: int) -> Callable[[], dt.date]:
    """A bound ``days`` days from today's local date (negative: before today)."""

    def bound() -> dt.date:
        return timezone.localdate() + dt.timedelta(days=days)

    return bound


def years_from_today(years: int) -> Callable[[], dt.date]:
    """A bound ``years`` years from today's local date (29 February gives 28 February)."""

    def bound() -> dt.date:
        today = timezone.localdate()
        if (today.month, today.day) == (2, 29):
            today = today.replace(day=28)
        return today.replace(year=today.year + years)

    return bound


class Bounds(TypedDict):
    """The bounds of a bounded field, to pass as keyword arguments (``**within_years(1, 3)``)."""

    earliest: DateBound
    latest: DateBound


def within_years(back: int, ahead: int) -> Bounds:
    """From ``back`` years before today to ``ahead`` years after it (local dates)."""
    return {"earliest": years_from_today(-back), "latest": years_from_today(ahead)}


def _resolve(bound: DateBound) -> dt.date | None:
    return bound() if callable(bound) else bound


class BoundedMixin:
    """The bounds of a date or date-time field, and the field errors that keep to them."""

    error_messages: dict[str, Any]
    earliest: DateBound
    latest: DateBound
    bound_text: Callable[[dt.date], str]

    def bounds(self) -> tuple[dt.date | None, dt.date | None]:
        """The first and the last date accepted now (None: no bound on that side)."""
        return _resolve(self.earliest), _resolve(self.latest)

    def limit(
        self,
        *,
        earliest: dt.date | None = None,
        latest: dt.date | None = None,
        too_early: str | None = None,
        too_late: str | None = None,
    ) -> None:
        """Narrow the bounds of this form's copy of the field (never widen them)."""
        first, last = self.bounds()
        if earliest is not None and (first is None or earliest > first):
            self.earliest = earliest
            if too_early is not None:
                self.error_messages = {**self.error_messages, "too_early": too_early}
        if latest is not None and (last is None or latest < last):
            self.latest = latest
            if too_late is not None:
                self.error_messages = {**self.error_messages, "too_late": too_late}

    def refuse(self, code: str) -> ValidationError:
        """``too_early`` or ``too_late``, naming the bound (or "not valid" without one)."""
        first, last = self.bounds()
        bound = first if code == "too_early" else last
        if bound is None:
            return ValidationError(self.error_messages["invalid"], code="invalid")
        return ValidationError(
            self.error_messages[code], code=code, params={"day": self.bound_text(bound)}
        )

    def check_day(self, day: dt.date) -> None:
        first, last = self.bounds()
        if first is not None and day < first:
            raise self.refuse("too_early")
        if last is not None and day > last:
            raise self.refuse("too_late")


class BoundedDateField(BoundedMixin, forms.DateField):
    """A date between ``earliest`` and ``latest``, both included.

    ``error_messages`` may replace ``too_early`` and ``too_late``; their ``%(day)s`` is the bound
    as ``bound_text`` writes it (a long date in the reader's language by default)."""

    default_error_messages = BOUND_MESSAGES

    def __init__(
        self,
        *,
        earliest: DateBound = None,
        latest: DateBound = None,
        bound_text: Callable[[dt.date], str] = long_date,
        **kwargs: Any,
    ) -> None:
        kwargs.setdefault("widget", DATE_WIDGET)
        super().__init__(**kwargs)
        self.earliest, self.latest, self.bound_text = earliest, latest, bound_text

    def validate(self, value: Any) -> None:
        super().validate(value)
        if value not in self.empty_values:
            self.check_day(value)


class BoundedDateTimeField(BoundedMixin, forms.DateTimeField):
    """A date and time whose local date is between ``earliest`` and ``latest``.

    A time in the last hours of the year 9999 (or the first of the year 1) has no UTC equivalent:
    it is refused here as out of bounds, before anything converts it."""

    default_error_messages = BOUND_MESSAGES

    def __init__(
        self,
        *,
        earliest: DateBound = None,
        latest: DateBound = None,
        bound_text: Callable[[dt.date], str] = long_date,
        **kwargs: Any,
    ) -> None:
        kwargs.setdefault("widget", DATETIME_WIDGET)
        kwargs.setdefault("input_formats", DATETIME_FORMATS)
        super().__init__(**kwargs)
        self.earliest, self.latest, self.bound_text = earliest, latest, bound_text

    def validate(self, value: Any) -> None:
        super().validate(value)
        if value in self.empty_values:
            return
        try:
            day = timezone.localdate(value)
        except OverflowError:
            raise self.refuse("too_late" if value.year > 1 else "too_early") from None
        self.check_day(day)


def not_before(form: forms.BaseForm, day: dt.date, message: str | None = None) -> None:
    """No date of ``form`` before ``day`` (the day the plan it belongs to was opened, …): narrows
    every bounded date and date-time field of the form, with ``message`` for that bound."""
    for field in form.fields.values():
        if isinstance(field, BoundedMixin):
            field.limit(earliest=day, too_early=message)
