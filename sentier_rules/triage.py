"""Orientation triage of the single-window application: answers in, a recommended path out.

The questionnaire (questions, options, texts, which jurisdiction asks what), the weights, the
thresholds and the order of precedence are dated parameters in ``parameters/triage/``; this module
only reads them. See the "Triage" section of ``sentier_rules/README.md``.

How a recommendation is made (seeds 000, 001, 002, 003, 004):

1. Québec: ``wants_support: "no"`` always gives ``none`` (support is voluntary, 001/000).
2. Québec: no answer at all gives ``none``: the questionnaire is optional and nothing was asked
   for.
3. Each path's score is the sum of the weights of the answers given; ``employment_ready`` is
   ``score >= threshold`` for employment services (in Ontario, the readiness assessment, 004).
4. Québec: the first path of ``precedence`` whose score reaches its threshold and that the
   person is offered (checked with :func:`sentier_rules.decide` on every fact the application
   collects: program, region, claim booklet, asylum claim) wins;
   failing that, the support plan if ``wants_support`` is in ``support_wanted_options``; else
   ``none``.
5. Ontario (004) has no "no support" path and no voluntary gate: the answer to
   ``wants_support`` changes nothing, and the only opt-out is the consent to share with
   Employment Ontario (Q10). ODSP goes to ``odsp_intake`` (Q11–Q13), or ``first_nations_office``
   for a First Nations site (Q14). Ontario Works goes to ``employment_services`` when the
   ``employment_fast_track`` rule says so (online, judged ready, not at a First Nations site,
   Q1) and the person did not refuse to share (Q10); to ``first_nations_office`` at a First
   Nations site (Q8); otherwise to ``common_assessment`` at the local office (Q3). Each Ontario
   factor carries its ``source`` (the 004 question) and a ``staff_fr``/``staff_en`` wording for
   staff screens.
"""

from __future__ import annotations

import datetime as dt
import functools
import hashlib
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Final

from sentier_rules.codes import (
    CHANNEL_CODES,
    JURISDICTION_CODES,
    PROGRAMS,
    REGION_CODES,
)
from sentier_rules.engine import Engine
from sentier_rules.reasons import S004, reason
from sentier_rules.requests import RequestError, parse_date
from sentier_rules.version import rules_version

TRIAGE_DIR: Final = Path(__file__).resolve().parent / "parameters" / "triage"

PATHS: Final[tuple[str, ...]] = (
    "employment_services",
    "support_plan",
    "service_plan",
    "paas_action",
)
#: Where an Ontario application can go (004); none of them is "no support".
ONTARIO_PATHS: Final[tuple[str, ...]] = (
    "employment_services",
    "common_assessment",
    "first_nations_office",
    "odsp_intake",
)
KINDS: Final = frozenset({"choice", "multi", "yes_no"})

#: Québec support is voluntary: this answer always gives the path ``none`` (001, 000). Not a
#: parameter on purpose — no weight or threshold may override a person's "no". Ontario has no
#: such gate (004: the only opt-out is the consent to share, Q10).
DECLINE: Final = ("wants_support", "no")

#: The measure of the eligibility rules that tells whether a Québec path is offered.
MEASURE_OF_PATH: Final[dict[str, str]] = {
    "support_plan": "support_plan",
    "service_plan": "service_plan",
    "paas_action": "paas_action",
}

#: Sentences of the factors that are not an answer: (French, English).
TEXTS: Final[dict[str, tuple[str, str]]] = {
    "no_answers": (
        "Vous n'avez pas répondu aux questions sur l'accompagnement : aucun accompagnement n'est "
        "demandé pour l'instant. Vous pouvez en demander un en tout temps.",
        "You did not answer the questions about support: no support is requested for now. You "
        "can ask for it at any time.",
    ),
    "nothing_matched": (
        "D'après vos réponses, aucun accompagnement particulier n'est proposé pour l'instant. "
        "Vous pouvez en demander un en tout temps.",
        "From your answers, no particular support is suggested for now. You can ask for it at "
        "any time.",
    ),
    "caseworker_review": (
        "Une agente ou un agent regardera votre demande avec vous pour trouver l'accompagnement "
        "qui vous convient.",
        "A caseworker will look at your application with you to find the support that fits you.",
    ),
}

#: Ontario factors that are not a rule's reason: code -> French and English for the person,
#: French and English for staff, and the 004 question they come from.
ONTARIO_TEXTS: Final[dict[str, dict[str, str]]] = {
    "odsp_intake": {
        "fr": "Votre demande au POSPH va à l'unité centrale de réception des demandes. Elle "
        "vérifie votre admissibilité financière. Ensuite, vous recevez par la poste la trousse "
        "de détermination de l'invalidité, que votre professionnel de la santé remplit. "
        "Certaines personnes n'en ont pas besoin : on vous le dira si c'est votre cas.",
        "en": "Your ODSP application goes to the central intake unit. It checks your financial "
        "eligibility. Then you receive the Disability Determination Package by mail, for your "
        "health care professional to fill in. Some people do not need it: you will be told if "
        "that is your case.",
        "staff_fr": "Demande au POSPH : l'unité centrale de réception confirme l'admissibilité "
        "financière; la trousse de détermination de l'invalidité est ensuite générée et postée "
        "dans la plupart des cas (aucune pour une catégorie prescrite).",
        "staff_en": "ODSP application: central intake confirms financial eligibility; the "
        "Disability Determination Package is then generated and mailed in most cases (none for "
        "a prescribed class).",
        "source": f"{S004} — Q11, Q12, Q13",
    },
    "odsp_first_nations": {
        "fr": "Un site des Premières Nations qui offre le POSPH s'occupe de votre demande, comme "
        "avant : elle ne va pas à l'unité centrale de réception.",
        "en": "A First Nations site that delivers ODSP handles your application, as before: it "
        "does not go to the central intake unit.",
        "staff_fr": "Site des Premières Nations qui offre le POSPH : la demande reste à ce site, "
        "selon ses processus habituels (pas d'accueil centralisé).",
        "staff_en": "First Nations site delivering ODSP: the application stays with that site "
        "and its existing process (no central intake).",
        "source": f"{S004} — Q14",
    },
    "no_consent": {
        "fr": "Vous n'avez pas accepté que vos renseignements soient transmis à Emploi Ontario : "
        "aucun aiguillage n'est envoyé. Votre bureau local vous rencontrera plutôt.",
        "en": "You did not agree to share your information with Employment Ontario: no referral "
        "is sent. Your local office will meet with you instead.",
        "staff_fr": "La personne n'a pas accepté la transmission à Emploi Ontario (le seul refus "
        "prévu) : aucun aiguillage à l'octroi; le bureau local en est informé.",
        "staff_en": "The person did not agree to share with Employment Ontario (the only opt-out): "
        "no referral at grant; the local office is told why.",
        "source": f"{S004} — Q10",
    },
    "no_readiness_answer": {
        "fr": "Vous n'avez pas répondu à la question sur le début d'un emploi : votre bureau "
        "local en parlera avec vous.",
        "en": "You did not answer the question about starting a job: your local office will talk "
        "about it with you.",
        "staff_fr": "Aucune réponse à la question sur l'état de préparation : la personne n'est "
        "pas évaluée comme prête.",
        "staff_en": "No answer to the readiness question: not assessed ready.",
        "source": f"{S004} — Q1",
    },
}

#: Staff wording of the fast-track rule's reasons used as Ontario factors (the rule's own texts
#: speak to the person): reason code -> (French, English).
ONTARIO_STAFF_TEXTS: Final[dict[str, tuple[str, str]]] = {
    "eligible": (
        "Évaluée comme prête dans la demande en ligne : aiguillage vers Emploi Ontario à "
        "l'octroi, si la personne accepte la transmission (voie accélérée).",
        "Assessed ready on the online application: referred to Employment Ontario at grant, if "
        "the person agreed to share (fast track).",
    ),
    "not_employment_ready": (
        "Non évaluée comme prête pour les services d'emploi d'après la demande.",
        "Not assessed ready for employment services from the application.",
    ),
    "channel_not_covered": (
        "Demande faite par téléphone ou en personne : l'évaluation de l'état de préparation "
        "fait partie de la demande en ligne seulement.",
        "Applied by phone or in person: the readiness assessment is part of the online "
        "application only.",
    ),
    "first_nations_site": (
        "Site des Premières Nations : la prestation d'Ontario au travail ne change pas, pas de "
        "voie accélérée.",
        "First Nations site: Ontario Works delivery is unchanged, no fast track.",
    ),
    "not_in_force": (
        "La voie accélérée n'était pas encore en vigueur à cette date.",
        "The fast track was not in force yet on this date.",
    ),
    "local_office": (
        "Le bureau local fait l'évaluation commune, peut amorcer un aiguillage vers Emploi "
        "Ontario, examine les raisons de report et s'assure qu'un plan d'action personnalisé "
        "est en place.",
        "The local office does the common assessment, can start an Employment Ontario "
        "referral, reviews deferral reasons and makes sure a personalized action plan is in "
        "place.",
    ),
}

#: Facts of the application that the triage may use, for the automated-decision notice.
FACT_TEXTS: Final[dict[str, tuple[str, str]]] = {
    "jurisdiction": ("Votre province (Québec ou Ontario)", "Your province (Québec or Ontario)"),
    "program": ("Le programme d'aide demandé", "The assistance program applied for"),
    "region": ("Votre région", "Your region"),
    "application_channel": (
        "La façon dont vous avez fait votre demande (en ligne, téléphone, en personne)",
        "How you applied (online, phone, in person)",
    ),
    "first_nations_site": (
        "Si votre bureau est un site des Premières Nations",
        "Whether your office is a First Nations site",
    ),
    "employment_ontario_consent": (
        "Si vous avez accepté que vos renseignements soient transmis à Emploi Ontario",
        "Whether you agreed to share your information with Employment Ontario",
    ),
    "claim_booklet": (
        "Votre carnet de réclamation (ASM-2 et ASM-5 ne donnent pas accès au plan "
        "d'accompagnement personnalisé)",
        "Your claim booklet (ASM-2 and ASM-5 give no access to the personalized support plan)",
    ),
    "asylum_seeker": (
        "Si vous êtes une personne demandeuse d'asile",
        "Whether you are an asylum seeker",
    ),
}

#: The jurisdiction fact as an Ontario applicant reads it (the Québec one names both).
ONTARIO_JURISDICTION_TEXT: Final = ("Vous faites votre demande en Ontario", "You apply in Ontario")


class TriageInputError(ValueError):
    """Answers or facts the triage cannot use: ``code``, French and English text, ``field``."""

    def __init__(self, code: str, fr: str, en: str, field: str | None) -> None:
        super().__init__(en)
        self.code = code
        self.fr = fr
        self.en = en
        self.field = field

    def as_dict(self) -> dict[str, Any]:
        return {"code": self.code, "fr": self.fr, "en": self.en, "field": self.field}


@dataclass(frozen=True)
class Option:
    code: str
    fr: str
    en: str
    factor_fr: str
    factor_en: str


@dataclass(frozen=True)
class Question:
    code: str
    kind: str
    order: int
    fr: str
    en: str
    help_fr: str
    help_en: str
    label_fr: str
    label_en: str
    options: tuple[Option, ...]
    exclusive: frozenset[str]
    #: option code -> path -> points
    weights: dict[str, dict[str, int]]

    def option(self, code: str) -> Option:
        return next(option for option in self.options if option.code == code)


@functools.cache
def triage_parameters_hash() -> str:
    """Eight hex digits of a hash of every triage parameter file (line endings normalised)."""
    digest = hashlib.sha256()
    for path in sorted(TRIAGE_DIR.rglob("*.yaml")):
        digest.update(path.relative_to(TRIAGE_DIR).as_posix().encode())
        digest.update(b"\0")
        digest.update(path.read_bytes().replace(b"\r\n", b"\n"))
        digest.update(b"\0")
    return digest.hexdigest()[:8]


def _leaves(node: Any) -> list[Any]:
    children = getattr(node, "children", None)
    if children is None:
        return [node]
    out: list[Any] = []
    for child in children.values():
        out.extend(_leaves(child))
    return out


def _error(code: str, fr: str, en: str, field: str | None) -> TriageInputError:
    return TriageInputError(code, fr, en, field)


def _code_fact(name: str, value: Any, codes: tuple[str, ...]) -> str:
    if not isinstance(value, str):
        raise _error(
            "wrong_type",
            f"Le champ {name} doit être un code (texte).",
            f"The field {name} must be a code (text).",
            name,
        )
    if value not in codes:
        listed = ", ".join(codes)
        raise _error(
            f"unknown_{name}",
            f"Le code « {value} » n'est pas reconnu pour {name} (codes possibles : {listed}).",
            f'The code "{value}" is not known for {name} (known codes: {listed}).',
            name,
        )
    return value


class Triage:
    """The triage over one tax-benefit system (the shared one, or a reform in tests)."""

    def __init__(self, system: Any = None) -> None:
        self.engine = Engine(system) if system is not None else Engine.shared()
        self.root = self.engine.system.parameters.triage
        self._questions_cache: dict[tuple[dt.date, str], list[Question]] = {}

    @classmethod
    def shared(cls) -> Triage:
        return _shared_triage()

    # ---- questionnaire ----

    def questions(self, date: dt.date, jurisdiction: str) -> list[Question]:
        """The questions asked in ``jurisdiction`` on ``date``, in display order."""
        # The system is read-only once built, so the answer for a date never changes: memoise it
        # (every submitted application asks for today's questions).
        key = (date, jurisdiction)
        cached = self._questions_cache.get(key)
        if cached is None:
            cached = self._questions_cache[key] = self._read_questions(date, jurisdiction)
        return list(cached)

    def _read_questions(self, date: dt.date, jurisdiction: str) -> list[Question]:
        at = date.isoformat()
        suffix = "on_" if jurisdiction == "ON" else ""
        out = []
        for code, node in self.root.questions.children.items():
            if jurisdiction not in list(node.asked_in(at) or []):
                continue
            meta = node.metadata
            texts = meta.get("options", {})
            options = []
            for option in node.options(at) or []:
                text = texts[option]
                options.append(
                    Option(
                        code=option,
                        fr=text["fr"],
                        en=text["en"],
                        factor_fr=text.get("factor_fr", ""),
                        factor_en=text.get("factor_en", ""),
                    )
                )
            weights: dict[str, dict[str, int]] = {}
            if "weights" in node.children:
                for option, per_path in node.weights.children.items():
                    weights[option] = {
                        path: int(leaf(at) or 0) for path, leaf in per_path.children.items()
                    }
            out.append(
                Question(
                    code=code,
                    kind=str(meta["kind"]),
                    order=int(meta.get("order", 0)),
                    fr=str(meta["question_fr"]),
                    en=str(meta["question_en"]),
                    # A jurisdiction may word the help its own way (Ontario: no "voluntary").
                    help_fr=str(meta.get(f"help_{suffix}fr", meta.get("help_fr", ""))),
                    help_en=str(meta.get(f"help_{suffix}en", meta.get("help_en", ""))),
                    label_fr=str(meta["label_fr"]),
                    label_en=str(meta["label_en"]),
                    options=tuple(options),
                    exclusive=frozenset(meta.get("exclusive_options", [])),
                    weights=weights,
                )
            )
        return sorted(out, key=lambda question: (question.order, question.code))

    def effective_date(self, date: dt.date) -> str:
        """The latest start date, on or before ``date``, of any triage parameter value."""
        at = date.isoformat()
        starts = [
            value.instant_str
            for leaf in _leaves(self.root)
            for value in leaf.values_list
            if value.instant_str <= at
        ]
        return max(starts, default="2000-01-01")

    def version(self, date: dt.date) -> str:
        return f"{self.effective_date(date)}+q{triage_parameters_hash()}"

    def questionnaire(self, date: str, jurisdiction: str = "QC") -> dict[str, Any]:
        day = _date(date)
        jurisdiction = _code_fact("jurisdiction", jurisdiction, JURISDICTION_CODES)
        return {
            "version": self.version(day),
            "questions": [
                {
                    "code": question.code,
                    "kind": question.kind,
                    "fr": question.fr,
                    "en": question.en,
                    "help_fr": question.help_fr,
                    "help_en": question.help_en,
                    "options": [
                        {"code": option.code, "fr": option.fr, "en": option.en}
                        for option in question.options
                    ],
                }
                for question in self.questions(day, jurisdiction)
            ],
        }

    # ---- triage ----

    def triage(
        self,
        answers: Any,
        *,
        date: str,
        jurisdiction: str,
        program: str,
        region: str | None,
        application_channel: str,
        first_nations_site: bool = False,
        employment_ontario_consent: bool | None = None,
        claim_booklet: str | None = None,
        asylum_seeker: bool = False,
    ) -> dict[str, Any]:
        day = _date(date)
        jurisdiction = _code_fact("jurisdiction", jurisdiction, JURISDICTION_CODES)
        program = _code_fact("program", program, tuple(PROGRAMS))
        if PROGRAMS[program][2] != jurisdiction:
            raise _error(
                "program_not_in_jurisdiction",
                f"Le programme {program} n'existe pas dans la province {jurisdiction}.",
                f"The program {program} does not exist in the province {jurisdiction}.",
                "program",
            )
        if region is not None:
            region = _code_fact("region", region, REGION_CODES)
            if jurisdiction != "QC":
                raise _error(
                    "field_not_applicable",
                    "Une région du Québec ne s'applique qu'à une demande au Québec.",
                    "A Québec region only applies to an application in Québec.",
                    "region",
                )
        application_channel = _code_fact("application_channel", application_channel, CHANNEL_CODES)
        if not isinstance(first_nations_site, bool):
            raise _error(
                "wrong_type",
                "Le champ first_nations_site doit être vrai ou faux.",
                "The field first_nations_site must be true or false.",
                "first_nations_site",
            )
        if employment_ontario_consent is not None and not isinstance(
            employment_ontario_consent, bool
        ):
            raise _error(
                "wrong_type",
                "Le champ employment_ontario_consent doit être vrai, faux ou absent.",
                "The field employment_ontario_consent must be true, false or left out.",
                "employment_ontario_consent",
            )
        if claim_booklet is not None:
            if not isinstance(claim_booklet, str):
                raise _error(
                    "wrong_type",
                    "Le champ claim_booklet doit être un code de carnet (texte) ou absent.",
                    "The field claim_booklet must be a booklet code (text) or left out.",
                    "claim_booklet",
                )
            # "" is the application's "No, or I don't know": no booklet declared.
            claim_booklet = claim_booklet.strip() or None
            if claim_booklet is not None and jurisdiction != "QC":
                raise _error(
                    "field_not_applicable",
                    "Le carnet de réclamation ne s'applique qu'à une demande au Québec.",
                    "The claim booklet only applies to an application in Québec.",
                    "claim_booklet",
                )
        if not isinstance(asylum_seeker, bool):
            raise _error(
                "wrong_type",
                "Le champ asylum_seeker doit être vrai ou faux.",
                "The field asylum_seeker must be true or false.",
                "asylum_seeker",
            )
        questions = self.questions(day, jurisdiction)
        given = _check_answers(answers, questions)
        by_code = {question.code: question for question in questions}
        at = day.isoformat()
        thresholds = {path: int(self.root.thresholds.children[path](at)) for path in PATHS}
        scores = dict.fromkeys(PATHS, 0)
        for code, chosen in given.items():
            for option in chosen:
                for path, points in by_code[code].weights.get(option, {}).items():
                    if path in scores:
                        scores[path] += points
        ready = scores["employment_services"] >= thresholds["employment_services"]
        used = [
            {"code": question.code, "fr": question.label_fr, "en": question.label_en}
            for question in questions
            if question.code in given
        ]
        facts = ["jurisdiction", "program"]
        context = _Context(self, day, jurisdiction, program, region, given, by_code, scores)
        context.claim_booklet = claim_booklet
        context.asylum_seeker = asylum_seeker
        texts = dict(FACT_TEXTS)
        if jurisdiction == "ON":
            texts["jurisdiction"] = ONTARIO_JURISDICTION_TEXT
            facts += ["application_channel", "first_nations_site"]
            if employment_ontario_consent is not None:
                facts.append("employment_ontario_consent")
            path, factors = context.ontario(
                ready, application_channel, first_nations_site, employment_ontario_consent
            )
        else:
            if region is not None:
                facts.append("region")
            # Both decide whether a measure is offered (001: ASM-2/ASM-5; 003: asylum seekers).
            facts += ["claim_booklet", "asylum_seeker"]
            path, factors = context.quebec(thresholds)
        used += [{"code": f, "fr": texts[f][0], "en": texts[f][1]} for f in facts]
        # Strongest first: answers by points; then the rules' factors (0 points) in their order.
        factors = sorted(factors, key=lambda factor: -int(factor["weight"]))
        return {
            "path": path,
            "factors": factors,
            "scores": scores,
            "employment_ready": ready,
            "questionnaire_version": self.version(day),
            "rules_version": rules_version(),
            "used_information": used,
        }


class _Context:
    """One triage under way: the checked answers, the scores and the person's facts."""

    def __init__(
        self,
        triage: Triage,
        date: dt.date,
        jurisdiction: str,
        program: str,
        region: str | None,
        given: dict[str, list[str]],
        questions: dict[str, Question],
        scores: dict[str, int],
    ) -> None:
        self.triage = triage
        self.date = date
        self.jurisdiction = jurisdiction
        self.program = program
        self.region = region
        self.given = given
        self.questions = questions
        self.scores = scores
        #: What the person declared on the application (None: no booklet).
        self.claim_booklet: str | None = None
        self.asylum_seeker = False

    def _answer_factor(self, code: str, option: str, weight: int) -> dict[str, Any]:
        question = self.questions[code]
        chosen = question.option(option)
        fr = chosen.factor_fr or f"Votre réponse « {chosen.fr} » à la question : {question.fr}"
        en = chosen.factor_en or f'Your answer "{chosen.en}" to the question: {question.en}'
        return {"code": f"{code}.{option}", "fr": fr, "en": en, "weight": weight}

    def drivers(self, path: str) -> list[dict[str, Any]]:
        """The answers that added points to ``path``, strongest first (then questionnaire order)."""
        found: list[tuple[int, int, dict[str, Any]]] = []
        position = 0
        for question in self.questions.values():
            for option in self.given.get(question.code, []):
                points = question.weights.get(option, {}).get(path, 0)
                position += 1
                if points > 0:
                    found.append(
                        (-points, position, self._answer_factor(question.code, option, points))
                    )
        return [factor for _, _, factor in sorted(found, key=lambda item: item[:2])]

    def _wants(self) -> str | None:
        chosen = self.given.get("wants_support")
        return chosen[0] if chosen else None

    def _gate(self) -> tuple[str, list[dict[str, Any]]] | None:
        """The answers that give ``none`` whatever the scores: a "no", or no answer at all."""
        if self._wants() == DECLINE[1]:
            return "none", [self._answer_factor(*DECLINE, 0)]
        if not self.given:
            fr, en = TEXTS["no_answers"]
            return "none", [{"code": "no_answers", "fr": fr, "en": en, "weight": 0}]
        return None

    def _offered(self, path: str) -> dict[str, Any] | None:
        """None when ``path`` is offered to the person; else the factor saying why not."""
        measure = MEASURE_OF_PATH.get(path)
        if measure is None:
            return None
        # Every fact the rules use and the application collects (issue 16): the declared booklet
        # and asylum claim decide eligibility as much as program and region do.
        person: dict[str, Any] = {
            "program": self.program,
            "jurisdiction": "QC",
            "asylum_seeker": self.asylum_seeker,
        }
        if measure in ("support_plan", "service_plan"):
            if self.region is None:
                # No region yet: the regional rollout cannot be checked; the caseworker will.
                return None
            person["region"] = self.region
        if measure == "support_plan":
            # 001: "les personnes bénéficiant d'un carnet ASM-2 ou ASM-5 ne sont pas admissibles".
            person["claim_booklet"] = self.claim_booklet
        if measure == "paas_action":
            person["weekly_hours"] = 0
        request = {"measure": measure, "date": self.date.isoformat(), "person": person}
        [answer] = self.triage.engine.decide(request)
        if "error" in answer or answer["eligible"]:
            return None
        reason = answer["reasons"][0]
        return {
            "code": f"{path}_{reason['code']}",
            "fr": reason["fr"],
            "en": reason["en"],
            "weight": 0,
        }

    def quebec(self, thresholds: dict[str, int]) -> tuple[str, list[dict[str, Any]]]:
        gate = self._gate()
        if gate is not None:
            return gate
        at = self.date.isoformat()
        notes: list[dict[str, Any]] = []
        passed: list[str] = []
        for path in list(self.triage.root.precedence(at) or []):
            if path not in PATHS or self.scores[path] < thresholds[path]:
                continue
            not_offered = self._offered(path)
            if not_offered is None:
                return path, self.drivers(path) + notes
            notes.append(not_offered)
            passed.append(path)
        wants = self._wants()
        if wants is not None and wants in list(self.triage.root.support_wanted_options(at) or []):
            wanted = [self._answer_factor("wants_support", wants, 0)]
            not_offered = self._offered("support_plan")
            if not_offered is None:
                return "support_plan", wanted + self.drivers("support_plan") + notes
            if not_offered["code"] not in {note["code"] for note in notes}:
                notes.append(not_offered)
            fr, en = TEXTS["caseworker_review"]
            review = {"code": "caseworker_review", "fr": fr, "en": en, "weight": 0}
            return "none", [*wanted, *notes, review]
        if passed:
            # A path passed its threshold but is not offered to the person (program or region).
            fr, en = TEXTS["caseworker_review"]
            review = {"code": "caseworker_review", "fr": fr, "en": en, "weight": 0}
            return "none", [*notes, *self.drivers(passed[0]), review]
        fr, en = TEXTS["nothing_matched"]
        return "none", [{"code": "nothing_matched", "fr": fr, "en": en, "weight": 0}]

    def ontario(
        self,
        ready: bool,
        channel: str,
        first_nations_site: bool,
        consent: bool | None,
    ) -> tuple[str, list[dict[str, Any]]]:
        """The Ontario path (see the module docstring, 5). ``consent`` None: not known yet."""
        if self.program == "ODSP":
            code = "odsp_first_nations" if first_nations_site else "odsp_intake"
            path = "first_nations_office" if first_nations_site else "odsp_intake"
            return path, [_ontario_factor(code)]
        request = {
            "measure": "employment_fast_track",
            "date": self.date.isoformat(),
            "person": {
                "jurisdiction": "ON",
                "program": self.program,
                "application_channel": channel,
                "employment_ready": ready,
                "first_nations_site": first_nations_site,
            },
        }
        [answer] = self.triage.engine.decide(request)
        reasons = {reason["code"]: reason for reason in answer["reasons"]}
        first = answer["reasons"][0]
        drivers = [
            _with_staff_wording(f, self.questions) for f in self.drivers("employment_services")
        ]
        if answer["eligible"]:
            fast = _rule_factor("fast_track", first)
            if consent is False:
                # The rule says yes, but the person did not agree to share (004 Q10).
                local = _rule_factor(
                    "common_assessment", reason("employment_fast_track", "local_office", {})
                )
                return "common_assessment", [*drivers, _ontario_factor("no_consent"), local]
            return "employment_services", [*drivers, fast]
        if first_nations_site:
            # First Nations delivery of Ontario Works is unchanged, ready or not (004 Q8).
            site = reasons.get("first_nations_site") or reason(
                "employment_fast_track", "first_nations_site", {}
            )
            return "first_nations_office", [_rule_factor("fast_track_first_nations_site", site)]
        local = _rule_factor("common_assessment", reasons["local_office"])
        if first["code"] == "not_employment_ready" and "job_start" not in self.given:
            return "common_assessment", [_ontario_factor("no_readiness_answer"), local]
        return "common_assessment", [_rule_factor(f"fast_track_{first['code']}", first), local]


def _ontario_factor(code: str) -> dict[str, Any]:
    texts = ONTARIO_TEXTS[code]
    return {"code": code, "weight": 0, **texts}


def _rule_factor(code: str, reason: dict[str, Any]) -> dict[str, Any]:
    """A fast-track rule's reason as an Ontario factor: its texts, staff wording and source."""
    staff_fr, staff_en = ONTARIO_STAFF_TEXTS.get(reason["code"], (reason["fr"], reason["en"]))
    return {
        "code": code,
        "fr": reason["fr"],
        "en": reason["en"],
        "weight": 0,
        "staff_fr": staff_fr,
        "staff_en": staff_en,
        "source": reason["source"],
    }


def _with_staff_wording(factor: dict[str, Any], questions: dict[str, Question]) -> dict[str, Any]:
    """An answer factor with the question and answer as staff read them, and its source."""
    code, option = str(factor["code"]).split(".", 1)
    question = questions[code]
    chosen = question.option(option)
    return {
        **factor,
        "staff_fr": f"Réponse « {chosen.fr} » à la question : {question.fr}",
        "staff_en": f'Answered "{chosen.en}" to: {question.en}',
        "source": f"{S004} — Q1, Q2",
    }


def _date(value: Any) -> dt.date:
    try:
        return parse_date(value)
    except RequestError as error:
        raise TriageInputError(error.code, error.fr, error.en, error.field) from None


def _check_answers(answers: Any, questions: list[Question]) -> dict[str, list[str]]:
    """The answers as lists of option codes; unanswered questions (None, [], absent) left out."""
    if not isinstance(answers, Mapping):
        raise _error(
            "not_an_object",
            "Les réponses doivent être un objet (code de question → réponse).",
            "The answers must be an object (question code → answer).",
            "answers",
        )
    by_code = {question.code: question for question in questions}
    out: dict[str, list[str]] = {}
    for code, value in answers.items():
        field = f"answers.{code}"
        if not isinstance(code, str) or code not in by_code:
            listed = ", ".join(by_code)
            raise _error(
                "unknown_question",
                f"La question « {code} » ne fait pas partie du questionnaire à cette date "
                f"(questions : {listed or 'aucune'}).",
                f'The question "{code}" is not part of the questionnaire on this date '
                f"(questions: {listed or 'none'}).",
                field,
            )
        if value is None:
            continue
        question = by_code[code]
        if question.kind == "multi":
            if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
                raise _error(
                    "wrong_type",
                    f"La réponse à « {code} » doit être une liste de codes de choix.",
                    f'The answer to "{code}" must be a list of option codes.',
                    field,
                )
            chosen = list(value)
        else:
            if not isinstance(value, str):
                raise _error(
                    "wrong_type",
                    f"La réponse à « {code} » doit être un seul code de choix (texte).",
                    f'The answer to "{code}" must be one option code (text).',
                    field,
                )
            chosen = [value]
        offered = [option.code for option in question.options]
        for option in chosen:
            if option not in offered:
                listed = ", ".join(offered)
                raise _error(
                    "unknown_option",
                    f"Le choix « {option} » n'existe pas pour « {code} » (choix : {listed}).",
                    f'The option "{option}" does not exist for "{code}" (options: {listed}).',
                    field,
                )
        if len(set(chosen)) != len(chosen):
            raise _error(
                "duplicate_option",
                f"Un même choix est donné deux fois pour « {code} ».",
                f'The same option is given twice for "{code}".',
                field,
            )
        exclusive = question.exclusive & set(chosen)
        if exclusive and len(chosen) > 1:
            only = sorted(exclusive)[0]
            text = question.option(only)
            raise _error(
                "exclusive_option",
                f"Le choix « {text.fr} » ne peut pas être coché avec un autre pour « {code} ».",
                f'The option "{text.en}" cannot be checked with another one for "{code}".',
                field,
            )
        if chosen:
            out[code] = chosen
    return out


@functools.cache
def _shared_triage() -> Triage:
    return Triage()


def questionnaire(date: str, jurisdiction: str = "QC") -> dict[str, Any]:
    """The triage questionnaire asked in ``jurisdiction`` on ``date`` (French and English)."""
    return Triage.shared().questionnaire(date, jurisdiction)


def triage(
    answers: Mapping[str, str | list[str] | None],
    *,
    date: str,
    jurisdiction: str,
    program: str,
    region: str | None,
    application_channel: str,
    first_nations_site: bool = False,
    employment_ontario_consent: bool | None = None,
    claim_booklet: str | None = None,
    asylum_seeker: bool = False,
) -> dict[str, Any]:
    """The recommended path for the answers to the questionnaire; see the module docstring.

    Raises :class:`TriageInputError` for an unknown question or option, a wrong type, or an
    unknown code among the facts.
    """
    return Triage.shared().triage(
        answers,
        date=date,
        jurisdiction=jurisdiction,
        program=program,
        region=region,
        application_channel=application_channel,
        first_nations_site=first_nations_site,
        employment_ontario_consent=employment_ontario_consent,
        claim_booklet=claim_booklet,
        asylum_seeker=asylum_seeker,
    )


__all__ = ["Triage", "TriageInputError", "questionnaire", "triage"]
