"""Money, dates and times in fr-CA and en-CA (Babel), and the fr_CA time-format override."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

from django.template import Context, Template
from django.utils import translation
from django.utils.formats import time_format

from sentier.core import formatting

NBSP = "\xa0"


def test_money_in_both_languages() -> None:
    assert formatting.money(Decimal("173"), "fr-ca") == f"173,00{NBSP}$"
    assert formatting.money(Decimal("173"), "en-ca") == "$173.00"
    assert formatting.cents(20000, "fr-ca") == f"200,00{NBSP}$"
    assert formatting.money(Decimal("1234.5"), "fr-ca") == f"1{chr(0x202F)}234,50{NBSP}$" or (
        formatting.money(Decimal("1234.5"), "fr-ca").replace(chr(0x202F), NBSP)
        == f"1{NBSP}234,50{NBSP}$"
    )


def test_times_as_quebec_writes_them() -> None:
    assert formatting.clock(dt.time(14, 30), "fr-ca") == "14 h 30"
    assert formatting.clock(dt.time(9, 5), "fr-ca") == "9 h 05"
    assert formatting.long_date(dt.date(2026, 4, 1), "fr-ca") == "1er avril 2026"
    assert formatting.long_date(dt.date(2026, 4, 2), "fr-ca") == "2 avril 2026"
    assert formatting.long_date(dt.date(2026, 4, 1), "en-ca") == "April 1, 2026"


def test_django_fr_ca_time_format_is_fixed() -> None:
    # Django 5.2 ships "H\xa0h\xa0i", whose unescaped "h" prints the 12-hour hour ("14 02 30").
    with translation.override("fr-ca"):
        assert time_format(dt.time(14, 30)) == f"14{NBSP}h{NBSP}30"
        assert time_format(dt.time(9, 5)) == f"9{NBSP}h{NBSP}05"


def test_template_filters_are_built_in() -> None:
    template = Template("{{ amount|money }} {{ when|clock }}")
    with translation.override("fr-ca"):
        rendered = template.render(Context({"amount": Decimal("173"), "when": dt.time(14, 30)}))
    assert rendered == f"173,00{NBSP}$ 14 h 30"
