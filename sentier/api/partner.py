"""Endpoints for partner systems, with an organization's API key (``X-Api-Key``).

The same rules as the partner portal, through the same actions and selectors: a key sees only
its organization's referrals and services (another organization's are a 404), changes a
referral's status along the same state machine as the receiving organization
(``transition_referral`` with ``side=RECEIVER``), and reads only what a consent in force still
covers. Each answer that shows a person's information writes one access-log row.
"""

from __future__ import annotations

from typing import Any

from django.core.exceptions import ValidationError as DjangoValidationError
from django.http import HttpResponse
from django.utils import timezone
from django.utils.translation import gettext as _
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import (
    OpenApiParameter,
    OpenApiResponse,
    extend_schema,
    extend_schema_field,
)
from rest_framework import permissions, serializers, status
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
from sentier.audit.actions import record_access
from sentier.audit.models import AccessChannel
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


class ReferralFilterSerializer(serializers.Serializer[Any]):
    status = serializers.ChoiceField(choices=ReferralStatus.choices, required=False)
    updated_since = InstantField(required=False)
    page = serializers.IntegerField(required=False, min_value=1)


class StatusChangeSerializer(serializers.Serializer[Any]):
    status = ReferralStatusField()
    reason = serializers.CharField(
        required=False,
        allow_blank=True,
        max_length=2000,
        help_text="Required to decline (rejected), cancel or report a failure.",
    )
    outcome = serializers.CharField(required=False, allow_blank=True, max_length=4000)


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
    capacity_available = serializers.IntegerField(min_value=0, max_value=1_000_000, allow_null=True)
    capacity_maximum = serializers.IntegerField(
        min_value=0, max_value=1_000_000, allow_null=True, required=False
    )
    waiting_list_length = serializers.IntegerField(min_value=0, max_value=1_000_000, required=False)


# ---------------------------------------------------------------------------------------------
# Views


class IsPartnerSystem(permissions.BasePermission):
    def has_permission(self, request: Request, view: Any) -> bool:
        return isinstance(request.auth, ApiKey) and request.auth.is_active


class PartnerView(APIView):
    authentication_classes = [ApiKeyAuthentication]
    permission_classes = [IsPartnerSystem]

    def get_exception_handler(self) -> Any:
        return partner_exception_handler

    def key(self, request: Request) -> ApiKey:
        assert isinstance(request.auth, ApiKey)
        return request.auth

    def log_access(self, request: Request, referral: Referral, what: str) -> None:
        key = self.key(request)
        # The reader is the organization's system, not the person who once created the key.
        record_access(
            user=None,
            visitor=f"{key.actor_label} – {key.organization}",
            participant=referral.participant,
            what=what,
            request=request._request,
            channel=AccessChannel.API,
        )


class ReferralPagination(PageNumberPagination):
    page_size = 50
    max_page_size = 200
    page_size_query_param = "page_size"


NOT_FOUND = OpenApiResponse(ErrorSerializer, description="Not found, or not your organization's.")
UNAUTHORIZED = OpenApiResponse(ErrorSerializer, description="No key, or a revoked key.")
INVALID = OpenApiResponse(ErrorSerializer, description="Some fields are not valid.")


class ReferralListView(PartnerView):
    @extend_schema(
        summary="The organization's referrals",
        description="Oldest change first, so that a system can ask for what changed since its "
        "last call (`updated_since`). Drafts are never listed.",
        parameters=[
            OpenApiParameter("status", OpenApiTypes.STR, enum=ReferralStatus.values),
            OpenApiParameter("updated_since", OpenApiTypes.DATETIME),
            OpenApiParameter("page", OpenApiTypes.INT),
            OpenApiParameter("page_size", OpenApiTypes.INT),
        ],
        responses={200: ReferralSerializer(many=True), 400: INVALID, 401: UNAUTHORIZED},
        tags=["partner systems"],
    )
    def get(self, request: Request) -> Response:
        filters = ReferralFilterSerializer(data=request.query_params)
        filters.is_valid(raise_exception=True)
        referrals = selectors.list_referrals_for_key(
            self.key(request),
            status=filters.validated_data.get("status"),
            updated_since=filters.validated_data.get("updated_since"),
        )
        paginator = ReferralPagination()
        page = paginator.paginate_queryset(referrals, request, view=self)
        return paginator.get_paginated_response(ReferralSerializer(page, many=True).data)


class ReferralDetailView(PartnerView):
    @extend_schema(
        summary="One referral, with what the person agreed to share",
        responses={200: ReferralDetailSerializer, 401: UNAUTHORIZED, 404: NOT_FOUND},
        tags=["partner systems"],
    )
    def get(self, request: Request, referral_uuid: str) -> Response:
        referral = selectors.get_referral_for_key(self.key(request), referral_uuid)
        data = ReferralDetailSerializer(referral).data
        self.log_access(request, referral, "referral")
        return Response(data)


class ReferralStatusView(PartnerView):
    @extend_schema(
        summary="Change a referral's status as the receiving organization",
        description="Accept, decline (reason required), start, put on hold, complete, or report "
        "that it did not work out (reason required). A move the state machine does not allow "
        "is answered 409 and changes nothing.",
        request=StatusChangeSerializer,
        responses={
            200: ReferralSerializer,
            400: INVALID,
            401: UNAUTHORIZED,
            404: NOT_FOUND,
            409: OpenApiResponse(ErrorSerializer, description="Not allowed from this status."),
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
        },
        tags=["partner systems"],
    )
    def get(self, request: Request, referral_uuid: str) -> HttpResponse:
        referral = selectors.get_referral_for_key(self.key(request), referral_uuid)
        bundle = referral_bundle(shared_referral(referral))
        self.log_access(request, referral, "referral (FHIR)")
        return HttpResponse(
            bundle.model_dump_json(exclude_none=True), content_type="application/fhir+json"
        )


class ServiceListView(PartnerView):
    @extend_schema(
        summary="The organization's services and their capacity",
        responses={200: ServiceSerializer(many=True), 401: UNAUTHORIZED},
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
        "offers to the people waiting.",
        request=CapacitySerializer,
        responses={200: ServiceSerializer, 400: INVALID, 401: UNAUTHORIZED, 404: NOT_FOUND},
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
