"""Translated fields of reference data (django-modeltranslation)."""

from modeltranslation.translator import TranslationOptions, register

from sentier.reference.models import Program, Region


@register(Region)
class RegionTranslation(TranslationOptions):
    fields = ("name",)


@register(Program)
class ProgramTranslation(TranslationOptions):
    fields = ("name",)
