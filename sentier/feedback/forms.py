"""The survey forms: radio buttons on a five-point scale and one optional comment
(:mod:`sentier.core.ratings`), plain HTML that works on a phone with JavaScript off."""

from __future__ import annotations

from typing import Any

from django import forms
from django.utils.translation import gettext_lazy as _

from sentier.core.ratings import comment as _comment
from sentier.core.ratings import question as _question
from sentier.feedback.models import Moment
from sentier.reference.models import Region

_CHOOSE = _("Choose one answer.")


class ParticipantSurveyForm(forms.Form):
    understood = _question(_("I understood what was offered to me."))
    listened = _question(_("I was listened to."))
    helped = _question(_("The support helped me."))
    overall = _question(_("Overall, I am satisfied."))
    comment = _comment(_("Anything else you want to tell us?"))


class PlacementSurveyForm(forms.Form):
    """After a PAAS Action participation: what 002 asks of the organizations (activities suited
    to the person, at their own pace, with staff always there), in plain words."""

    activities = _question(_("The activities were right for me."))
    pace = _question(_("I could go at my own pace."))
    staff = _question(_("Someone was there to help me when I needed it."))
    overall = _question(_("Overall, I am satisfied."))
    comment = _comment(_("Anything else you want to tell us?"))


def participant_form_for(moment: str) -> type[forms.Form]:
    """The form of the survey after this milestone."""
    if moment == Moment.PLACEMENT_ENDED:
        return PlacementSurveyForm
    return ParticipantSurveyForm


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
