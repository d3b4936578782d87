"""What every Ontario page shares: the jurisdiction guard, list sizes, refusals next to fields."""

from __future__ import annotations

from django.core.exceptions import ValidationError
from django.forms import Form
from django.http import Http404

from sentier.ontario.units import ontario_enabled

#: Rows shown per list, oldest (or most urgent) first; the total is said when there are more.
SHOWN = 50


def ontario_only() -> None:
    """404 outside the Ontario configuration."""
    if not ontario_enabled():
        raise Http404


def apply_errors(form: Form, error: ValidationError) -> None:
    """Put an action's refusal next to the field it names (or at the top of the form)."""
    if hasattr(error, "error_dict"):
        for field, errors in error.error_dict.items():
            target = field if field in form.fields else None
            for item in errors:
                form.add_error(target, item)
    else:
        form.add_error(None, error)
