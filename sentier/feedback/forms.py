"""The two survey forms: radio buttons on a five-point scale and one optional comment, plain
HTML that works on a phone with JavaScript off."""

from __future__ import annotations

from typing import Any

from django import forms
from django.utils.translation import gettext_lazy as _

from sentier.feedback.models import COMMENT_MAX, Rating
from sentier.reference.models import Region

_CHOOSE = _("Choose one answer.")


def _question(label: Any) -> forms.TypedChoiceField:
    return forms.TypedChoiceField(
        label=label,
        choices=Rating.choices,
        coerce=int,
        widget=forms.RadioSelect,
        error_messages={"required": _CHOOSE, "invalid_choice": _CHOOSE},
    )


def _comment(label: Any) -> forms.CharField:
    return forms.CharField(
        label=label,
        required=False,
        max_length=COMMENT_MAX,
        strip=True,
        widget=forms.Textarea(attrs={"rows": 4}),
        # COMMENT_MAX written out: a lazy text formatted at import would be translated once.
        help_text=_("Optional. Do not write names or file numbers. At most 1000 characters."),
    )


class ParticipantSurveyForm(forms.Form):
    understood = _question(_("I understood what was offered to me."))
    listened = _question(_("I was listened to."))
    helped = _question(_("The support helped me."))
    overall = _question(_("Overall, I am satisfied."))
    comment = _comment(_("Anything else you want to tell us?"))


class PartnerSurveyForm(forms.Form):
    region = forms.ModelChoiceField(
        label=_("Region your answers are about"),
        queryset=Region.objects.none(),
        empty_label=None,
        error_messages={"required": _CHOOSE, "invalid_choice": _CHOOSE},
    )
    complete = _question(_("The referrals we receive hold what we need to start."))
    timely = _question(_("We have enough time to answer a referral."))
    reachable = _question(_("We can reach the person’s caseworker when we need to."))
    overall = _question(_("Overall, the referral process works well."))
    comment = _comment(_("What would make referrals work better?"))

    def __init__(self, *args: Any, regions: list[Region], **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        field = self.fields["region"]
        assert isinstance(field, forms.ModelChoiceField)
        field.queryset = Region.objects.filter(pk__in=[r.pk for r in regions])
        if len(regions) == 1:
            field.initial = regions[0].pk
