"""Translated fields of the network taxonomy (django-modeltranslation).

The history model is registered too: simple-history builds ``HistoricalClientele`` before
modeltranslation adds ``name_fr_ca``/``name_en_ca`` to ``Clientele``, so without this every save
of a clientele fails when the history row is written.
"""

from modeltranslation.translator import TranslationOptions, register

from sentier.network.models import Clientele


@register(Clientele)
class ClienteleTranslation(TranslationOptions):
    fields = ("name",)


@register(Clientele.history.model)
class HistoricalClienteleTranslation(TranslationOptions):
    fields = ("name",)
