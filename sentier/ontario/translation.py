"""Translated fields of the Ontario configuration's lists (django-modeltranslation): the ODSP
refusal reasons and the First Nations ODSP delivery sites, edited in the admin."""

from modeltranslation.translator import TranslationOptions, register

from sentier.ontario.models import FirstNationsSite, ODSPRefusalReason


@register(ODSPRefusalReason)
class ODSPRefusalReasonTranslation(TranslationOptions):
    fields = ("name",)


@register(FirstNationsSite)
class FirstNationsSiteTranslation(TranslationOptions):
    fields = ("name",)


@register(FirstNationsSite.history.model)
class HistoricalFirstNationsSiteTranslation(TranslationOptions):
    fields = ("name",)
