"""The catalogue: bilingual, complete, and versioned (a changed definition is a new version)."""

from __future__ import annotations

from collections import Counter

import pytest

from sentier.insights.catalogue import (
    COMMON_BREAKDOWNS,
    Definition,
    all_definitions,
    catalogue_version,
    current,
    definition,
    fingerprint_of,
    not_held,
)
from sentier.insights.milestones import NOT_HELD_DIMENSIONS


@pytest.mark.parametrize("item", all_definitions(), ids=lambda d: f"{d.id}-v{d.version}")
def test_a_definition_does_not_change_under_its_version(item: Definition) -> None:
    assert item.fingerprint == fingerprint_of(item), (
        f"{item.id} v{item.version} changed: copy it as a new version, give the old one "
        "superseded_on, and set the new one's fingerprint to " + fingerprint_of(item)
    )


def test_every_indicator_says_what_it_counts_in_both_languages() -> None:
    for item in all_definitions():
        for text in (item.label, item.population, item.numerator, item.denominator, item.dated_by):
            assert text.fr.strip()
            assert text.en.strip()
            assert text.fr != text.en
        assert item.source
        assert set(item.jurisdictions) <= {"QC", "ON"}
        assert item.unit in {"count", "rate", "median_days", "hours", "dollars"}
        assert item.shape in {"flow", "stock", "rate", "median"}
        assert not set(item.breakdowns) & set(NOT_HELD_DIMENSIONS)
        assert set(item.breakdowns) & set(COMMON_BREAKDOWNS)


def test_versions_are_unique_and_the_latest_is_current() -> None:
    pairs = Counter((item.id, item.version) for item in all_definitions())
    assert max(pairs.values()) == 1
    for item in current():
        assert definition(item.id) == item
        assert definition(item.id, item.version) == item
    assert catalogue_version()


def test_what_the_files_do_not_hold_is_said() -> None:
    ids = {item.id for item in not_held()}
    assert {"cohort_assistance_3_6_12_months", "sex"} <= ids
