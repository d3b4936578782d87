"""The pages made cheaper for the load test (issue 18) give the same HTML as before, in French and
in English: the frame computed once per request (the file page and its panels), the column names
of the caseload and the referrals inbox translated once per page, the status labels translated
once per row."""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

import pytest
from django.db.models import Model
from django.template import engines
from django.template.loader import get_template
from django.urls import reverse
from django.utils import translation

from sentier.intake.tests.test_review_pages import send as send_application
from sentier.participants.models import FileStatus, Participant
from sentier.referrals.models import Referral, ReferralStatus
from sentier.referrals.tests.helpers import opex, send
from sentier.site import context_processors

pytestmark = pytest.mark.django_db

LANGUAGES = ["fr-ca", "en-ca"]
#: A CSRF token is masked anew at each use (the same secret, another text), and a form's
#: idempotency key is new at each display.
CSRF = re.compile(r'(name="csrfmiddlewaretoken" value=")[^"]+"')
UUID = re.compile(r'(name="[\w-]*key" value=")[0-9a-f-]{36}"')


def unmasked(html: str) -> str:
    return UUID.sub(r'\1…"', CSRF.sub(r'\1…"', html))


def unhoisted(source: str) -> str:
    """A template's ``source`` as it was before the hoisting: each ``{% translate "X" as var %}``
    taken out and each ``{{ var }}`` written ``{% translate "X" %}`` again, where it is used (a
    template that hoists nothing is given back as it is)."""
    hoisted = {
        var: text for text, var in re.findall(r'\{% translate "([^"]+)" as (\w+) %\}', source)
    }
    source = re.sub(r'\{% translate "[^"]+" as \w+ %\}', "", source)
    source = source.replace(
        "{% comment %}The column names once, not once a row (25 rows a page).{% endcomment %}", ""
    )
    for var, text in hoisted.items():
        source = source.replace(f"{{{{ {var} }}}}", f'{{% translate "{text}" %}}')
    return source


def labels_follow_the_headings(html: str, skip: int = 0) -> int:
    """Each row's ``data-label``s are the table's column headings, in order (after ``skip``
    headings of cells that carry none); the number of rows."""
    headings = re.findall(r'<th scope="col">([^<]*)</th>', html)[skip:]
    rows = re.findall(r"<tr>(.*?)</tr>", html.split("<tbody>", 1)[1], re.S)
    for row in rows:
        assert re.findall(r'data-label="([^"]*)"', row) == headings
    return len(rows)


#: Templates as they were before their rows were drawn in part in Python (their language cell
#: an include, their links ``{% url %}``), with that include written in place; read with their
#: translations hoisted out of the rows put back (``unhoisted``): the pages as they were before
#: either change.
BEFORE = Path(__file__).parent / "before"


def before_and_now(
    before: str, name: str, context: dict[str, Any], request: Any
) -> tuple[str, str]:
    source = unhoisted((BEFORE / before).read_text(encoding="utf-8"))
    old = engines["django"].from_string(source).render(context, request)
    new = get_template(name).render(context, request)
    return unmasked(old), unmasked(new)


@pytest.mark.parametrize("language", LANGUAGES)
def test_the_caseload_table_reads_as_before(
    client_for: Any, laval_participant: Any, language: str
) -> None:
    laval_participant.interpreter_language = "es"
    laval_participant.save(update_fields=["interpreter_language"])
    with translation.override(language):
        response = client_for("caseworker_laval").get(
            reverse("participants:caseload") + "?scope=all"
        )
        assert response.status_code == 200
        context = {key: response.context[key] for key in ("page", "query", "rows", "rows_html")}
        assert len(context["page"].object_list) > 0
        old, new = before_and_now(
            "caseload_table.html",
            "participants/_caseload_table.html",
            context,
            response.wsgi_request,
        )
    assert new == old
    assert labels_follow_the_headings(new) == len(context["page"].object_list)
    assert "Interpr" in new  # a file that needs an interpreter: the cell's second line


@pytest.mark.parametrize("language", LANGUAGES)
def test_the_review_queue_reads_as_before(client_for: Any, language: str) -> None:
    plain, interpreted = send_application(), send_application()
    interpreted.participant.interpreter_language = "ar"
    interpreted.participant.save(update_fields=["interpreter_language"])
    with translation.override(language):
        response = client_for("caseworker_laval").get(reverse("intake:review_queue"))
        assert response.status_code == 200
        context = {
            key: response.context[key] for key in ("form", "page", "query", "counts", "can_enter")
        }
        assert len(context["page"].object_list) > 0
        old, new = before_and_now(
            "review_queue.html", "intake/review_queue.html", context, response.wsgi_request
        )
    assert new == old
    assert plain.participant.last_name in new
    assert "Interpr" in new


@pytest.mark.parametrize("language", LANGUAGES)
def test_the_referrals_inbox_reads_as_before(
    client_for: Any, personas: dict[str, Any], laval_participant: Any, language: str
) -> None:
    send(personas, laval_participant, opex())
    with translation.override(language):
        response = client_for("partner_opex").get(reverse("referrals:inbox"))
        assert response.status_code == 200
        context = {
            key: response.context[key]
            for key in (
                "organization",
                "filters",
                "referrals",
                "rows",
                "rows_html",
                "counts",
                "notices",
            )
        }
        assert context["referrals"]
        source = unhoisted((BEFORE / "referrals_inbox.html").read_text(encoding="utf-8"))
        before = {**context, "rows": [row for row, _link in context["rows"]]}
        old = unmasked(engines["django"].from_string(source).render(before, response.wsgi_request))
        new = unmasked(get_template("referrals/inbox.html").render(context, response.wsgi_request))
    assert new == old
    assert labels_follow_the_headings(new, skip=1) == len(context["referrals"])
    assert laval_participant.last_name in new


@pytest.mark.parametrize("language", LANGUAGES)
def test_status_labels_are_djangos(language: str) -> None:
    """Each status, and a value that is none of them, labelled as Django's own display does."""
    cases: list[tuple[type[Model], Any, list[str]]] = [
        (Participant, FileStatus, [*FileStatus.values, "unknown", ""]),
        (Referral, ReferralStatus, [*ReferralStatus.values, "unknown", ""]),
    ]
    with translation.override(language):
        for model, _enum, values in cases:
            field = model._meta.get_field("status")
            for value in values:
                row = model(status=value)
                django = Model._get_FIELD_display(row, field)  # type: ignore[attr-defined]
                assert row.get_status_display() == django  # type: ignore[attr-defined]
                assert type(row.get_status_display()) is type(django)  # type: ignore[attr-defined]


@pytest.mark.parametrize("language", LANGUAGES)
def test_the_file_page_reads_as_with_a_frame_per_panel(
    client_for: Any, laval_participant: Any, monkeypatch: pytest.MonkeyPatch, language: str
) -> None:
    """The file page (eight panels, each rendered with the request) with the frame kept for the
    request, and with it computed again for every template as before."""
    client = client_for("caseworker_laval")
    with translation.override(language):
        url = reverse("participants:file", args=[laval_participant.uuid])
    kept = unmasked(client.get(url).content.decode())
    monkeypatch.setattr(context_processors, "_frame_key", lambda request, current: object())
    each = unmasked(client.get(url).content.decode())
    assert kept == each
    assert laval_participant.last_name in kept


def test_the_frame_follows_a_change_of_language_within_a_request(rf: Any, personas: Any) -> None:
    """A template rendered in another language in the same request (a letter, a notice) gets
    the links of that language, not the page's."""
    request = rf.get("/fr-ca/")
    request.user = personas["caseworker_laval"]
    with translation.override("fr-ca"):
        french = context_processors.sentier(request)["sentier"]
        assert context_processors.sentier(request)["sentier"] is french
    with translation.override("en-ca"):
        english = context_processors.sentier(request)["sentier"]
    assert french["language"] == "fr-ca"
    assert english["language"] == "en-ca"
    assert english["other_language"]["code"] == "fr-ca"
    request.user = personas["partner_opex"]
    with translation.override("fr-ca"):
        partner = context_processors.sentier(request)["sentier"]
    assert partner is not french
    assert partner["nav"] != french["nav"]
