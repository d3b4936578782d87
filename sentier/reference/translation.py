"""Translated fields of reference data (django-modeltranslation).

The history models are registered too: simple-history builds ``HistoricalRegion`` before
modeltranslation adds ``name_fr_ca``/``name_en_ca`` to ``Region``, so without this a saved region
could not write its history row.
"""

from modeltranslation.translator import TranslationOptions, register

from sentier.reference.models import (
    DeferralReason,
    FirstNationsSite,
    PrescribedClass,
    Program,
    Region,
)


@register(Region)
class RegionTranslation(TranslationOptions):
    fields = ("name",)


@register(Region.history.model)
class HistoricalRegionTranslation(TranslationOptions):
    fields = ("name",)


@register(Program)
class ProgramTranslation(TranslationOptions):
    fields = ("name",)


@register(Program.history.model)
class HistoricalProgramTranslation(TranslationOptions):
    fields = ("name",)


@register(DeferralReason)
class DeferralReasonTranslation(TranslationOptions):
    fields = ("name",)


@register(PrescribedClass)
class PrescribedClassTranslation(TranslationOptions):
    fields = ("name",)


@register(FirstNationsSite)
class FirstNationsSiteTranslation(TranslationOptions):
    fields = ("name",)


@register(FirstNationsSite.history.model)
class HistoricalFirstNationsSiteTranslation(TranslationOptions):
    fields = ("name",)
