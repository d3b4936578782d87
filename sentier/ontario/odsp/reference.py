"""The ODSP intake unit's configurable lists, loaded with the Ontario reference data
(``sentier load_reference`` in the Ontario configuration) and edited in the admin afterwards.

- **Refusal reasons** (ODSP-specific; Ontario Works keeps its own list): a default list drawn
  from the ODSP Act's financial eligibility, for the ministry to confirm or replace.
- **First Nations ODSP delivery sites** (004 Q14): the sources give no list, so two
  *placeholders* are shipped, named and flagged as such, to be replaced by the real sites.
- **Offices** that write to people, with a postal address and a number only where a source
  gives them (``ontario.offices.OFFICES``).

Loading is idempotent and never overwrites what an administrator changed: rows are created
once, by code.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping

from sentier.ontario.models import ODSPRefusalReason, Office
from sentier.ontario.offices import OFFICES
from sentier.reference.loading import Counts, LoadReport
from sentier.reference.models import FirstNationsSite, Region

SOURCE = "ODSP Act, 1997, s. 5 (financial eligibility); default list, to confirm by the ministry"
APPLIES_FROM = dt.date(2025, 11, 10)  # 004: centralized intake

#: (code, English, French)
REFUSAL_REASONS: tuple[tuple[str, str, str], ...] = (
    (
        "income_over_limit",
        "Income above what ODSP allows",
        "Revenu supérieur à ce que permet le POSPH",
    ),
    ("assets_over_limit", "Assets above the ODSP limit", "Avoirs supérieurs à la limite du POSPH"),
    (
        "not_ontario_resident",
        "Does not live in Ontario",
        "Ne réside pas en Ontario",
    ),
    (
        "under_18",
        "Under 18 years old",
        "Moins de 18 ans",
    ),
    (
        "information_not_provided",
        "Information needed to decide was not provided",
        "Les renseignements nécessaires pour décider n’ont pas été fournis",
    ),
)

#: (code, English, French): placeholders, flagged ``placeholder`` in the admin and the pages.
PLACEHOLDER_SITES: tuple[tuple[str, str, str], ...] = (
    (
        "placeholder-site-a",
        "First Nations site A (placeholder, not a real site)",
        "Site des Premières Nations A (exemple, pas un vrai site)",
    ),
    (
        "placeholder-site-b",
        "First Nations site B (placeholder, not a real site)",
        "Site des Premières Nations B (exemple, pas un vrai site)",
    ),
)


def load_odsp_reference() -> None:
    """Create the default refusal reasons and the placeholder sites once (idempotent)."""
    for code, english, french in REFUSAL_REASONS:
        ODSPRefusalReason.objects.get_or_create(
            code=code,
            defaults={
                "name_fr_ca": french,
                "name_en_ca": english,
                "name": french,
                "source": SOURCE,
                "active_from": APPLIES_FROM,
            },
        )
    for code, english, french in PLACEHOLDER_SITES:
        FirstNationsSite.objects.get_or_create(
            code=code,
            defaults={
                "name_fr_ca": french,
                "name_en_ca": english,
                "name": french,
                "placeholder": True,
            },
        )


def load_offices() -> None:
    """Create the shipped offices once (idempotent; an administrator's changes are kept)."""
    for office in OFFICES:
        Office.objects.get_or_create(
            name=office.name,
            defaults={
                "region": Region.objects.filter(code=office.region).first()
                if office.region
                else None,
                "postal_address": "\n".join(office.address),
                "phone": office.phone,
                "source": office.source,
            },
        )


class ODSPReferenceLoader:
    """Registered with the reference data's loaders: Ontario only."""

    def read(self, *, region_codes: list[str], files: Mapping[str, object]) -> None:
        return None

    def load(self, data: object, *, regions: Mapping[str, Region], report: LoadReport) -> None:
        return None

    def load_ontario(self) -> None:
        load_odsp_reference()
        load_offices()

    def finish(self) -> list[tuple[str, Counts]]:
        return []
