"""Template filters of support plans."""

from __future__ import annotations

from django import template
from django.utils.translation import get_language

from sentier.plans.models import Difficulty

register = template.Library()


@register.filter
def local_name(difficulty: Difficulty) -> str:
    """The difficulty's name in the language of the page."""
    return difficulty.name_in(get_language())
