""" "I want a person to review this": the person may say why, in their own words; the comment is
kept as typed (bounded), shown back to them, and shown escaped to the caseworker who reviews it."""

from __future__ import annotations

from typing import Any

import pytest
from django.test import Client
from django.urls import reverse
from django.utils import translation

from sentier.intake.models import REVIEW_COMMENT_MAX_LENGTH, Application, Recommendation
from sentier.intake.tests.helpers import fill, start_online

pytestmark = pytest.mark.django_db

HOSTILE = '<script>alert("x")</script><img src=x onerror=alert(1)> & « ça »'


def sent_application(client: Client) -> Application:
    application = start_online(client)
    fill(client, application)
    client.post(reverse("intake:summary", args=[application.resume_key]))
    return application


def confirmation_url(application: Application, language: str = "fr-ca") -> str:
    url = reverse("intake:confirmation", args=[application.resume_key])
    return url.replace("/fr-ca/", f"/{language}/", 1)


def review_url(recommendation: Recommendation) -> str:
    with translation.override("fr-ca"):
        return reverse("intake:review", kwargs={"recommendation_uuid": recommendation.uuid})


def test_the_page_offers_an_optional_comment_before_the_request(client: Client) -> None:
    application = sent_application(client)
    page = client.get(confirmation_url(application)).content.decode()
    assert 'name="comment"' in page
    assert "Pourquoi? (facultatif)" in page


def test_a_request_without_a_comment_is_recorded(client: Client, client_for: Any) -> None:
    application = sent_application(client)
    response = client.post(confirmation_url(application), {"comment": "   "})
    assert response.status_code == 302
    recommendation = Recommendation.objects.get(application=application)
    assert recommendation.review_requested_at is not None
    assert recommendation.review_comment == ""
    mine = client.get(confirmation_url(application)).content.decode()
    assert "Ce que vous avez écrit" not in mine
    assert 'name="comment"' not in mine
    review = client_for("caseworker_laval").get(review_url(recommendation)).content.decode()
    assert "La personne n’a pas dit pourquoi." in review


def test_the_comment_is_kept_and_shown_to_the_person_and_the_caseworker(
    client: Client, client_for: Any
) -> None:
    application = sent_application(client)
    words = "Je suis déjà suivie par un organisme,\net je préfère y rester."
    response = client.post(confirmation_url(application), {"comment": f"  {words}  "})
    assert response.status_code == 302
    recommendation = Recommendation.objects.get(application=application)
    assert recommendation.review_comment == words
    mine = client.get(confirmation_url(application)).content.decode()
    assert "Ce que vous avez écrit" in mine
    assert "Je suis déjà suivie par un organisme,<br>et je préfère y rester." in mine
    english = client.get(confirmation_url(application, "en-ca")).content.decode()
    assert "What you wrote" in english
    caseworker = client_for("caseworker_laval")
    review = caseworker.get(review_url(recommendation)).content.decode()
    assert "Dans les mots de la personne" in review
    assert "Je suis déjà suivie par un organisme,<br>et je préfère y rester." in review
    with translation.override("fr-ca"):
        queue = caseworker.get(reverse("intake:review_queue")).content.decode()
    assert "Je suis déjà suivie par un organisme," in queue


def test_asking_again_keeps_the_first_request_and_comment(client: Client) -> None:
    application = sent_application(client)
    client.post(confirmation_url(application), {"comment": "Première raison."})
    first = Recommendation.objects.get(application=application)
    client.post(confirmation_url(application), {"comment": "Autre chose."})
    again = Recommendation.objects.get(application=application)
    assert again.review_comment == "Première raison."
    assert again.review_requested_at == first.review_requested_at


@pytest.mark.parametrize(
    ("language", "message"),
    [
        ("fr-ca", "Votre commentaire est trop long"),
        ("en-ca", "Your comment is too long"),
    ],
)
def test_a_comment_too_long_gets_a_clear_message_and_nothing_is_recorded(
    client: Client, language: str, message: str
) -> None:
    application = sent_application(client)
    typed = "a" * (REVIEW_COMMENT_MAX_LENGTH + 1)
    response = client.post(confirmation_url(application, language), {"comment": typed})
    assert response.status_code == 400
    page = response.content.decode()
    assert message in page
    assert str(REVIEW_COMMENT_MAX_LENGTH) in page
    assert typed in page  # what was typed is given back, to shorten it
    recommendation = Recommendation.objects.get(application=application)
    assert recommendation.review_requested_at is None
    assert recommendation.review_comment == ""


def test_a_comment_at_the_limit_is_accepted(client: Client) -> None:
    application = sent_application(client)
    typed = "é" * REVIEW_COMMENT_MAX_LENGTH
    assert client.post(confirmation_url(application), {"comment": typed}).status_code == 302
    assert Recommendation.objects.get(application=application).review_comment == typed


def test_twenty_thousand_characters_are_refused_without_an_error_page(client: Client) -> None:
    application = sent_application(client)
    response = client.post(confirmation_url(application), {"comment": "x" * 20_000})
    assert response.status_code == 400
    assert "20000" in response.content.decode() or "20 000" in response.content.decode()
    assert Recommendation.objects.get(application=application).review_requested_at is None


def test_hostile_input_is_shown_as_text_everywhere(client: Client, client_for: Any) -> None:
    application = sent_application(client)
    assert client.post(confirmation_url(application), {"comment": HOSTILE}).status_code == 302
    recommendation = Recommendation.objects.get(application=application)
    assert recommendation.review_comment == HOSTILE
    escaped = "&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;&lt;img src=x onerror=alert(1)&gt;"
    caseworker = client_for("caseworker_laval")
    for page in (
        client.get(confirmation_url(application)).content.decode(),
        caseworker.get(review_url(recommendation)).content.decode(),
        caseworker.get(reverse("intake:review_queue")).content.decode(),
    ):
        assert "<script>alert" not in page
        assert "<img src=x" not in page
        assert escaped in page


def test_a_caseworker_elsewhere_does_not_see_the_comment(client: Client, client_for: Any) -> None:
    application = sent_application(client)
    client.post(confirmation_url(application), {"comment": "Raison personnelle."})
    recommendation = Recommendation.objects.get(application=application)
    montreal = client_for("caseworker_montreal")
    assert montreal.get(review_url(recommendation)).status_code == 404
    queue = montreal.get(reverse("intake:review_queue")).content.decode()
    assert "Raison personnelle." not in queue
