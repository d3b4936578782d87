"""Form helpers shared by every app: SDG form rendering and input restored after re-login."""

from __future__ import annotations

from typing import Any, TypeVar

from django import forms
from django.contrib import messages
from django.forms.renderers import TemplatesSetting
from django.http import HttpRequest, QueryDict
from django.utils.translation import gettext as _

from sentier.core.middleware import RESTORE_KEY

FormT = TypeVar("FormT", bound=forms.BaseForm)


class SentierFormRenderer(TemplatesSetting):
    """Render forms with the project's SDG templates (plain HTML, no JavaScript needed)."""

    form_template_name = "core/forms/form.html"
    field_template_name = "core/forms/field.html"


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
