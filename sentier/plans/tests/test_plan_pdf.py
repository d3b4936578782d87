"""The plan as a tagged PDF (PDF/UA-1) in the participant's language, with its objectives."""

from __future__ import annotations

import re
from typing import Any

import pytest
from django.urls import reverse

from sentier.plans.models import Difficulty
from sentier.plans.tests import pdf_text
from sentier.plans.tests.helpers import active_plan

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize(
    ("language", "lang_tag", "difficulty_name"),
    [("fr-ca", b"fr-CA", "name_fr"), ("en-ca", b"en-CA", "name_en")],
)
def test_pdf_opens_is_tagged_and_in_the_participants_language(
    personas: dict[str, Any],
    laval_participant: Any,
    client_for: Any,
    language: str,
    lang_tag: bytes,
    difficulty_name: str,
) -> None:
    laval_participant.preferred_language = language
    laval_participant.save()
    plan = active_plan(
        personas,
        laval_participant,
        objectives=["Find a safe apartment", "Meet the ACEF budget advisor"],
        difficulties=Difficulty.objects.filter(code__in=["housing", "debt"]),
    )
    # The participant downloads it from the portal (in whatever page language).
    response = client_for("participant").get(reverse("plans:my_pdf"))
    assert response.status_code == 200
    assert response["Content-Type"] == "application/pdf"
    data = response.content
    assert data.startswith(b"%PDF-")
    assert data.rstrip().endswith(b"%%EOF")
    objects = pdf_text.everything(data)
    assert re.search(rb"/Lang\s*\(" + lang_tag + rb"\)", objects)
    assert b"/StructTreeRoot" in objects  # tagged
    assert b"pdfuaid:part" in objects  # declared PDF/UA
    assert b"/Title" in objects
    text = pdf_text.squeeze(pdf_text.text(data))
    for objective in plan.objectives.all():
        assert pdf_text.squeeze(objective.text) in text
    for difficulty in Difficulty.objects.filter(code__in=["housing", "debt"]):
        assert pdf_text.squeeze(getattr(difficulty, difficulty_name)) in text
    other = "name_en" if difficulty_name == "name_fr" else "name_fr"
    assert pdf_text.squeeze(getattr(Difficulty.objects.get(code="debt"), other)) not in text


def test_caseworker_downloads_the_pdf_and_it_is_logged(
    personas: dict[str, Any], laval_participant: Any, client_for: Any
) -> None:
    from sentier.audit.models import AccessLog

    plan = active_plan(personas, laval_participant)
    before = AccessLog.objects.filter(participant=laval_participant).count()
    response = client_for("caseworker_laval").get(reverse("plans:pdf", args=[plan.uuid]))
    assert response.status_code == 200
    assert "attachment" in response["Content-Disposition"]
    assert AccessLog.objects.filter(participant=laval_participant).count() == before + 1
