"""Plain-language reasons, in French and English, for every outcome code.

Texts speak to the participant ("you"). Templates take values from the request and from the
dated parameters (program names, dates, amounts), so changing a parameter changes the wording too.
``source`` names the seed document and its section.
"""

from __future__ import annotations

import datetime as dt
from typing import Any, Final

S000: Final = "000_fce2fba07b98e1ba.txt"
S001: Final = "001_415f001b499895c5.txt"
S002: Final = "002_68267d4da4c33b1f.txt"
S003: Final = "003_bf0787fb5dd45da6.txt"
S004: Final = "004_60749dc0e1aad6b4.txt"

MONTHS_FR: Final = (
    "janvier",
    "février",
    "mars",
    "avril",
    "mai",
    "juin",
    "juillet",
    "août",
    "septembre",
    "octobre",
    "novembre",
    "décembre",
)


def date_fr(date: dt.date) -> str:
    day = "1er" if date.day == 1 else str(date.day)
    return f"{day} {MONTHS_FR[date.month - 1]} {date.year}"


def date_en(date: dt.date) -> str:
    return f"{date:%B} {date.day}, {date.year}"


def join_fr(items: list[str]) -> str:
    if len(items) <= 1:
        return "".join(items)
    return ", ".join(items[:-1]) + " ou " + items[-1]


def join_en(items: list[str]) -> str:
    if len(items) <= 1:
        return "".join(items)
    return ", ".join(items[:-1]) + " or " + items[-1]


Text = tuple[str, str, str]  # (French, English, source)

_ANY: Final = "*"

#: (measure or "*", code) -> (French template, English template, source).
TEXTS: Final[dict[tuple[str, str], Text]] = {
    # ---- shared ----
    (_ANY, "outside_quebec"): (
        "Cette mesure est offerte au Québec seulement; votre dossier relève de l'Ontario.",
        "This measure is offered in Québec only; your file is in Ontario.",
        "{seed} — PROGRAMMES TOUCHÉS",
    ),
    (_ANY, "benefit_unchanged"): (
        "Cette réponse ne change rien à votre prestation d'aide financière.",
        "This answer does not change your financial assistance benefit.",
        "{seed}",
    ),
    (_ANY, "asylum_seeker_not_in_pilot"): (
        "Les demandeurs d'asile n'ont pas encore accès à cette mesure dans votre région "
        "({region_fr}) : seules les régions d'un projet pilote les accueillent.",
        "Asylum seekers do not have access to this measure in your region ({region_en}) yet: "
        "only regions running a pilot project admit them.",
        f"{S003} — Mesures au sujet des demandeurs d'asile",
    ),
    (_ANY, "asylum_seeker_pilot"): (
        "Un projet pilote de votre région ({region_fr}) accueille les demandeurs d'asile dans "
        "cette mesure.",
        "A pilot project in your region ({region_en}) admits asylum seekers to this measure.",
        f"{S003} — Mesures au sujet des demandeurs d'asile",
    ),
    # ---- personalized support plan (001) ----
    ("support_plan", "eligible"): (
        "Vous pouvez recevoir un plan d'accompagnement personnalisé.",
        "You can receive a personalized support plan.",
        f"{S001} — À PARTIR DU 1er AVRIL 2026",
    ),
    ("support_plan", "not_in_force"): (
        "Le plan d'accompagnement personnalisé est offert à compter du {since_fr}. "
        "Le {date_fr}, il n'était pas encore offert.",
        "The personalized support plan is offered from {since_en}. "
        "On {date_en}, it was not offered yet.",
        f"{S001} — ENTRÉE EN VIGUEUR",
    ),
    ("support_plan", "program_covered"): (
        "Votre programme ({program_fr}) est visé par le plan d'accompagnement personnalisé.",
        "Your program ({program_en}) is covered by the personalized support plan.",
        f"{S001} — PROGRAMMES TOUCHÉS PAR LES MODIFICATIONS",
    ),
    ("support_plan", "program_not_covered"): (
        "Le plan d'accompagnement personnalisé s'adresse aux personnes qui reçoivent l'aide "
        "d'un de ces programmes : {covered_fr}. Votre programme ({program_fr}) n'en fait pas "
        "partie.",
        "The personalized support plan is for people receiving assistance from one of these "
        "programs: {covered_en}. Your program ({program_en}) is not one of them.",
        f"{S001} — PROGRAMMES TOUCHÉS PAR LES MODIFICATIONS",
    ),
    ("support_plan", "claim_booklet_excluded"): (
        "Les personnes qui ont un carnet de réclamation {excluded_fr} ne peuvent pas recevoir "
        "de plan d'accompagnement personnalisé. Vous gardez votre carnet; votre prestation ne "
        "change pas.",
        "People with an {excluded_en} claim booklet cannot receive a personalized support "
        "plan. You keep your booklet; your benefit does not change.",
        f"{S001} — QUESTIONS – RÉPONSES (carnet de réclamation)",
    ),
    ("support_plan", "claim_booklet_kept"): (
        "Vous gardez votre carnet de réclamation ({booklet}), que vous participiez ou non.",
        "You keep your claim booklet ({booklet}) whether or not you take part.",
        f"{S001} — QUESTIONS – RÉPONSES (carnet de réclamation)",
    ),
    ("support_plan", "region_offered"): (
        "Votre région ({region_fr}) offre le plan d'accompagnement personnalisé.",
        "Your region ({region_en}) offers the personalized support plan.",
        f"{S001} — IMPORTANT",
    ),
    ("support_plan", "region_not_offered"): (
        "Votre région ({region_fr}) n'offre pas encore le plan d'accompagnement personnalisé : "
        "il est déployé progressivement dans les régions du Québec.{joins_fr}",
        "Your region ({region_en}) does not offer the personalized support plan yet: it is "
        "being rolled out region by region across Québec.{joins_en}",
        f"{S001} — IMPORTANT",
    ),
    ("support_plan", "voluntary"): (
        "La participation est volontaire : refuser ou y mettre fin n'a aucun effet sur votre "
        "prestation, et aucune allocation supplémentaire n'est versée. Pour le demander, "
        "téléphonez au 1 877 767-8773 (sans frais) ou présentez-vous dans un bureau de "
        "Services Québec.",
        "Taking part is voluntary: saying no or stopping has no effect on your benefit, and no "
        "extra allowance is paid. To ask for it, call 1 877 767-8773 (toll free) or go to a "
        "Services Québec office.",
        f"{S001} — MESSAGES À COMMUNIQUER À LA CLIENTÈLE; QUESTIONS – RÉPONSES",
    ),
    # ---- service plan (000) ----
    ("service_plan", "eligible"): (
        "Un plan de services peut être mis en place pour vous.",
        "A service plan can be set up for you.",
        f"{S000} — À PARTIR DU 1er AVRIL 2026",
    ),
    ("service_plan", "program_covered"): (
        "Votre programme ({program_fr}) est visé par le plan de services.",
        "Your program ({program_en}) is covered by the service plan.",
        f"{S000} — PROGRAMMES TOUCHÉS PAR LES MODIFICATIONS",
    ),
    ("service_plan", "program_not_covered"): (
        "Le plan de services s'adresse aux personnes qui reçoivent l'aide d'un de ces "
        "programmes : {covered_fr}. Votre programme ({program_fr}) n'en fait pas partie.",
        "The service plan is for people receiving assistance from one of these programs: "
        "{covered_en}. Your program ({program_en}) is not one of them.",
        f"{S000} — PROGRAMMES TOUCHÉS PAR LES MODIFICATIONS",
    ),
    ("service_plan", "ministry_initiates"): (
        "Dans votre région ({region_fr}), le Ministère peut amorcer un plan de services. Votre "
        "agente ou votre agent d'aide à l'emploi transmet la demande au coordonnateur du "
        "Ministère, qui décide. Vous n'avez pas à le demander.",
        "In your region ({region_en}), the Ministry can initiate a service plan. Your "
        "employment assistance officer sends the request to the Ministry coordinator, who "
        "decides. You do not need to ask for it.",
        f"{S000} — IMPORTANT; QUESTIONS – RÉPONSES",
    ),
    ("service_plan", "ministry_collaborates"): (
        "Le Ministère peut collaborer à un plan de services amorcé par un autre ministère ou "
        "par un organisme, dans toutes les régions.",
        "The Ministry can take part in a service plan initiated by another ministry or by an "
        "organization, in every region.",
        f"{S000} — AVANT L'ENTRÉE EN VIGUEUR / À PARTIR DU 1er AVRIL 2026",
    ),
    ("service_plan", "ministry_cannot_initiate_yet"): (
        "Avant le {since_fr}, le Ministère pouvait seulement collaborer à un plan de services "
        "amorcé par un autre ministère ou par un organisme; il ne pouvait pas en amorcer un.",
        "Before {since_en}, the Ministry could only take part in a service plan initiated by "
        "another ministry or by an organization; it could not initiate one.",
        f"{S000} — AVANT L'ENTRÉE EN VIGUEUR",
    ),
    ("service_plan", "ministry_initiation_not_deployed"): (
        "Dans votre région ({region_fr}), le Ministère ne peut pas encore amorcer de plan de "
        "services : ce service est déployé progressivement.{joins_fr} Le Ministère peut "
        "toutefois collaborer à un plan amorcé par un autre ministère ou par un organisme.",
        "In your region ({region_en}), the Ministry cannot initiate a service plan yet: the "
        "service is being rolled out region by region.{joins_en} The Ministry can still take "
        "part in a plan initiated by another ministry or by an organization.",
        f"{S000} — IMPORTANT",
    ),
    ("service_plan", "collaboration_not_allowed"): (
        "Le Ministère ne peut pas prendre part, à cette date, à un plan de services amorcé par "
        "un autre ministère ou par un organisme.",
        "On this date, the Ministry cannot take part in a service plan initiated by another "
        "ministry or by an organization.",
        f"{S000} — AVANT L'ENTRÉE EN VIGUEUR",
    ),
    ("service_plan", "voluntary"): (
        "La participation est volontaire et n'a aucun effet sur votre prestation. Les "
        "objectifs, les actions et les suivis sont fixés avec votre accord.",
        "Taking part is voluntary and has no effect on your benefit. Goals, actions and "
        "follow-ups are set with your agreement.",
        f"{S000} — QUESTIONS – RÉPONSES",
    ),
    # A participant of the public employment services receives no benefit to keep unchanged.
    ("service_plan", "voluntary_no_assistance"): (
        "La participation est volontaire. Les objectifs, les actions et les suivis sont fixés "
        "avec votre accord.",
        "Taking part is voluntary. Goals, actions and follow-ups are set with your agreement.",
        f"{S000} — QUESTIONS – RÉPONSES",
    ),
    # ---- PAAS Action (002) ----
    ("paas_action", "eligible"): (
        "Vous pouvez participer au PAAS Action, jusqu'à {limit} heures par semaine.",
        "You can take part in PAAS Action, up to {limit} hours a week.",
        f"{S002} — Présentation; Principales caractéristiques",
    ),
    ("paas_action", "program_covered"): (
        "Votre programme ({program_fr}) est visé par le PAAS Action.",
        "Your program ({program_en}) is covered by PAAS Action.",
        f"{S002} — Présentation",
    ),
    ("paas_action", "program_not_covered"): (
        "Le PAAS Action s'adresse aux personnes qui reçoivent l'aide d'un de ces programmes : "
        "{covered_fr}. Votre programme ({program_fr}) n'en fait pas partie.",
        "PAAS Action is for people receiving assistance from one of these programs: "
        "{covered_en}. Your program ({program_en}) is not one of them.",
        f"{S002} — Présentation",
    ),
    ("paas_action", "hours_within_limit"): (
        "Les {hours} heures par semaine prévues respectent la limite de {limit} heures.",
        "The {hours} hours a week planned are within the {limit}-hour limit.",
        f"{S002} — Principales caractéristiques du PAAS Action",
    ),
    ("paas_action", "hours_over_limit"): (
        "Le PAAS Action permet au plus {limit} heures de participation par semaine.",
        "PAAS Action allows at most {limit} hours of participation a week.",
        f"{S002} — Principales caractéristiques du PAAS Action",
    ),
    # 002: "Les personnes qui participent au PAAS Action peuvent avoir droit : à une allocation
    # de soutien de 173 $ par mois, en plus de la prestation de base" — a possible right, paid
    # while taking part: never "no effect" on what the person receives (issue 16).
    ("paas_action", "allowance"): (
        "Vous pourriez avoir droit à une allocation de soutien de {allowance_fr} $ par mois, en "
        "plus de votre prestation de base. Elle cesse quand votre participation prend fin.",
        "You may be entitled to a support allowance of ${allowance_en} a month, on top of your "
        "basic benefit. It stops when your participation ends.",
        f"{S002} — Principales caractéristiques du PAAS Action",
    ),
    ("paas_action", "organization_payment"): (
        "L'organisme sans but lucratif qui vous accueille reçoit {payment_fr} $ par mois pour "
        "votre place.",
        "The non-profit organization that welcomes you receives ${payment_en} a month for your "
        "place.",
        f"{S002} — Principales caractéristiques du PAAS Action",
    ),
    ("paas_action", "transport_childcare"): (
        "Vos frais de transport ou de garde peuvent aussi être remboursés : ils se réclament au "
        "cas par cas.",
        "Your transport or childcare costs can also be reimbursed: they are claimed case by case.",
        f"{S002} — Principales caractéristiques du PAAS Action",
    ),
    ("paas_action", "places_limited"): (
        "Les places dépendent des besoins de votre région et des fonds disponibles : une place "
        "n'est pas garantie.",
        "Places depend on the needs of your area and on available funds: a place is not "
        "guaranteed.",
        f"{S002} — Principales caractéristiques du PAAS Action",
    ),
    # ---- Ontario fast track (004) ----
    ("employment_fast_track", "eligible"): (
        "Votre demande à Ontario au travail sera aiguillée vers Emploi Ontario dès l'octroi de "
        "l'aide (voie accélérée).",
        "Your Ontario Works application will be referred to Employment Ontario as soon as "
        "assistance is granted (fast track).",
        f"{S004} — Q1, Q4",
    ),
    ("employment_fast_track", "not_in_force"): (
        "La voie accélérée vers Emploi Ontario existe à compter du {since_fr}. Le {date_fr}, "
        "elle n'existait pas encore.",
        "The fast track to Employment Ontario exists from {since_en}. On {date_en}, it did not "
        "exist yet.",
        f"{S004} — Q1",
    ),
    ("employment_fast_track", "outside_ontario"): (
        "La voie accélérée vers Emploi Ontario s'applique en Ontario seulement.",
        "The fast track to Employment Ontario applies in Ontario only.",
        f"{S004} — Q1",
    ),
    ("employment_fast_track", "program_not_covered"): (
        "La voie accélérée vise les demandeurs de ces programmes : {covered_fr}. Votre "
        "programme ({program_fr}) n'en fait pas partie.",
        "The fast track is for applicants to these programs: {covered_en}. Your program "
        "({program_en}) is not one of them.",
        f"{S004} — Q1, Q4; Q15",
    ),
    ("employment_fast_track", "channel_not_covered"): (
        "L'évaluation de l'état de préparation se fait dans la demande numérique en ligne. "
        "Votre demande a été faite autrement ({channel_fr}).",
        "The readiness assessment is part of the online digital application. Your application "
        "was made another way ({channel_en}).",
        f"{S004} — Q1, Q3",
    ),
    ("employment_fast_track", "not_employment_ready"): (
        "D'après votre demande, vous n'avez pas été évalué·e prêt·e pour les services d'emploi "
        "à cette étape.",
        "From your application, you were not assessed as ready for employment services at "
        "this stage.",
        f"{S004} — Q1, Q4",
    ),
    ("employment_fast_track", "first_nations_site"): (
        "La prestation d'Ontario au travail par les Premières Nations ne change pas : la voie "
        "accélérée ne s'y applique pas.",
        "First Nations delivery of Ontario Works is unchanged: the fast track does not apply "
        "there.",
        f"{S004} — Q8",
    ),
    ("employment_fast_track", "supports_continue"): (
        "Votre municipalité ou votre CADSS continue de vous offrir toutes ses mesures de "
        "soutien. L'aiguillage ne change pas votre aide financière. Vos renseignements sont "
        "transmis à Emploi Ontario dans le respect de la vie privée et du consentement.",
        "Your municipality or DSSAB keeps offering you all its supports. The referral does not "
        "change your financial assistance. Your information is sent to Employment Ontario with "
        "privacy and consent protections.",
        f"{S004} — Q3, Q4, Q10",
    ),
    ("employment_fast_track", "local_office"): (
        "Votre bureau local fera une évaluation commune, pourra vous aiguiller vers Emploi "
        "Ontario et s'assurera que vous avez un plan d'action personnalisé.",
        "Your local office will do a common assessment, can refer you to Employment Ontario, "
        "and will make sure you have a personalized action plan.",
        f"{S004} — Q3",
    ),
}

SEEDS: Final[dict[str, str]] = {
    "support_plan": S001,
    "service_plan": S000,
    "paas_action": S002,
    "employment_fast_track": S004,
}


class _Context(dict[str, Any]):
    """Template values; a missing one shows as empty rather than failing a whole answer."""

    def __missing__(self, key: str) -> str:
        return ""


def reason(measure: str, code: str, context: dict[str, Any]) -> dict[str, str]:
    """One reason object: code, French and English text, source."""
    fr, en, source = TEXTS.get((measure, code)) or TEXTS[(_ANY, code)]
    values = _Context(context, seed=SEEDS[measure])
    return {
        "code": code,
        "fr": fr.format_map(values),
        "en": en.format_map(values),
        "source": source.format_map(values),
    }
