"""``{% panels "slot" key=value %}``: sections other capabilities add to a page (core.panels)."""

from __future__ import annotations

from typing import Any

from django import template
from django.utils.safestring import SafeString

from sentier.core import panels as registry

register = template.Library()


@register.simple_tag(takes_context=True)
def panels(context: template.Context, slot: str, **kwargs: Any) -> SafeString:
    return registry.render(slot, context["request"], **kwargs)
