"""Spanish, Arabic and Haitian Creole on the pages a participant or applicant sees, never on staff
pages; unsupported language codes fall back to French with a notice, never a 500 (issue 19)."""

from __future__ import annotations

import datetime as dt
import re
from decimal import Decimal
from typing import Any

import pytest
from django.conf import settings
from django.test import Client
from django.utils import translation
from django.utils.translation import get_language_info

from sentier.core import formatting, languages
from sentier.intake.tests.helpers import GOOD, start_online, step_url

pytestmark = pytest.mark.django_db

UNREVIEWED = {
    "es": "Esta traducción todavía no ha sido revisada por un traductor calificado.",
    "ar": "لم يراجع مترجم مؤهل هذه الترجمة بعد.",
    "ht": "Tradiksyon sa a poko revize pa yon tradiktè ki kalifye.",
}


def notice(code: str) -> str:
    """The fallback notice as the French page shows it."""
    with translation.override("fr-ca"):
        text = translation.gettext(
            "Sentier is not available in the language you asked for (%(code)s): "
            "the page is shown in %(language)s."
        ) % {"code": code, "language": translation.gettext("French")}
    return text.replace("’", "&#x27;") if "'" in text else text


def html_tag(page: str) -> str:
    found = re.search(r"<html[^>]*>", page)
    assert found is not None
    return found.group(0)


@pytest.mark.parametrize(
    ("code", "direction", "title"),
    [("es", "ltr", "Solicitar ayuda y apoyo"), ("ar", "rtl", "اطلب المساعدة والدعم"),
     ("ht", "ltr", "Mande èd ak sipò")],
)  # fmt: skip
def test_the_application_speaks_the_participant_languages(
    client: Client, code: str, direction: str, title: str
) -> None:
    response = client.get(f"/{code}/apply/")
    assert response.status_code == 200
    page = response.content.decode()
    assert html_tag(page) == f'<html lang="{code}" dir="{direction}">'
    assert title in page
    # One discreet line, in that language, says the translation is not reviewed yet.
    assert page.count('class="sentier-unreviewed"') == 1
    assert UNREVIEWED[code] in page
    # The language is remembered in the cookie.
    assert response.cookies[settings.LANGUAGE_COOKIE_NAME].value == code


def test_french_and_english_pages_say_nothing_about_review(client: Client) -> None:
    for code in ("fr-ca", "en-ca"):
        page = client.get(f"/{code}/apply/").content.decode()
        assert "sentier-unreviewed" not in page


def test_a_participant_page_offers_every_language_named_in_itself(client: Client) -> None:
    page = client.get("/fr-ca/apply/").content.decode()
    assert '<a href="/es/apply/" lang="es" hreflang="es" dir="ltr">Español</a>' in page
    assert '<a href="/ar/apply/" lang="ar" hreflang="ar" dir="rtl">العربية</a>' in page
    assert '<a href="/ht/apply/" lang="ht" hreflang="ht" dir="ltr">Kreyòl ayisyen</a>' in page


def test_a_staff_page_offers_french_and_english_only(client_for: Any) -> None:
    page = client_for("caseworker_laval").get("/fr-ca/participants/").content.decode()
    assert 'hreflang="es"' not in page
    assert 'hreflang="ar"' not in page


@pytest.mark.parametrize("code", ["es", "ar", "ht"])
def test_a_staff_page_is_never_shown_in_a_participant_language(client: Client, code: str) -> None:
    response = client.get(f"/{code}/participants/")
    assert response.status_code == 302
    assert response["Location"] == "/fr-ca/participants/"


def test_a_staff_user_never_switches_to_a_participant_language(client_for: Any) -> None:
    client = client_for("caseworker_laval")
    response = client.get("/ar/")
    assert response.status_code == 302
    assert response["Location"] == "/fr-ca/"
    page = client.get("/fr-ca/apply/").content.decode()
    assert 'hreflang="ar"' not in page


def test_a_staff_user_s_form_in_a_participant_language_is_answered_in_french(
    client_for: Any, laval_participant: Any
) -> None:
    # A POST is not redirected (what was typed would be lost): it is answered in French.
    response = client_for("caseworker_laval").post(
        f"/es/participants/{laval_participant.uuid}/edit/", {"first_name": ""}
    )
    assert html_tag(response.content.decode()).startswith('<html lang="fr-ca"')


@pytest.mark.parametrize(
    ("path", "target"),
    [
        ("/de/apply/", "/fr-ca/apply/"),
        ("/xx-yy/apply/?step=1", "/fr-ca/apply/?step=1"),
        ("/zh-hant-tw/", "/fr-ca/"),
        ("/tlh/directory/", "/fr-ca/directory/"),
    ],
)
def test_an_unsupported_language_falls_back_to_french_with_a_notice(
    client: Client, path: str, target: str
) -> None:
    response = client.get(path)
    assert response.status_code == 302
    assert response["Location"] == target
    page = client.get(response["Location"], follow=True).content.decode()
    assert notice(path.split("/")[1]) in page
    assert html_tag(page).startswith('<html lang="fr-ca"')


@pytest.mark.parametrize(
    ("path", "target"),
    [("/es-mx/apply/", "/es/apply/"), ("/FR/apply/", "/fr-ca/apply/"), ("/ar-sa/", "/ar/")],
)
def test_a_variant_of_an_offered_language_goes_to_it_without_a_notice(
    client: Client, path: str, target: str
) -> None:
    response = client.get(path)
    assert response["Location"] == target
    assert "sentier-unreviewed" not in client.get(target).content.decode() or target != "/fr-ca/"
    assert "(" + path.split("/")[1] + ")" not in client.get(target).content.decode()


@pytest.mark.parametrize(
    "path", ["/de/", "/de/%00/", "/pt-br/apply/%2e%2e/", "/de//evil.example/", "/q1/x/"]
)
def test_odd_language_addresses_never_give_a_server_error(client: Client, path: str) -> None:
    response = client.get(path, follow=True)
    assert response.status_code in (200, 400, 404)
    for url, _status in response.redirect_chain:
        assert url.startswith("/"), url
        assert not url.startswith("//"), url


def test_an_unsupported_language_in_the_application_s_switch_falls_back_to_french(
    client: Client,
) -> None:
    application = start_online(client)
    before = dict(application.answers)
    response = client.post(
        step_url(application, "identity", "es"),
        {"first_name": "Awa", "switch_language": "klingon"},
    )
    assert response.status_code == 302
    assert response["Location"] == f"/fr-ca/apply/{application.resume_key}/identity/"
    page = client.get(response["Location"]).content.decode()
    assert notice("klingon") in page
    assert 'value="Awa"' in page  # what was typed is kept
    application.refresh_from_db()
    assert "identity" not in application.answers
    assert before.get("identity") is None


def test_the_application_s_switch_goes_to_arabic(client: Client) -> None:
    application = start_online(client)
    page = client.get(step_url(application, "identity")).content.decode()
    assert 'name="switch_language" value="ar" class="sentier-link-button" lang="ar"' in page
    response = client.post(
        step_url(application, "identity"), {"first_name": "Amal", "switch_language": "ar"}
    )
    assert response["Location"] == step_url(application, "identity", "ar")
    page = client.get(response["Location"]).content.decode()
    assert 'dir="rtl"' in html_tag(page)
    assert 'value="Amal"' in page
    assert "هل تحتاج إلى مترجم فوري؟" in page


def test_an_unknown_language_of_correspondence_is_a_field_error_not_a_500(client: Client) -> None:
    application = start_online(client)
    response = client.post(
        step_url(application, "identity", "es"),
        {**GOOD["identity"], "preferred_language": "de", "interpreter_language": "xx"},
    )
    assert response.status_code == 400
    application.refresh_from_db()
    assert "identity" not in application.answers


def test_the_remembered_language_is_offered_back(client: Client) -> None:
    client.get("/ht/apply/")
    assert client.get("/").headers["Location"] == "/ht/"
    page = client.get("/fr-ca/apply/").content.decode()
    assert '<p class="sentier-offer-back"><a href="/ht/apply/" lang="ht"' in page


def test_a_signed_in_participant_s_account_remembers_the_language(
    client_for: Any, personas: dict[str, Any]
) -> None:
    client = client_for("participant")
    assert client.get("/ar/participants/me/").status_code in (200, 302)
    client.get("/ar/")
    personas["participant"].refresh_from_db()
    assert personas["participant"].preferred_language == "ar"
    fresh = Client()
    fresh.force_login(personas["participant"])
    page = fresh.get("/fr-ca/").content.decode()
    assert '<p class="sentier-offer-back"><a href="/ar/" lang="ar"' in page


def test_haitian_creole_is_declared_for_django() -> None:
    info = get_language_info("ht")
    assert info["bidi"] is False
    assert info["name_local"] == "Kreyòl ayisyen"
    assert translation.get_language_bidi() is False
    with translation.override("ar"):
        assert translation.get_language_bidi() is True


@pytest.mark.parametrize("code", ["es", "ar", "ht"])
def test_money_dates_and_times_are_formatted_for_the_language(code: str) -> None:
    day, time = dt.date(2026, 4, 1), dt.time(14, 30)
    expected = {
        "es": ("173,00\xa0CAD", "1 de abril de 2026"),
        "ar": ("\u200f173.00\xa0CA$", "1 أبريل 2026"),
        "ht": ("173,00\xa0$CA", "1 avril 2026"),
    }
    assert formatting.money(Decimal("173"), code) == expected[code][0]
    assert formatting.long_date(day, code) == expected[code][1]
    assert formatting.clock(time, code)


def test_language_names_come_from_the_reader_s_language() -> None:
    assert languages.language_name("ti", "fr-ca") == "tigrigna"
    assert languages.language_name("ht", "en-ca") == "Haitian Creole"
    assert languages.language_name("fcs", "fr-ca") == "LSQ (langue des signes québécoise)"
    assert languages.language_name("qq", "fr-ca") == "qq"
    assert dict(languages.spoken_choices("fr-ca"))["es"] == "español — espagnol"


@pytest.mark.parametrize(
    ("code", "title"), [("es", "Mi expediente"), ("ar", "ملفي"), ("ht", "Dosye mwen")]
)
def test_my_file_and_who_viewed_it_speak_the_participant_s_language(
    client_for: Any, code: str, title: str
) -> None:
    client = client_for("participant")
    for path in (f"/{code}/participants/me/", f"/{code}/participants/me/access-log/", f"/{code}/"):
        response = client.get(path)
        assert response.status_code == 200, path
        page = response.content.decode()
        assert html_tag(page).startswith(f'<html lang="{code}"')
        assert UNREVIEWED[code] in page
    assert title in client.get(f"/{code}/participants/me/").content.decode()


#: The other participant pages (issue 19, second part): My plan, consents, referrals, the public
#: directory and the sign-in page, each with a title in each language.
OTHER_PAGES = {
    "plans/mine/": {
        "es": "Mi plan de acompañamiento",
        "ar": "خطة المرافقة الخاصة بي",
        "ht": "Plan akonpayman mwen",
    },
    "consent/mine/": {"es": "Mis consentimientos", "ar": "موافقاتي", "ht": "Konsantman mwen"},
    "referrals/mine/": {"es": "Mis envíos a organismos", "ar": "إحالاتي", "ht": "Referans mwen yo"},
    "directory/": {
        "es": "Directorio de organismos asociados",
        "ar": "دليل المنظمات الشريكة",
        "ht": "Anyè òganizasyon patnè yo",
    },
}


@pytest.mark.parametrize("code", ["es", "ar", "ht"])
def test_the_other_participant_pages_speak_the_participant_s_language(
    client_for: Any, code: str
) -> None:
    client = client_for("participant")
    for path, titles in OTHER_PAGES.items():
        response = client.get(f"/{code}/{path}")
        assert response.status_code == 200, path
        page = response.content.decode()
        direction = "rtl" if code == "ar" else "ltr"
        assert html_tag(page) == f'<html lang="{code}" dir="{direction}">', path
        assert titles[code] in page, path
        assert page.count('class="sentier-unreviewed"') == 1, path
        assert UNREVIEWED[code] in page, path


@pytest.mark.parametrize(
    ("code", "words"),
    [
        ("es", "¿Olvidó su contraseña?"),
        ("ar", "هل نسيت كلمة المرور؟"),
        ("ht", "Ou bliye modpas ou?"),
    ],
)
def test_the_sign_in_page_speaks_the_participant_s_language(
    client: Client, code: str, words: str
) -> None:
    response = client.get(f"/{code}/accounts/login/")
    assert response.status_code == 200
    page = response.content.decode()
    assert html_tag(page).startswith(f'<html lang="{code}"')
    assert words in page


def test_every_listed_participant_page_exists() -> None:
    # The allow-list names URL names: a renamed view would silently fall back to French.
    from django.urls import get_resolver

    known = {
        f"{namespace}:{name}" if namespace else name
        for namespace, name in _url_names(get_resolver())
    }
    assert known >= languages.PARTICIPANT_PAGES, languages.PARTICIPANT_PAGES - known
    for name in ("plans:my_plan", "plans:my_pdf", "consent:mine", "consent:give"):
        assert languages.is_participant_page(name)
    for name in ("referrals:mine", "network:directory", "network:answer_offer", "account_login"):
        assert languages.is_participant_page(name)
    assert not languages.is_participant_page("network:capacity")


def _url_names(resolver: Any, namespace: str = "") -> set[tuple[str, str]]:
    names: set[tuple[str, str]] = set()
    for pattern in resolver.url_patterns:
        if hasattr(pattern, "url_patterns"):
            inner = pattern.namespace or ""
            full = ":".join(part for part in (namespace, inner) if part)
            names |= _url_names(pattern, full)
        elif pattern.name:
            names.add((namespace, pattern.name))
    return names


def test_the_plan_pdf_is_in_the_participant_s_language_right_to_left_for_arabic(
    personas: dict[str, Any], laval_participant: Any
) -> None:
    from sentier.plans.pdf import plan_pdf_html
    from sentier.plans.tests.helpers import active_plan

    laval_participant.preferred_language = "ar"
    laval_participant.save(update_fields=["preferred_language"])
    plan = active_plan(personas, laval_participant)
    html = plan_pdf_html(plan)
    assert html_tag(html) == '<html lang="ar" dir="rtl">'
    assert "خطة المرافقة الشخصية لـ" in html
    assert "المشاركة في خطة المرافقة الشخصية اختيارية" in html
    assert UNREVIEWED["ar"] in html
    plan.participant.preferred_language = "fr-ca"
    plan.participant.save(update_fields=["preferred_language"])
    french = plan_pdf_html(plan)
    assert html_tag(french) == '<html lang="fr-CA" dir="ltr">'
    assert UNREVIEWED["ar"] not in french


@pytest.mark.parametrize(
    ("code", "question"),
    [
        ("es", "¿Está viviendo alguna de estas situaciones en este momento?"),
        ("ar", "هل تمر بأي من هذه الحالات الآن؟"),
        ("ht", "Èske w ap viv youn nan sitiyasyon sa yo kounye a?"),
    ],
)
def test_the_questionnaire_of_the_rules_speaks_the_participant_s_language(
    client: Client, code: str, question: str
) -> None:
    application = start_online(client)
    page = client.get(step_url(application, "questionnaire", code)).content.decode()
    assert question in page
    assert "Vivez-vous en ce moment" not in page  # not the French fallback


def test_every_question_of_the_rules_goes_through_the_catalogs() -> None:
    from django.utils import timezone

    import sentier_rules
    from sentier.intake.questionnaire_text import TEXTS

    days = {"2025-11-10", "2026-04-01", timezone.localdate().isoformat()}
    for day in days:
        for jurisdiction in ("QC", "ON"):
            config = sentier_rules.questionnaire(day, jurisdiction=jurisdiction)
            for question in config["questions"]:
                for text in (question["en"], question["help_en"]):
                    assert not text or text in TEXTS, text
                for option in question["options"]:
                    assert option["en"] in TEXTS, option["en"]
