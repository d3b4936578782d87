"""API views: each reads through a selector, so the API sees exactly what the pages see."""

from __future__ import annotations

from typing import Any

from django.conf import settings
from django.utils import translation
from django.utils.functional import Promise
from django.utils.translation import gettext_lazy
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import (
    OpenApiExample,
    OpenApiParameter,
    OpenApiResponse,
    PolymorphicProxySerializer,
    extend_schema,
    inline_serializer,
)
from rest_framework import permissions, serializers, status
from rest_framework.request import Request
from rest_framework.response import Response
from rest_framework.views import APIView

import sentier_rules
from sentier.accounts.models import User
from sentier.accounts.permissions import may
from sentier.api.errors import ErrorSerializer
from sentier.api.parsers import BoundedJSONParser
from sentier.audit.actions import record_access
from sentier.audit.models import AccessChannel, AccessKind
from sentier.participants.models import Participant
from sentier.participants.selectors import get_participant_for_user


class MeSerializer(serializers.ModelSerializer[User]):
    class Meta:
        model = User
        fields = ["uuid", "email", "first_name", "last_name", "role", "preferred_language"]


class ParticipantSerializer(serializers.ModelSerializer[Participant]):
    region = serializers.CharField(source="region.code")
    program = serializers.CharField(source="program.code")

    class Meta:
        model = Participant
        fields = [
            "uuid",
            "file_number",
            "first_name",
            "last_name",
            "preferred_language",
            "region",
            "program",
            "claim_booklet",
            "status",
        ]


DetailSerializer = inline_serializer(name="Detail", fields={"detail": serializers.CharField()})
# A session endpoint's refusals: DRF's {"detail": …} (not signed in, no CSRF token, not staff),
# or the MFA middleware's {"error": {…}} when the session has not passed MFA.
FORBIDDEN = OpenApiResponse(
    PolymorphicProxySerializer(
        component_name="Forbidden",
        serializers=[DetailSerializer, ErrorSerializer],
        resource_type_field_name=None,
    ),
    description="Not signed in, no CSRF token (writes), a role the endpoint is not for, or "
    "(with SENTIER_REQUIRE_MFA) a session that has not passed MFA (code mfa_required).",
)
THROTTLED = OpenApiResponse(
    DetailSerializer,
    description="More than SENTIER_API_USER_RATE requests by this person: wait `Retry-After` "
    "seconds.",
)


class MeView(APIView):
    @extend_schema(
        responses={200: MeSerializer, 403: FORBIDDEN, 429: THROTTLED},
        summary="The signed-in account",
    )
    def get(self, request: Request) -> Response:
        user = request.user
        assert isinstance(user, User)
        return Response(MeSerializer(user).data)


class ParticipantView(APIView):
    @extend_schema(
        responses={
            200: ParticipantSerializer,
            403: FORBIDDEN,
            404: OpenApiResponse(
                DetailSerializer, description="No such file, or not one you may see."
            ),
            429: THROTTLED,
        },
        summary="One participant file",
        parameters=[OpenApiParameter("participant_uuid", OpenApiTypes.UUID, OpenApiParameter.PATH)],
    )
    def get(self, request: Request, participant_uuid: str) -> Response:
        user = request.user
        assert isinstance(user, User)
        participant = get_participant_for_user(user, participant_uuid)
        record_access(
            user=user,
            shown=participant,
            kind=AccessKind.IDENTITY,
            request=request._request,
            channel=AccessChannel.API,
        )
        return Response(ParticipantSerializer(participant).data)


class IsStaffRole(permissions.BasePermission):
    """Signed-in staff (caseworkers, coordinators, partners, analysts, administrators)."""

    def has_permission(self, request: Request, view: Any) -> bool:
        return may(request.user, "accounts.work_as_staff")


DECISION_EXAMPLE = {
    "measure": "support_plan",
    "date": "2026-05-01",
    "person": {
        "jurisdiction": "QC",
        "region": "13",
        "program": "PAS",
        "claim_booklet": None,
        "asylum_seeker": False,
    },
}


def bilingual_error(code: str, message: Promise, **params: object) -> dict[str, Any]:
    """The decisions' error shape (that of ``sentier_rules``): the message in both languages."""
    texts = {}
    for key, language in (("fr", "fr-ca"), ("en", "en-ca")):
        with translation.override(language):
            texts[key] = str(message) % params
    return {"error": {"code": code, **texts, "field": None}}


# The cap is read when the schema is built; the view reads the setting on every request.
MAX_BATCH = settings.SENTIER_DECISIONS_MAX_BATCH


class DecisionsView(APIView):
    """Decide eligibility: the same body and answer as ``sentier decide``, at most
    ``SENTIER_DECISIONS_MAX_BATCH`` requests per call (a batch costs CPU and memory in
    proportion)."""

    permission_classes = [IsStaffRole]
    parser_classes = [BoundedJSONParser]

    @extend_schema(
        summary="Decide eligibility for one or more requests",
        description=(
            "Body: one request object or an array of at most "
            f"{MAX_BATCH} of them (SENTIER_DECISIONS_MAX_BATCH). Answer: an array with one object "
            "per request, in order: an outcome (eligible, reasons in French and English, amounts "
            "as decimal strings, rules_version) or an error (code, fr, en, field), also for an "
            "item that is not an object (not_an_object). A body that is "
            "not JSON, neither an object nor an array, an empty array or a longer one is answered "
            "400 (code malformed_body or batch_too_large). Each person is limited to "
            "SENTIER_API_USER_RATE requests (429 beyond it)."
        ),
        request={
            "application/json": {
                "oneOf": [
                    {"type": "object", "additionalProperties": True},
                    {
                        "type": "array",
                        # Anything: an item that is not an object gets its own error
                        # (not_an_object) in its place, as from `sentier decide`.
                        "items": {},
                        "minItems": 1,
                        "maxItems": MAX_BATCH,
                    },
                ]
            }
        },
        responses={
            200: list[dict[str, Any]],
            400: OpenApiResponse(
                dict[str, Any],
                description=(
                    "malformed_body: not an object or a non-empty array; batch_too_large: more "
                    f"than {MAX_BATCH} requests."
                ),
            ),
            403: FORBIDDEN,
            429: THROTTLED,
        },
        examples=[OpenApiExample("Personalized support plan in Laval", value=DECISION_EXAMPLE)],
    )
    def post(self, request: Request) -> Response:
        body = request.data
        if not isinstance(body, dict | list) or (isinstance(body, list) and not body):
            return Response(
                {
                    "error": {
                        "code": "malformed_body",
                        "fr": "Le corps doit être un objet JSON ou un tableau non vide d’objets.",
                        "en": "The body must be a JSON object or a non-empty array of objects.",
                        "field": None,
                    }
                },
                status=status.HTTP_400_BAD_REQUEST,
            )
        limit = settings.SENTIER_DECISIONS_MAX_BATCH
        if isinstance(body, list) and len(body) > limit:
            message = gettext_lazy(
                "At most %(limit)d requests may be sent in one call; this one has %(count)d. "
                "Send them in several calls."
            )
            return Response(
                bilingual_error("batch_too_large", message, limit=limit, count=len(body)),
                status=status.HTTP_400_BAD_REQUEST,
            )
        return Response(sentier_rules.decide(body))
