"""Translated fields of the network taxonomy (django-modeltranslation)."""

from modeltranslation.translator import TranslationOptions, register

from sentier.network.models import Clientele


@register(Clientele)
class ClienteleTranslation(TranslationOptions):
    fields = ("name",)
