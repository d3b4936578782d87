"""Codes the rules speak of: regions, programs, jurisdictions, channels, measures (FR/EN names).

These are vocabularies, not rules: which program or region a measure covers lives in the dated
parameters (``sentier_rules/parameters``), never here.
"""

from __future__ import annotations

from typing import Final

#: Québec administrative regions, two-digit codes (DOMAIN.md): code -> (French, English) name.
REGIONS: Final[dict[str, tuple[str, str]]] = {
    "01": ("Bas-Saint-Laurent", "Bas-Saint-Laurent"),
    "02": ("Saguenay–Lac-Saint-Jean", "Saguenay–Lac-Saint-Jean"),
    "03": ("Capitale-Nationale", "Capitale-Nationale"),
    "04": ("Mauricie", "Mauricie"),
    "05": ("Estrie", "Estrie"),
    "06": ("Montréal", "Montréal"),
    "07": ("Outaouais", "Outaouais"),
    "08": ("Abitibi-Témiscamingue", "Abitibi-Témiscamingue"),
    "09": ("Côte-Nord", "Côte-Nord"),
    "10": ("Nord-du-Québec", "Nord-du-Québec"),
    "11": ("Gaspésie–Îles-de-la-Madeleine", "Gaspésie–Îles-de-la-Madeleine"),
    "12": ("Chaudière-Appalaches", "Chaudière-Appalaches"),
    "13": ("Laval", "Laval"),
    "14": ("Lanaudière", "Lanaudière"),
    "15": ("Laurentides", "Laurentides"),
    "16": ("Montérégie", "Montérégie"),
    "17": ("Centre-du-Québec", "Centre-du-Québec"),
}
REGION_CODES: Final[tuple[str, ...]] = tuple(REGIONS)

#: Last-resort programs: code -> (French name, English name, jurisdiction). ``SPE``, the public
#: employment services, is not an assistance program: its participants may have a service plan
#: without being on assistance (000); which measure covers it is in the parameters, as for any
#: program.
PROGRAMS: Final[dict[str, tuple[str, str, str]]] = {
    "PAS": ("Programme d'aide sociale", "Social Assistance Program", "QC"),
    "PSS": ("Programme de solidarité sociale", "Social Solidarity Program", "QC"),
    "POE": ("Programme objectif emploi", "Aim for Employment Program", "QC"),
    "PRB": ("Programme de revenu de base", "Basic Income Program", "QC"),
    "SPE": ("Services publics d'emploi", "Public employment services", "QC"),
    "OW": ("Ontario au travail", "Ontario Works", "ON"),
    "ODSP": (
        "Programme ontarien de soutien aux personnes handicapées",
        "Ontario Disability Support Program",
        "ON",
    ),
}
PROGRAM_CODES: Final[tuple[str, ...]] = tuple(PROGRAMS)
#: Programs that pay no financial assistance: no answer speaks of the person's benefit.
NO_ASSISTANCE_PROGRAMS: Final[frozenset[str]] = frozenset({"SPE"})

JURISDICTIONS: Final[dict[str, tuple[str, str]]] = {
    "QC": ("Québec", "Québec"),
    "ON": ("Ontario", "Ontario"),
}
JURISDICTION_CODES: Final[tuple[str, ...]] = tuple(JURISDICTIONS)

#: How an Ontario application was made (004, centralized intake Q12).
CHANNELS: Final[dict[str, tuple[str, str]]] = {
    "online": ("demande numérique en ligne", "online digital application"),
    "phone": ("demande par téléphone", "application by phone"),
    "in_person": ("demande en personne", "application in person"),
}
CHANNEL_CODES: Final[tuple[str, ...]] = tuple(CHANNELS)

INITIATORS: Final[tuple[str, ...]] = ("ministry", "other")

#: The measures the rules decide: code -> {"fr", "en", "source"}.
MEASURES: Final[dict[str, dict[str, str]]] = {
    "support_plan": {
        "fr": "Plan d'accompagnement personnalisé",
        "en": "Personalized support plan",
        "source": "001_415f001b499895c5.txt",
    },
    "service_plan": {
        "fr": "Plan de services",
        "en": "Service plan",
        "source": "000_fce2fba07b98e1ba.txt",
    },
    "paas_action": {
        "fr": "PAAS Action (programme d'aide et d'accompagnement social)",
        "en": "PAAS Action (social aid and support program)",
        "source": "002_68267d4da4c33b1f.txt",
    },
    "employment_fast_track": {
        "fr": "Aiguillage accéléré vers Emploi Ontario",
        "en": "Employment Ontario fast-track referral",
        "source": "004_60749dc0e1aad6b4.txt",
    },
}
MEASURE_CODES: Final[tuple[str, ...]] = tuple(MEASURES)

#: Paths the triage recommends that are not a measure of these rules: code -> (French, English).
OTHER_PATHS: Final[dict[str, tuple[str, str]]] = {
    "employment_services": ("Services d'emploi", "Employment services"),
    "none": ("Aucun accompagnement demandé", "No support requested"),
    # Ontario (004): where an application goes when it is not fast-tracked.
    "common_assessment": (
        "Évaluation commune au bureau local d'Ontario au travail",
        "Common assessment at the local Ontario Works office",
    ),
    "first_nations_office": (
        "Bureau ou site des Premières Nations, comme avant",
        "First Nations office or site, as before",
    ),
    "odsp_intake": (
        "Unité centrale de réception des demandes du POSPH",
        "ODSP central intake unit",
    ),
}

#: The source documents the parameters cite, by file name: (French title, English title).
DOCUMENTS: Final[dict[str, tuple[str, str]]] = {
    "000_fce2fba07b98e1ba.txt": (
        "MESS, fiche d'information « Plan de services »",
        "MESS information sheet “Plan de services” (service plan)",
    ),
    "001_415f001b499895c5.txt": (
        "MESS, fiche d'information « Plan d'accompagnement personnalisé »",
        "MESS information sheet “Plan d'accompagnement personnalisé” (personalized support plan)",
    ),
    "002_68267d4da4c33b1f.txt": (
        "MESS, dépliant « PAAS Action »",
        "MESS brochure “PAAS Action”",
    ),
    "003_bf0787fb5dd45da6.txt": (
        "RSSMO, mémoire sur le projet de loi 71",
        "RSSMO brief on Bill 71",
    ),
    "004_60749dc0e1aad6b4.txt": (
        "MSESC (Ontario), questions et réponses sur l'aiguillage vers Emploi Ontario et "
        "l'accueil centralisé",
        "MCCSS (Ontario), questions and answers on the Employment Ontario referral and "
        "centralized intake",
    ),
}

#: Which jurisdiction each source document speaks for.
DOCUMENT_JURISDICTIONS: Final[dict[str, str]] = {
    "000_fce2fba07b98e1ba.txt": "QC",
    "001_415f001b499895c5.txt": "QC",
    "002_68267d4da4c33b1f.txt": "QC",
    "003_bf0787fb5dd45da6.txt": "QC",
    "004_60749dc0e1aad6b4.txt": "ON",
}

#: Groups of parameters that are not a measure: code -> (French, English, jurisdictions).
PARAMETER_GROUPS: Final[dict[str, tuple[str, str, tuple[str, ...]]]] = {
    "triage": (
        "Triage d'orientation de la demande au guichet unique",
        "Orientation triage of the single-window application",
        ("QC", "ON"),
    ),
    "ontario_action_plan": (
        "Plan d'action d'Ontario au travail",
        "Ontario Works action plan",
        ("ON",),
    ),
}

#: Where each measure applies.
MEASURE_JURISDICTIONS: Final[dict[str, tuple[str, ...]]] = {
    "support_plan": ("QC",),
    "service_plan": ("QC",),
    "paas_action": ("QC",),
    "employment_fast_track": ("ON",),
}
