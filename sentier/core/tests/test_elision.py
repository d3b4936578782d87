"""« de » before a name: « d’Amara Okafor », « d’Élise Cormier », « de Lucas Tremblay »."""

from __future__ import annotations

from django.template import Context, Template
from django.utils import translation

from sentier.core.formatting import elide, of_name


def test_de_is_elided_before_a_name_that_starts_with_a_vowel() -> None:
    assert of_name("Amara Okafor", "fr-ca") == "d’Amara Okafor"
    assert of_name("Élise Cormier", "fr-ca") == "d’Élise Cormier"
    assert of_name("Lucas Tremblay", "fr-ca") == "de Lucas Tremblay"
    assert elide("Historique de Amara Okafor", "fr-ca") == "Historique d’Amara Okafor"
    assert elide("De Ontario au travail", "fr-ca") == "D’Ontario au travail"


def test_only_french_and_only_before_a_capital() -> None:
    assert elide("de Amara", "en-ca") == "de Amara"
    assert elide("plus de une heure", "fr-ca") == "plus de une heure"  # not a name: left alone
    assert elide("Grade Amara", "fr-ca") == "Grade Amara"


def test_the_template_filters() -> None:
    with translation.override("fr-ca"):
        page = Template(
            "{% filter elide %}Trousse de {{ name }}{% endfilter %} / {{ other|of_name }}"
        ).render(Context({"name": "Élise Cormier", "other": "Lucas Tremblay"}))
    assert page == "Trousse d’Élise Cormier / de Lucas Tremblay"
