"""Endpoints for partner systems, with an organization's API key (``X-Api-Key``).

The same rules as the partner portal, through the same actions and selectors: a key sees only
its organization's referrals and services (another organization's are a 404), changes a
referral's status along the same state machine as the receiving organization
(``transition_referral`` with ``side=RECEIVER``), and reads only what a consent in force still
covers. Each answer that shows a person's information writes one access-log row.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from typing import Any

from django.core.exceptions import ValidationError as DjangoValidationError
from django.http import HttpResponse, QueryDict
from django.utils import timezone
from django.utils.translation import gettext as _
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import (
    OpenApiParameter,
    OpenApiResponse,
    extend_schema,
    extend_schema_field,
)
from rest_framework import exceptions, permissions, serializers, status
from rest_framework.pagination import PageNumberPagination
from rest_framework.request import Request
from rest_framework.response import Response
from rest_framework.views import APIView

from sentier.api.authentication import ApiKeyAuthentication
from sentier.api.errors import (
    ErrorSerializer,
    django_validation_fields,
    error_response,
    partner_exception_handler,
)
from sentier.api.parsers import BoundedJSONParser
from sentier.audit.actions import record_access
from sentier.audit.models import AccessChannel, AccessKind
from sentier.core.replica import replica_reads
from sentier.exchange import selectors
from sentier.exchange.actions import publish_capacity
from sentier.exchange.fhir import referral_bundle
from sentier.exchange.models import ApiKey
from sentier.network.models import Service
from sentier.referrals import states
from sentier.referrals.actions import TransitionRefused, transition_referral
from sentier.referrals.models import Referral, ReferralStatus, Side
from sentier.referrals.selectors import shared_referral

# ---------------------------------------------------------------------------------------------
# Serializers


# A component of its own: named after the field, it would collide with the participant's status.
@extend_schema_field(
    {"type": "string", "enum": list(ReferralStatus.values)}, component_name="ReferralStatus"
)
class ReferralStatusField(serializers.ChoiceField):
    def __init__(self, **kwargs: Any) -> None:
        super().__init__(choices=ReferralStatus.choices, **kwargs)


class ReferralSerializer(serializers.ModelSerializer[Referral]):
    """A referral as its receiving organization's system sees it, without personal data."""

    status = ReferralStatusField(read_only=True)
    status_label = serializers.SerializerMethodField()
    service = serializers.UUIDField(source="service.uuid", allow_null=True, read_only=True)
    location = serializers.UUIDField(source="location.uuid", allow_null=True, read_only=True)
    next_statuses = serializers.SerializerMethodField(
        help_text="Statuses the receiving organization may set from this one."
    )

    class Meta:
        model = Referral
        fields = [
            "uuid",
            "status",
            "status_label",
            "status_reason",
            "outcome",
            "purpose",
            "service",
            "location",
            "sent_at",
            "expires_at",
            "answered_at",
            "closed_at",
            "updated_at",
            "next_statuses",
        ]
        read_only_fields = fields

    def get_status_label(self, referral: Referral) -> str:
        return str(ReferralStatus(referral.status).label)

    def get_next_statuses(self, referral: Referral) -> list[str]:
        return states.next_statuses(referral.status, Side.RECEIVER)


class ReferralDetailSerializer(ReferralSerializer):
    need = serializers.CharField(read_only=True)
    shared = serializers.SerializerMethodField(
        help_text="What the person agreed to share with this organization: the reason for the "
        "referral, the categories still covered by a consent in force and one section each; "
        "`notice` says, in words, when a consent was withdrawn or has expired."
    )

    class Meta(ReferralSerializer.Meta):
        fields = [*ReferralSerializer.Meta.fields, "need", "shared"]
        read_only_fields = fields

    def get_shared(self, referral: Referral) -> dict[str, Any]:
        shared = shared_referral(referral)
        if shared.notice:
            # Said in words as well: the categories are gone because a consent stopped.
            return {**shared.payload, "notice": shared.notice}
        return shared.payload


class InstantField(serializers.DateTimeField):
    """A date and time that exists in UTC. DRF checks a naive value (read in the local zone)
    by converting it to UTC, which overflows in the last hours of the year 9999: a 400 here,
    as for an aware value, instead of a 500."""

    def enforce_timezone(self, value: Any) -> Any:
        try:
            return super().enforce_timezone(value)
        except OverflowError:
            self.fail("overflow")


class WholeNumberField(serializers.IntegerField):
    """A query parameter's whole number, in digits only: DRF's field also reads "1.0" or " 5"."""

    def to_internal_value(self, data: Any) -> int:
        if isinstance(data, str) and not re.fullmatch(r"[0-9]+", data):
            self.fail("invalid")
        return super().to_internal_value(data)


MAX_PAGE_SIZE = 200


class ReferralFilterSerializer(serializers.Serializer[Any]):
    """The list's query parameters. Read with :func:`single_values`: each at most once and, when
    given, not empty (an empty ``updated_since`` would otherwise mean "no filter")."""

    status = serializers.ChoiceField(choices=ReferralStatus.choices, required=False)
    updated_since = InstantField(required=False)
    page = WholeNumberField(required=False, min_value=1)
    page_size = WholeNumberField(required=False, min_value=1, max_value=MAX_PAGE_SIZE)


def single_values(query: QueryDict, names: Iterable[str]) -> dict[str, str]:
    """One value per parameter: a repeated one is refused rather than one of its values picked."""
    given = {name: query.getlist(name) for name in names if name in query}
    repeated = {
        name: [_("Give this parameter once only.")] for name, v in given.items() if len(v) > 1
    }
    if repeated:
        raise exceptions.ValidationError(repeated)
    return {name: str(values[0]) for name, values in given.items()}


# Text the API takes has no NUL character (DRF refuses it; PostgreSQL cannot store it).
TEXT_PATTERN = r"^[^\x00]*$"
# White space for Python (``str.strip``, as the action reads a reason) and for JSON Schema's
# regular expressions alike, spelled out: a reason is given when it has a character besides.
WHITE_SPACE = r"\t-\r\x1c-\x20\x85\xa0\u1680\u2000-\u200a\u2028\u2029\u202f\u205f\u3000\ufeff"
GIVEN_REASON_PATTERN = rf"^[^\x00]*[^\x00{WHITE_SPACE}][^\x00]*$"


class JsonStringField(serializers.CharField):
    """A JSON string: DRF's field also takes a number or a boolean and makes text of it."""

    def to_internal_value(self, data: Any) -> str:
        if not isinstance(data, str):
            self.fail("invalid")
        return super().to_internal_value(data)


class JsonIntegerField(serializers.IntegerField):
    """A JSON number that is whole: DRF's field also takes a string of digits."""

    def to_internal_value(self, data: Any) -> int:
        if isinstance(data, str):
            self.fail("invalid")
        return super().to_internal_value(data)


REASON_MAX_LENGTH = 2000
OUTCOME_MAX_LENGTH = 4000


class StatusChangeSerializer(serializers.Serializer[Any]):
    status = ReferralStatusField()
    reason = JsonStringField(
        required=False,
        allow_blank=True,
        max_length=REASON_MAX_LENGTH,
        help_text="Required to decline (rejected), cancel or report a failure.",
    )
    outcome = JsonStringField(required=False, allow_blank=True, max_length=OUTCOME_MAX_LENGTH)

    def validate(self, attrs: dict[str, Any]) -> dict[str, Any]:
        # Said here as the document says it (see status_change_schema); the action refuses the
        # same bodies, after the state machine has had its say.
        needs_reason = attrs["status"] in states.REASON_REQUIRED
        if needs_reason and not re.search(GIVEN_REASON_PATTERN, attrs.get("reason", "")):
            raise serializers.ValidationError({"reason": _("Give the reason.")})
        return attrs


def status_change_schema() -> dict[str, Any]:
    """The body of a status change, as two shapes: the statuses that need a reason (declined,
    cancelled, failed) require a ``reason`` that is not blank, the others take one optionally.
    JSON Schema's ``pattern`` is how "not blank" is said; the action refuses the same bodies."""
    optional_reason = {"type": "string", "maxLength": REASON_MAX_LENGTH, "pattern": TEXT_PATTERN}
    outcome_schema = {"type": "string", "maxLength": OUTCOME_MAX_LENGTH, "pattern": TEXT_PATTERN}
    needs_reason = [s for s in ReferralStatus.values if s in states.REASON_REQUIRED]
    other = [s for s in ReferralStatus.values if s not in states.REASON_REQUIRED]
    return {
        "oneOf": [
            {
                "type": "object",
                "title": "With a reason",
                "properties": {
                    "status": {"type": "string", "enum": needs_reason},
                    "reason": {
                        **optional_reason,
                        "pattern": GIVEN_REASON_PATTERN,
                        "description": "Why, in words: not blank, no NUL character.",
                    },
                    "outcome": outcome_schema,
                },
                "required": ["status", "reason"],
            },
            {
                "type": "object",
                "title": "Reason optional",
                "properties": {
                    "status": {"type": "string", "enum": other},
                    "reason": optional_reason,
                    "outcome": outcome_schema,
                },
                "required": ["status"],
            },
        ]
    }


class ServiceSerializer(serializers.ModelSerializer[Service]):
    class Meta:
        model = Service
        fields = [
            "uuid",
            "name",
            "kind",
            "active",
            "capacity_available",
            "capacity_maximum",
            "capacity_unit",
            "capacity_updated_at",
            "waiting_list_length",
        ]
        read_only_fields = fields


class CapacitySerializer(serializers.Serializer[Any]):
    capacity_available = JsonIntegerField(
        min_value=0,
        max_value=1_000_000,
        allow_null=True,
        help_text="At most the maximum places: `capacity_maximum` when given, else the service's "
        "current one; more is refused (400).",
    )
    capacity_maximum = JsonIntegerField(
        min_value=0, max_value=1_000_000, allow_null=True, required=False
    )
    waiting_list_length = JsonIntegerField(min_value=0, max_value=1_000_000, required=False)


# ---------------------------------------------------------------------------------------------
# Views


class IsPartnerSystem(permissions.BasePermission):
    def has_permission(self, request: Request, view: Any) -> bool:
        return isinstance(request.auth, ApiKey) and request.auth.is_active


class PartnerView(APIView):
    authentication_classes = [ApiKeyAuthentication]
    permission_classes = [IsPartnerSystem]
    # JSON only: a form cannot say null (capacity not said), so form bodies are a 415.
    parser_classes = [BoundedJSONParser]

    def get_exception_handler(self) -> Any:
        return partner_exception_handler

    def key(self, request: Request) -> ApiKey:
        assert isinstance(request.auth, ApiKey)
        return request.auth

    def log_access(self, request: Request, referral: Referral, kind: AccessKind) -> None:
        key = self.key(request)
        # The reader is the organization's system, not the person who once created the key:
        # the key's name, under its organization's.
        record_access(
            user=None,
            visitor=key.name,
            affiliation=str(key.organization),
            shown=referral.participant,
            kind=kind,
            request=request._request,
            channel=AccessChannel.API,
        )


class ReferralPagination(PageNumberPagination):
    page_size = 50
    max_page_size = MAX_PAGE_SIZE
    page_size_query_param = "page_size"


NOT_FOUND = OpenApiResponse(ErrorSerializer, description="Not found, or not your organization's.")
UNAUTHORIZED = OpenApiResponse(ErrorSerializer, description="No key, or a revoked key.")
INVALID = OpenApiResponse(ErrorSerializer, description="Some fields are not valid.")
THROTTLED = OpenApiResponse(
    ErrorSerializer,
    description="More than SENTIER_API_KEY_RATE requests with this key: wait `Retry-After` "
    "seconds.",
)


class ReferralListView(PartnerView):
    pagination_class = ReferralPagination

    @extend_schema(
        summary="The organization's referrals",
        description="Oldest change first, so that a system can ask for what changed since its "
        "last call (`updated_since`). Drafts are never listed. Each parameter may be given "
        "once, and not empty; a page past the last one is answered 404.",
        parameters=[
            OpenApiParameter("status", OpenApiTypes.STR, enum=ReferralStatus.values),
            OpenApiParameter("updated_since", OpenApiTypes.DATETIME),
            OpenApiParameter(
                "page", {"type": "integer", "minimum": 1}, description="From 1 (the default)."
            ),
            OpenApiParameter(
                "page_size",
                {"type": "integer", "minimum": 1, "maximum": MAX_PAGE_SIZE},
                description=f"Referrals per page: 50 unless said, at most {MAX_PAGE_SIZE}.",
            ),
        ],
        responses={
            200: ReferralSerializer(many=True),
            400: INVALID,
            401: UNAUTHORIZED,
            404: OpenApiResponse(ErrorSerializer, description="No such page: past the last one."),
            429: THROTTLED,
        },
        tags=["partner systems"],
    )
    def get(self, request: Request) -> Response:
        filters = ReferralFilterSerializer(
            data=single_values(request.query_params, ReferralFilterSerializer().fields)
        )
        filters.is_valid(raise_exception=True)
        # Polling, read only: the replica may answer, a few seconds behind at most; a system
        # asks again with updated_since (sentier.core.replica).
        with replica_reads():
            referrals = selectors.list_referrals_for_key(
                self.key(request),
                status=filters.validated_data.get("status"),
                updated_since=filters.validated_data.get("updated_since"),
            )
            paginator = self.pagination_class()
            try:
                page = paginator.paginate_queryset(referrals, request, view=self)
            except exceptions.NotFound:
                return error_response(
                    status.HTTP_404_NOT_FOUND,
                    "page_not_found",
                    _("There is no page %(page)s in this list.")
                    % {"page": filters.validated_data["page"]},
                )
            return paginator.get_paginated_response(ReferralSerializer(page, many=True).data)


class ReferralDetailView(PartnerView):
    @extend_schema(
        summary="One referral, with what the person agreed to share",
        responses={
            200: ReferralDetailSerializer,
            401: UNAUTHORIZED,
            404: NOT_FOUND,
            429: THROTTLED,
        },
        tags=["partner systems"],
    )
    def get(self, request: Request, referral_uuid: str) -> Response:
        referral = selectors.get_referral_for_key(self.key(request), referral_uuid)
        data = ReferralDetailSerializer(referral).data
        self.log_access(request, referral, AccessKind.REFERRAL_RECEIVED)
        return Response(data)


class ReferralStatusView(PartnerView):
    @extend_schema(
        summary="Change a referral's status as the receiving organization",
        description="Accept, decline (reason required), start, put on hold, complete, or report "
        "that it did not work out (reason required). A move the state machine does not allow "
        "is answered 409 and changes nothing.",
        request={"application/json": status_change_schema()},
        responses={
            200: ReferralSerializer,
            400: INVALID,
            401: UNAUTHORIZED,
            404: NOT_FOUND,
            409: OpenApiResponse(ErrorSerializer, description="Not allowed from this status."),
            429: THROTTLED,
        },
        tags=["partner systems"],
    )
    def post(self, request: Request, referral_uuid: str) -> Response:
        key = self.key(request)
        referral = selectors.get_referral_for_key(key, referral_uuid)
        change = StatusChangeSerializer(data=request.data)
        change.is_valid(raise_exception=True)
        try:
            referral = transition_referral(
                referral=referral,
                to_status=change.validated_data["status"],
                side=Side.RECEIVER,
                actor=None,
                actor_label=key.actor_label,
                reason=change.validated_data.get("reason", ""),
                outcome=change.validated_data.get("outcome", ""),
            )
        except TransitionRefused as refusal:
            return error_response(status.HTTP_409_CONFLICT, "transition_refused", str(refusal))
        except DjangoValidationError as error:
            return error_response(
                status.HTTP_400_BAD_REQUEST,
                "invalid",
                _("Some fields are not valid."),
                django_validation_fields(error),
            )
        return Response(ReferralSerializer(referral).data)


class ReferralFhirView(PartnerView):
    @extend_schema(
        summary="One referral as FHIR R4 (Bundle of ServiceRequest and Task)",
        description="A `collection` Bundle: the ServiceRequest, the Task that tracks it (SDOH "
        "Clinical Care semantics), the receiving Organization and, only when the person agreed "
        "to share their identity, the Patient.",
        responses={
            (200, "application/fhir+json"): OpenApiTypes.OBJECT,
            401: UNAUTHORIZED,
            404: NOT_FOUND,
            429: THROTTLED,
        },
        tags=["partner systems"],
    )
    def get(self, request: Request, referral_uuid: str) -> HttpResponse:
        referral = selectors.get_referral_for_key(self.key(request), referral_uuid)
        bundle = referral_bundle(shared_referral(referral))
        self.log_access(request, referral, AccessKind.REFERRAL_FHIR)
        return HttpResponse(
            bundle.model_dump_json(exclude_none=True), content_type="application/fhir+json"
        )


class ServiceListView(PartnerView):
    @extend_schema(
        summary="The organization's services and their capacity",
        responses={200: ServiceSerializer(many=True), 401: UNAUTHORIZED, 429: THROTTLED},
        tags=["partner systems"],
    )
    def get(self, request: Request) -> Response:
        services = selectors.list_services_for_key(self.key(request))
        return Response(ServiceSerializer(services, many=True).data)


class ServiceCapacityView(PartnerView):
    @extend_schema(
        summary="Publish a service's capacity and waiting list",
        description="Places available now (null: not said), maximum places (kept when left "
        "out) and the number of people waiting (kept when left out). Places that free up make "
        "offers to the people waiting. There cannot be more places available than places in "
        "all: `capacity_available` above `capacity_maximum` (the one given, else the service's "
        "current one) is refused with a 400.",
        request=CapacitySerializer,
        responses={
            200: ServiceSerializer,
            400: INVALID,
            401: UNAUTHORIZED,
            404: NOT_FOUND,
            429: THROTTLED,
        },
        tags=["partner systems"],
    )
    def put(self, request: Request, service_uuid: str) -> Response:
        key = self.key(request)
        service = selectors.get_service_for_key(key, service_uuid)
        figures = CapacitySerializer(data=request.data)
        figures.is_valid(raise_exception=True)
        data = figures.validated_data
        service = publish_capacity(
            key=key,
            service=service,
            available=data["capacity_available"],
            maximum=data.get("capacity_maximum", service.capacity_maximum),
            waiting=data.get("waiting_list_length", service.waiting_list_length),
            at=timezone.now(),
        )
        return Response(ServiceSerializer(service).data)
