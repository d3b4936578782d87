"""Forms of the review queue, and the person's request for a review by a person."""

from __future__ import annotations

from django import forms
from django.conf import settings
from django.utils.translation import gettext_lazy as _

from sentier.intake.actions import comment_too_long
from sentier.intake.models import REVIEW_COMMENT_MAX_LENGTH, ReviewStatus, path_choices


def _paths_here() -> list[tuple[str, str]]:
    """This instance's paths (read when the form is shown: Ontario has no Québec measures)."""
    return path_choices("ON" if settings.SENTIER_JURISDICTION == "on" else "QC")


def _any_path_here() -> list[tuple[str, str]]:
    return [("", str(_("All"))), *_paths_here()]


class ReviewQueueFilterForm(forms.Form):
    status = forms.ChoiceField(
        label=_("Review"),
        required=False,
        choices=[*ReviewStatus.choices, ("all", _("All"))],
    )
    path = forms.ChoiceField(label=_("Recommended path"), required=False, choices=_any_path_here)
    assigned = forms.ChoiceField(
        label=_("Assigned to"),
        required=False,
        choices=[("all", _("Anyone")), ("me", _("Me")), ("nobody", _("Nobody yet"))],
    )
    review_requested = forms.BooleanField(
        label=_("Only those where the person asked for a review"), required=False
    )


class ReviewForm(forms.Form):
    final_path = forms.ChoiceField(
        label=_("Path decided"), choices=_paths_here, widget=forms.RadioSelect
    )
    reason = forms.CharField(
        label=_("Reason, if you choose another path than the recommended one"),
        required=False,
        max_length=2000,
        widget=forms.Textarea(attrs={"rows": 3}),
    )


class ReviewRequestForm(forms.Form):
    """The person asks that a person review the recommendation; saying why is optional."""

    comment = forms.CharField(
        label=_("Why? (optional)"),
        help_text=_(
            "In your own words, if you wish: what the recommendation missed or what you would "
            "like instead."
        ),
        required=False,
        # No maxlength attribute: a longer text reaches the server and gets a clear message.
        widget=forms.Textarea(attrs={"rows": 4}),
    )

    def clean_comment(self) -> str:
        comment = str(self.cleaned_data.get("comment") or "").strip()
        if len(comment) > REVIEW_COMMENT_MAX_LENGTH:
            raise forms.ValidationError(comment_too_long(len(comment)))
        return comment


class AssistedStartForm(forms.Form):
    channel = forms.ChoiceField(
        label=_("How is the person applying?"),
        choices=[("phone", _("By phone")), ("in_person", _("In person"))],
        widget=forms.RadioSelect,
    )
