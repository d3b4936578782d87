"""Translated fields of the Ontario configuration's own list (django-modeltranslation): the ODSP
refusal reasons, edited in the admin."""

from modeltranslation.translator import TranslationOptions, register

from sentier.ontario.models import ODSPRefusalReason


@register(ODSPRefusalReason)
class ODSPRefusalReasonTranslation(TranslationOptions):
    fields = ("name",)
