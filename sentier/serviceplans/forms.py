"""Forms of the service-plan pages. They only parse what was typed; the actions decide what is
allowed, and their refusals are put back next to the field they are about (:func:`show_refusal`).
"""

from __future__ import annotations

from typing import Any

from django import forms
from django.core.exceptions import ValidationError
from django.db.models import QuerySet
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from sentier.consent.models import Channel, InformationCategory
from sentier.core.forms import BoundedDateField, BoundedDateTimeField, within_years
from sentier.network.models import Organization
from sentier.plans.models import FollowUpMode, FollowUpStatus
from sentier.serviceplans.models import (
    AgreementChannel,
    InitiatorKind,
    ItemStatus,
    MemberKind,
    NetworkMember,
    NextStep,
    Party,
    PartyKind,
    Situation,
)

#: Dates of a plan are within three years of today (due dates a little before today too, when
#: recorded late); the views also refuse one before the plan was opened (``not_before``).
PLAN_DATES = within_years(3, 3)


def show_refusal(form: forms.BaseForm, error: ValidationError) -> None:
    """Each message of an action's refusal next to its field; the others at the top."""
    if not hasattr(error, "error_dict"):
        form.add_error(None, error)
        return
    for key, errors in error.error_dict.items():
        form.add_error(key if key in form.fields else None, errors)


class SituationChoiceField(forms.ModelMultipleChoiceField):  # type: ignore[type-arg]
    def label_from_instance(self, obj: Any) -> str:
        return str(obj.label)


class RequestForm(forms.Form):
    situations = SituationChoiceField(
        label=_("Situations that justify a service plan"),
        queryset=Situation.objects.filter(active=True),
        widget=forms.CheckboxSelectMultiple,
        help_text=_("Tick every one that applies."),
    )
    reasons = forms.CharField(
        label=_("Why a service plan would help"),
        widget=forms.Textarea(attrs={"rows": 5}),
        max_length=4000,
        help_text=_("The needs, the networks that should act together and what was tried."),
    )
    initiator_kind = forms.ChoiceField(
        label=_("Who initiates the plan"),
        choices=InitiatorKind.choices,
        widget=forms.RadioSelect,
        initial=InitiatorKind.MINISTRY,
    )
    initiator_body = forms.ChoiceField(
        label=_("The body that initiated it"),
        required=False,
        choices=[],
        help_text=_(
            "Only when the Ministry joins a plan initiated by someone else: a member of the "
            "region's support network or an organization of the directory."
        ),
    )
    initiator_name = forms.CharField(
        label=_("Name of the ministry, public body or organization that initiated it"),
        required=False,
        max_length=200,
        help_text=_("Only for another body, not in the list."),
    )

    OTHER = "other"

    def __init__(self, *args: Any, region_id: int | None = None, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        members = NetworkMember.objects.filter(network__region_id=region_id or 0).exclude(
            kind=MemberKind.MINISTRY
        )
        in_network = {m.organization_id for m in members if m.organization_id is not None}
        organizations = (
            Organization.objects.filter(locations__region_id=region_id or 0)
            .exclude(pk__in=in_network)
            .distinct()
            .order_by("name")
        )
        self._members = {str(m.uuid): m for m in members}
        self._organizations = {str(o.uuid): o for o in organizations}
        field = self.fields["initiator_body"]
        assert isinstance(field, forms.ChoiceField)
        field.choices = [
            ("", "—"),
            (
                _("Regional support network"),
                [(f"member:{key}", m.name) for key, m in self._members.items()],
            ),
            (
                _("Organizations of the directory in the region"),
                [(f"organization:{key}", o.name) for key, o in self._organizations.items()],
            ),
            (self.OTHER, _("Another body (name it below)")),
        ]

    def clean(self) -> dict[str, Any]:
        """The body picked, as ``initiator_member`` or ``initiator_organization``; a name typed
        only for another body (the name of a body picked is the list's)."""
        data = super().clean() or {}
        picked = str(data.get("initiator_body") or "")
        kind, _sep, key = picked.partition(":")
        data["initiator_member"] = self._members.get(key) if kind == "member" else None
        data["initiator_organization"] = (
            self._organizations.get(key) if kind == "organization" else None
        )
        if picked and picked != self.OTHER:
            data["initiator_name"] = ""
        elif (
            not picked
            and data.get("initiator_kind") not in (None, "", InitiatorKind.MINISTRY)
            and not str(data.get("initiator_name") or "").strip()
        ):
            self.add_error(
                "initiator_body",
                _("Choose the body that initiated the plan, or “another body” and name it."),
            )
        return data


class DeclineForm(forms.Form):
    reason = forms.CharField(
        label=_("Reason for declining"),
        widget=forms.Textarea(attrs={"rows": 4}),
        max_length=4000,
    )
    next_step = forms.ChoiceField(
        label=_("Proposed next step"),
        choices=NextStep.choices,
        widget=forms.RadioSelect,
    )
    next_step_details = forms.CharField(
        label=_("The next step, in detail"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 3}),
        max_length=4000,
        help_text=_("Required for “another next step”."),
    )


class AgreementForm(forms.Form):
    agrees = forms.TypedChoiceField(
        label=_("The person's answer"),
        choices=[
            ("yes", _("The person agrees to take part")),
            ("no", _("The person does not wish to take part")),
        ],
        coerce=lambda value: value == "yes",
        widget=forms.RadioSelect,
    )
    on = BoundedDateField(
        label=_("Date of the answer"),
        earliest=PLAN_DATES["earliest"],
        latest=timezone.localdate,
        error_messages={"too_late": _("The date cannot be in the future.")},
    )
    channel = forms.ChoiceField(
        label=_("How the person answered"),
        choices=[c for c in AgreementChannel.choices if c[0] != AgreementChannel.ONLINE],
        widget=forms.RadioSelect,
    )
    note = forms.CharField(
        label=_("Note"), required=False, widget=forms.Textarea(attrs={"rows": 3}), max_length=2000
    )

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        kwargs.setdefault("initial", {"on": timezone.localdate()})
        super().__init__(*args, **kwargs)


class FollowUpForm(forms.Form):
    scheduled_for = BoundedDateTimeField(label=_("Date and time"), **PLAN_DATES)
    mode = forms.ChoiceField(label=_("How"), choices=FollowUpMode.choices)
    status = forms.ChoiceField(
        label=_("Status"), choices=FollowUpStatus.choices, initial=FollowUpStatus.SCHEDULED
    )
    notes = forms.CharField(
        label=_("Notes"), required=False, max_length=5000, widget=forms.Textarea(attrs={"rows": 3})
    )
    outcome = forms.CharField(
        label=_("Outcome"),
        required=False,
        max_length=5000,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=_("Required when the contact was held."),
    )
    category = forms.ChoiceField(
        label=_("Kind of information it holds"),
        choices=InformationCategory.choices,
        help_text=_(
            "A party sees it only if the person agreed to share this kind of information with it."
        ),
    )


class FollowUpUpdateForm(forms.Form):
    status = forms.ChoiceField(label=_("Status"), choices=FollowUpStatus.choices)
    notes = forms.CharField(
        label=_("Notes"), required=False, max_length=5000, widget=forms.Textarea(attrs={"rows": 3})
    )
    outcome = forms.CharField(
        label=_("Outcome"),
        required=False,
        max_length=5000,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=_("Required when the contact was held."),
    )


class ItemAgreementForm(forms.Form):
    """The person's agreement to one objective or follow-up, heard by staff or a party."""

    on = BoundedDateField(
        label=_("Date the person agreed"),
        earliest=PLAN_DATES["earliest"],
        latest=timezone.localdate,
        error_messages={"too_late": _("The date cannot be in the future.")},
    )
    channel = forms.ChoiceField(
        label=_("How the person gave their agreement"),
        choices=[c for c in AgreementChannel.choices if c[0] != AgreementChannel.ONLINE],
        widget=forms.RadioSelect,
    )

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        kwargs.setdefault("initial", {"on": timezone.localdate()})
        super().__init__(*args, **kwargs)


class MemberChoiceField(forms.ModelChoiceField):  # type: ignore[type-arg]
    def label_from_instance(self, obj: Any) -> str:
        return f"{obj.name} ({obj.get_kind_display()})"


class PartyForm(forms.Form):
    member = MemberChoiceField(
        label=_("A member of the regional support network"),
        queryset=NetworkMember.objects.none(),
        required=False,
    )
    organization = forms.ModelChoiceField(
        label=_("Or a community organization from the directory"),
        queryset=Organization.objects.none(),
        required=False,
    )
    kind = forms.ChoiceField(
        label=_("Or another party: its kind"),
        choices=[("", "—")] + [c for c in PartyKind.choices if c[0] != PartyKind.MINISTRY],
        required=False,
    )
    name = forms.CharField(
        label=_("Its name"),
        required=False,
        max_length=200,
        help_text=_("For example “Mother of the person” or “Tribunal administratif du logement”."),
    )
    contact = forms.CharField(
        label=_("Contact person"),
        required=False,
        max_length=200,
        help_text=_("Name, role and phone number of the person who acts for this party."),
    )

    def __init__(
        self,
        *args: Any,
        members: QuerySet[NetworkMember] | None = None,
        organizations: QuerySet[Organization] | None = None,
        **kwargs: Any,
    ) -> None:
        super().__init__(*args, **kwargs)
        if members is not None:
            self.fields["member"].queryset = members  # type: ignore[attr-defined]
        if organizations is not None:
            self.fields["organization"].queryset = organizations  # type: ignore[attr-defined]

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        chosen = [
            bool(data.get("member")),
            bool(data.get("organization")),
            bool(data.get("kind") or data.get("name")),
        ]
        if sum(chosen) == 0:
            raise ValidationError(
                _("Choose a network member, an organization, or name another party.")
            )
        if sum(chosen) > 1:
            raise ValidationError(_("Choose only one: a member, an organization or another party."))
        return data


class PartyChoiceField(forms.ModelChoiceField):  # type: ignore[type-arg]
    def label_from_instance(self, obj: Any) -> str:
        return str(obj.name)


def _category_field(label: Any) -> forms.ChoiceField:
    return forms.ChoiceField(
        label=label,
        choices=InformationCategory.choices,
        help_text=_(
            "A party sees it only if the person agreed to share this kind of information with it."
        ),
    )


class ObjectiveForm(forms.Form):
    text = forms.CharField(label=_("Objective"), max_length=500)
    category = _category_field(_("Kind of information it reveals"))
    owner = PartyChoiceField(label=_("Party responsible"), queryset=Party.objects.none())
    due_on = BoundedDateField(label=_("By (optional)"), required=False, **PLAN_DATES)

    def __init__(self, *args: Any, parties: QuerySet[Party] | None = None, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        if parties is not None:
            self.fields["owner"].queryset = parties  # type: ignore[attr-defined]


class ObjectiveUpdateForm(forms.Form):
    status = forms.ChoiceField(label=_("Status"), choices=ItemStatus.choices)
    category = _category_field(_("Kind of information it reveals"))
    owner = PartyChoiceField(label=_("Party responsible"), queryset=Party.objects.none())
    due_on = BoundedDateField(label=_("By (optional)"), required=False, **PLAN_DATES)

    def __init__(self, *args: Any, parties: QuerySet[Party] | None = None, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        if parties is not None:
            self.fields["owner"].queryset = parties  # type: ignore[attr-defined]


class ActionForm(forms.Form):
    text = forms.CharField(label=_("Action: what will be done"), max_length=500)
    owner = PartyChoiceField(label=_("Done by"), queryset=Party.objects.none())
    due_on = BoundedDateField(label=_("By (optional)"), required=False, **PLAN_DATES)

    def __init__(self, *args: Any, parties: QuerySet[Party] | None = None, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        if parties is not None:
            self.fields["owner"].queryset = parties  # type: ignore[attr-defined]


class ActionStatusForm(forms.Form):
    status = forms.ChoiceField(label=_("Status"), choices=ItemStatus.choices)


class NoteForm(forms.Form):
    text = forms.CharField(
        label=_("Note for the shared timeline"),
        widget=forms.Textarea(attrs={"rows": 3}),
        max_length=4000,
    )
    category = _category_field(_("Kind of information it holds"))


class EndForm(forms.Form):
    reason = forms.CharField(
        label=_("Why the plan ends"), widget=forms.Textarea(attrs={"rows": 3}), max_length=2000
    )


class LeaveForm(forms.Form):
    """The participant ends their participation from their portal."""

    confirm = forms.BooleanField(
        label=_("I understand that ending my participation changes nothing to my benefit."),
    )
    reason = forms.CharField(
        label=_("Why, if you wish to say (optional)"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 3}),
        max_length=2000,
    )


class PartyConsentForm(forms.Form):
    categories = forms.MultipleChoiceField(
        label=_("Information the person agrees to share with this party"),
        choices=InformationCategory.choices,
        widget=forms.CheckboxSelectMultiple,
    )
    channel = forms.ChoiceField(
        label=_("How the person gave their consent"),
        choices=[c for c in Channel.choices if c[0] != Channel.ONLINE],
        widget=forms.RadioSelect,
    )
