"""API views: each reads through a selector, so the API sees exactly what the pages see."""

from __future__ import annotations

import uuid

from drf_spectacular.utils import extend_schema
from rest_framework import serializers
from rest_framework.request import Request
from rest_framework.response import Response
from rest_framework.views import APIView

from sentier.accounts.models import User
from sentier.audit.actions import record_access
from sentier.audit.models import AccessChannel
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


class MeView(APIView):
    @extend_schema(responses=MeSerializer, summary="The signed-in account")
    def get(self, request: Request) -> Response:
        user = request.user
        assert isinstance(user, User)
        return Response(MeSerializer(user).data)


class ParticipantView(APIView):
    @extend_schema(responses=ParticipantSerializer, summary="One participant file")
    def get(self, request: Request, participant_uuid: uuid.UUID) -> Response:
        user = request.user
        assert isinstance(user, User)
        participant = get_participant_for_user(user, participant_uuid)
        record_access(
            user=user,
            participant=participant,
            what="identity",
            request=request._request,
            channel=AccessChannel.API,
        )
        return Response(ParticipantSerializer(participant).data)
