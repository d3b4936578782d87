"""Check that the French and English catalogs are complete: no missing, empty or fuzzy entry;
and that the Spanish, Arabic and Haitian Creole catalogs are complete for the strings of the pages
a participant or applicant sees (``PARTICIPANT_FACING``; staff pages never speak those languages,
see ``sentier.core.languages``). A translation not yet reviewed by a qualified translator carries
the translator comment ``# unreviewed`` (kept by ``make messages``); the check lists how many.

Runs ``makemessages`` so that strings added to the code but not yet to the catalogs are caught
too, then puts the committed catalogs back exactly as they were (``makemessages`` always writes to
the ``locale/`` folder it finds in the tree, whatever ``LOCALE_PATHS`` says). Exit status 1 lists
every problem.
"""

from __future__ import annotations

import fnmatch
import importlib
import os
import shutil
import subprocess
import sys
import tempfile
from collections.abc import Collection, Sequence
from pathlib import Path
from typing import Any

import django
from babel.messages.pofile import read_po
from django.forms import ModelChoiceField
from django.utils import translation
from django.utils.functional import Promise

ROOT = Path(__file__).resolve().parent.parent
LOCALES = ("fr_CA", "en_CA")
#: Complete for the participant-facing strings only.
PARTICIPANT_LOCALES = ("es", "ar", "ht")
#: The source files of the pages, e-mails and PDF a participant or applicant sees (globs from the
#: repository root). A string used there must be translated in ``PARTICIPANT_LOCALES``.
PARTICIPANT_FACING = (
    "sentier/core/templates/base.html",
    "sentier/core/templates/core/includes/piv_header.html",
    "sentier/core/templates/core/includes/piv_footer.html",
    "sentier/core/templates/core/includes/language_switch.html",
    "sentier/core/templates/core/includes/messages.html",
    "sentier/core/templates/core/forms/*",
    "sentier/core/languages.py",
    "sentier/site/templates/site/welcome.html",
    "sentier/site/templates/site/home_participant.html",
    "sentier/site/templates/site/error.html",
    "sentier/intake/templates/intake/start.html",
    "sentier/intake/templates/intake/step.html",
    "sentier/intake/templates/intake/summary.html",
    "sentier/intake/templates/intake/confirmation.html",
    "sentier/intake/templates/intake/_notice_before.html",
    "sentier/intake/templates/intake/_progress.html",
    "sentier/intake/templates/intake/_voluntary.html",
    "sentier/intake/templates/intake/email/*",
    "sentier/intake/steps.py",
    "sentier/intake/questionnaire_text.py",
    "sentier/participants/templates/participants/my_file.html",
    "sentier/participants/templates/participants/my_access_log.html",
    "sentier/participants/templates/participants/_access_table.html",
    "sentier/participants/templates/participants/_home_own_file.html",
    "sentier/participants/templates/participants/_identity.html",
    "sentier/decisions/templates/decisions/_my_file_panel.html",
    "sentier/consent/templates/consent/_my_file_panel.html",
    "sentier/referrals/templates/referrals/_my_file_panel.html",
    "sentier/plans/templates/plans/_my_file_panel.html",
    "sentier/serviceplans/templates/serviceplans/_my_file.html",
    "sentier/paas/templates/paas/_my_placement.html",
    "sentier/network/templates/network/_my_waiting_lists.html",
    # My plan and its PDF, consents, referrals, place offers, the public directory, sign-in.
    "sentier/plans/templates/plans/my_*.html",
    "sentier/plans/templates/plans/_extensions.html",
    "sentier/plans/templates/plans/_not_offered.html",
    "sentier/plans/templates/plans/_voluntary.html",
    "sentier/plans/templates/plans/pdf.html",
    "sentier/consent/templates/consent/mine.html",
    "sentier/consent/templates/consent/_consent_row.html",
    "sentier/consent/templates/consent/choose.html",
    "sentier/consent/templates/consent/agree.html",
    "sentier/consent/templates/consent/withdraw.html",
    "sentier/referrals/templates/referrals/mine.html",
    "sentier/network/templates/network/directory.html",
    "sentier/network/templatetags/network_capacity.py",
    "sentier/network/templates/network/_capacity.html",
    "sentier/network/menu.py",
    "sentier/core/templates/core/includes/pagination.html",
    "templates/account/login.html",
    "templates/allauth/*",
    "sentier/consent/texts.py",
    # The result page's reasons, the measures on "My file"; e-mails and letters to participants.
    "sentier/decisions/reason_texts.py",
    "sentier/decisions/templates/decisions/_summary.html",
    "sentier/correspondence/texts.py",
    "sentier/correspondence/templates/correspondence/email.txt",
    "sentier/correspondence/templates/correspondence/letter_pdf.html",
    # Found walking every participant page in es/ar/ht with the demo (issue 19): the service
    # plan's own page, privacy and accessibility, the session warning, surveys, the help behind
    # the file's terms, the file's timeline (each kind's label and summary), the plan's notes.
    "sentier/serviceplans/templates/serviceplans/mine.html",
    "sentier/serviceplans/templates/serviceplans/_my_agreement.html",
    "sentier/site/templates/site/privacy.html",
    "sentier/site/templates/site/accessibility.html",
    "sentier/core/templates/core/includes/session_warning.html",
    "sentier/feedback/templates/feedback/_my_surveys.html",
    "sentier/feedback/templates/feedback/survey.html",
    "sentier/feedback/templates/feedback/survey_placement.html",
    "sentier/feedback/templates/feedback/answered.html",
    "sentier/participants/help.py",
    "sentier/consent/timeline_kinds.py",
    "sentier/correspondence/timeline_kinds.py",
    "sentier/decisions/timeline_kinds.py",
    "sentier/intake/timeline_kinds.py",
    "sentier/network/timeline_kinds.py",
    "sentier/paas/timeline_kinds.py",
    "sentier/plans/timeline_kinds.py",
    "sentier/referrals/timeline_kinds.py",
    "sentier/serviceplans/timeline_kinds.py",
    "sentier/plans/presenters.py",
    "sentier/network/waiting_text.py",
    "sentier/paas/templates/paas/_hours_plan.html",
    "sentier/participants/templates/participants/_timeline.html",
    "sentier/referrals/views.py",
    # Found walking the pages again with the reference names (issue 19): the programs' help on
    # the application and My file, the file's languages.
    "sentier/participants/templates/participants/_programs_help.html",
    "sentier/participants/templatetags/participant_cells.py",
    # Reference rows' names (programs, target clienteles, difficulties): see below.
    "sentier/reference/names.py",
    # The Ministry's name on a service plan, with Ontario's offices (context "proper name").
    "sentier/serviceplans/proper_names.py",
)
#: The English names of the reference rows the data files ship and participant pages show
#: (``module:attribute``, a function giving them): each must be marked in
#: ``sentier/reference/names.py`` (context ``reference name``), which the catalogs then
#: require in ``PARTICIPANT_LOCALES`` like any participant-facing string.
PARTICIPANT_REFERENCE = (
    "sentier.reference.loading:program_names",
    "sentier.network.loading:clientele_names",
    "sentier.plans.difficulties:difficulty_names",
)
#: The catalog context of those names (``sentier.core.reference_names.REFERENCE_NAME``).
REFERENCE_CONTEXT = "reference name"
#: Choices and forms of shared modules (mostly staff strings) that participant pages show: their
#: labels, help texts and choices must be translated too (``module:attribute``).
PARTICIPANT_CHOICES = (
    "sentier.plans.models:PlanStatus",
    "sentier.plans.models:Channel",
    "sentier.plans.models:EndReason",
    "sentier.plans.models:ObjectiveStatus",
    "sentier.plans.models:ActionStatus",
    "sentier.plans.models:Who",
    "sentier.plans.models:FollowUpMode",
    "sentier.plans.models:FollowUpStatus",
    "sentier.plans.models:ExtensionStatus",
    "sentier.consent.models:Purpose",
    "sentier.consent.models:InformationCategory",
    "sentier.consent.models:RecipientKind",
    "sentier.referrals.models:ReferralStatus",
    "sentier.network.models:ServiceKind",
    "sentier.network.models:OfferStatus",
    "sentier.participants.models:EventKind",
    "sentier.participants.models:FileStatus",
    "sentier.participants.models:HouseholdType",
    "sentier.audit.models:AccessKind",
    "sentier.audit.models:AccessChannel",
    "sentier.serviceplans.models:PlanEventKind",
    "sentier.serviceplans.models:PlanStatus",
    "sentier.serviceplans.models:RequestStatus",
    "sentier.serviceplans.models:InitiatorKind",
    "sentier.serviceplans.models:PartyKind",
    "sentier.serviceplans.models:ItemStatus",
    "sentier.feedback.models:Moment",
    "sentier.feedback.models:Rating",
    "sentier.accounts.models:Role",
    "sentier.decisions.models:Measure",
    "sentier.intake.models:Path",
    "sentier.intake.models:ApplicationStatus",
)
PARTICIPANT_FORMS = (
    "sentier.plans.forms:ExtensionRequestForm",
    "sentier.plans.forms:ParticipantEndForm",
    "sentier.consent.forms:ChoiceForm",
    "sentier.consent.forms:AgreeForm",
    "sentier.consent.forms:WithdrawForm",
    "sentier.network.forms:DirectoryFilterForm",
    "sentier.intake.forms:ReviewRequestForm",
    "sentier.feedback.forms:ParticipantSurveyForm",
    "sentier.feedback.forms:PlacementSurveyForm",
    "sentier.serviceplans.forms:LeaveForm",
)
DOMAINS = ("django", "djangojs")


def entries(path: Path) -> dict[tuple[str, str | None], object]:
    with path.open("rb") as handle:
        catalog = read_po(handle)
    return {
        (str(m.id if isinstance(m.id, str) else m.id[0]), m.context): m for m in catalog if m.id
    }


def participant_facing(locations: Sequence[tuple[str, int | None]]) -> bool:
    return any(
        fnmatch.fnmatch(name, pattern)
        for name, _line in locations
        for pattern in PARTICIPANT_FACING
    )


def attribute(path: str) -> Any:
    """``module:name`` → the object (after ``django.setup()``)."""
    module, _colon, name = path.partition(":")
    return getattr(importlib.import_module(module), name)


def reference_msgids() -> set[str]:
    """The English names of :data:`PARTICIPANT_REFERENCE`, read from the data files."""
    return {str(name) for path in PARTICIPANT_REFERENCE for name in attribute(path)() if name}


def reference_problems(fresh: Path, names: Collection[str]) -> list[str]:
    """Reference names the code does not mark for the catalogs (``fresh``: a catalog just made
    by ``makemessages``), so that no catalog would ever carry their translation."""
    marked = {key for key, context in entries(fresh) if context == REFERENCE_CONTEXT}
    return [
        f"reference name not in sentier/reference/names.py: {name!r}"
        for name in sorted(set(names) - marked)
    ]


def shared_msgids() -> set[str]:
    """The msgids of :data:`PARTICIPANT_CHOICES` and :data:`PARTICIPANT_FORMS` (labels, help
    texts, choices), read with translation off so that each lazy string gives its msgid."""
    sys.path.insert(0, str(ROOT))
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings")
    # The apps' modules are imported by name below, once Django is set up.
    django.setup()

    found: set[str] = set()
    translation.deactivate_all()
    for path in PARTICIPANT_CHOICES:
        found |= {str(label) for _value, label in attribute(path).choices}
    for path in PARTICIPANT_FORMS:
        for field in attribute(path).base_fields.values():
            found |= {str(text) for text in (field.label, field.help_text) if text}
            # Django's own messages are in Django's catalogs: only Sentier's are kept below.
            found |= {str(text) for text in field.error_messages.values()}
            if isinstance(field, ModelChoiceField):
                continue  # rows of the database, not strings of the code
            for _value, label in getattr(field, "choices", ()) or ():
                if isinstance(label, str | Promise):
                    found.add(str(label))
    translation.activate("fr-ca")
    return {text for text in found if text}


def participant_problems(
    locale: str,
    committed: Path,
    fresh: Path,
    shared: Collection[str] = (),
) -> list[str]:
    """Missing, empty or fuzzy translations of participant-facing strings in ``locale``."""
    if not committed.exists():
        return [f"locale/{locale}/LC_MESSAGES/django.po is missing"]
    problems: list[str] = []
    with fresh.open("rb") as handle:
        wanted = [
            m
            for m in read_po(handle)
            if m.id
            and (
                participant_facing(m.locations)
                or str(m.id if isinstance(m.id, str) else m.id[0]) in shared
            )
        ]
    have = entries(committed)
    unreviewed = 0
    for message in wanted:
        key = (str(message.id if isinstance(message.id, str) else message.id[0]), message.context)
        current = have.get(key)
        if current is None:
            problems.append(f"{locale}: not in the catalog: {key[0]!r}")
            continue
        strings = (
            current.string  # type: ignore[attr-defined]
            if isinstance(current.string, tuple)  # type: ignore[attr-defined]
            else (current.string,)  # type: ignore[attr-defined]
        )
        if not all(strings):
            problems.append(f"{locale}: untranslated (participant page): {key[0]!r}")
        if current.fuzzy:  # type: ignore[attr-defined]
            problems.append(f"{locale}: fuzzy: {key[0]!r}")
        if "unreviewed" in current.user_comments:  # type: ignore[attr-defined]
            unreviewed += 1
    print(f"{locale}: {len(wanted)} participant-facing strings, {unreviewed} not yet reviewed")
    return problems


def main() -> int:
    problems: list[str] = []
    shared = shared_msgids()
    reference = reference_msgids()
    locale_dir = ROOT / "locale"
    with tempfile.TemporaryDirectory() as scratch:
        committed_dir = Path(scratch) / "locale"
        shutil.copytree(locale_dir, committed_dir)
        command = [
            sys.executable,
            str(ROOT / "manage.py"),
            "makemessages",
            "--no-obsolete",
            # File names, not lines: which strings a participant sees (``PARTICIPANT_FACING``).
            "--add-location=file",
            "-v0",
        ]
        for locale in (*LOCALES, *PARTICIPANT_LOCALES):
            command += ["-l", locale]
        ignore = [
            "--ignore=node_modules/*",
            "--ignore=var/*",
            "--ignore=.venv/*",
            "--ignore=static/vendor/*",
            "--ignore=e2e/*",
            "--ignore=bench/*",
        ]
        try:
            subprocess.run([*command, *ignore], check=True, cwd=ROOT)
            for locale in LOCALES:
                committed = committed_dir / locale / "LC_MESSAGES" / "django.po"
                fresh = locale_dir / locale / "LC_MESSAGES" / "django.po"
                if not committed.exists():
                    problems.append(f"locale/{locale}/LC_MESSAGES/django.po is missing")
                    continue
                have = entries(committed)
                for key in entries(fresh):
                    if key not in have:
                        problems.append(f"{locale}: not in the catalog: {key[0]!r}")
                        continue
                    current = have[key]
                    strings = (
                        current.string  # type: ignore[attr-defined]
                        if isinstance(current.string, tuple)  # type: ignore[attr-defined]
                        else (current.string,)  # type: ignore[attr-defined]
                    )
                    if not all(strings):
                        problems.append(f"{locale}: untranslated: {key[0]!r}")
                    if current.fuzzy:  # type: ignore[attr-defined]
                        problems.append(f"{locale}: fuzzy: {key[0]!r}")
            problems += reference_problems(
                locale_dir / LOCALES[0] / "LC_MESSAGES" / "django.po", reference
            )
            for locale in PARTICIPANT_LOCALES:
                problems += participant_problems(
                    locale,
                    committed_dir / locale / "LC_MESSAGES" / "django.po",
                    locale_dir / locale / "LC_MESSAGES" / "django.po",
                    shared,
                )
        finally:
            # The committed catalogs, byte for byte: a check leaves the tree as it found it.
            shutil.rmtree(locale_dir)
            shutil.copytree(committed_dir, locale_dir)
    for problem in problems:
        print(problem)
    if problems:
        print(f"{len(problems)} catalog problem(s). Run 'make messages' and translate.")
        return 1
    print(
        "Translation catalogs complete: "
        + ", ".join(LOCALES)
        + "; for participant pages: "
        + ", ".join(PARTICIPANT_LOCALES)
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
