"""The five-point agreement scale every survey uses (participants', partner organizations',
Ontario sites'), its form fields (radio buttons and one optional comment, plain HTML that works
on a phone with JavaScript off) and the quarter the periodic surveys are answered for. Here,
below the apps, so that ``sentier.feedback`` and ``sentier.ontario`` ask their questions the same
way without importing each other."""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping, Sequence
from typing import Any

from django import forms
from django.db import models
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from sentier.core.lifecycle import Refusal


class Rating(models.IntegerChoices):
    """A five-point agreement scale, from « Pas du tout d’accord » to « Tout à fait d’accord »."""

    STRONGLY_DISAGREE = 1, _("Strongly disagree")
    DISAGREE = 2, _("Disagree")
    NEUTRAL = 3, _("Neither agree nor disagree")
    AGREE = 4, _("Agree")
    STRONGLY_AGREE = 5, _("Strongly agree")


#: A rating that counts as satisfied (agree or strongly agree).
SATISFIED = frozenset({Rating.AGREE, Rating.STRONGLY_AGREE})

#: The longest comment kept (characters).
COMMENT_MAX = 1000

_CHOOSE = _("Choose one answer.")


def rating_field(label: Any, *, null: bool = False) -> models.PositiveSmallIntegerField[Any, Any]:
    """A model column holding one answer on the scale (``null``: a question some answers skip,
    because they answer another survey's questions)."""
    return models.PositiveSmallIntegerField(label, choices=Rating.choices, null=null, blank=null)


def question(label: Any) -> forms.TypedChoiceField:
    """One statement to agree with or not: a required choice on the scale."""
    return forms.TypedChoiceField(
        label=label,
        choices=Rating.choices,
        coerce=int,
        widget=forms.RadioSelect,
        error_messages={"required": _CHOOSE, "invalid_choice": _CHOOSE},
    )


def comment(label: Any) -> forms.CharField:
    """The optional comment at the end of a survey."""
    return forms.CharField(
        label=label,
        required=False,
        max_length=COMMENT_MAX,
        strip=True,
        widget=forms.Textarea(attrs={"rows": 4}),
        # COMMENT_MAX written out: a lazy text formatted at import would be translated once.
        help_text=_("Optional. Do not write names or file numbers. At most 1000 characters."),
    )


def quarter_of(day: dt.date) -> str:
    """The quarter a local day falls in, as the periodic surveys name it: ``2026-Q4``."""
    return f"{day.year}-Q{(day.month - 1) // 3 + 1}"


def ratings(answers: Mapping[str, Any], questions: Sequence[str]) -> dict[str, int]:
    """The answers to ``questions`` as integers on the scale; a question without a valid answer
    is refused (:class:`Refusal` on its field), before anything is written."""
    found = {}
    for name in questions:
        value = answers.get(name)
        if value not in Rating.values:
            raise Refusal(gettext("Choose one answer."), field=name)
        found[name] = int(value)
    return found
