"""The Ministry's name as a party to a service plan (``actions.MINISTRY_NAME``), marked for the
catalogs under the context ``proper name`` (``sentier.core.formatting.proper_name``): French and
English pages show its official name, as stored; the participant's page in Spanish, Arabic or
Haitian Creole shows the catalog's wording of it (issue 19). Other parties' names (public
bodies, organizations, people) are shown as written."""

from __future__ import annotations

from django.utils.translation import pgettext_lazy

PROPER_NAMES = (pgettext_lazy("proper name", "Ministère de l’Emploi et de la Solidarité sociale"),)
