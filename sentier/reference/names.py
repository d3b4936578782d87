"""The English names of the reference rows a participant or applicant reads (issue 19), marked
for the catalogs under the context ``reference name`` (``sentier.core.reference_names``): the
programs (the application, My file), the directory's target clienteles and the difficulties of a
personalized support plan (My plan, its PDF). ``make messages`` extracts them from here;
``scripts/check_catalogs.py`` requires each name the data files ship to be here and translated
in Spanish, Arabic and Haitian Creole. French and English pages read the rows' own columns.

Region names are not listed: Québec's administrative regions are proper nouns written the same
in every language (``data/reference.yaml``), and the rules' reasons show them so too.
"""

from __future__ import annotations

from django.utils.translation import pgettext_lazy

NAMES = (
    # Programs (data/reference.yaml).
    pgettext_lazy("reference name", "Social Assistance Program"),
    pgettext_lazy("reference name", "Social Solidarity Program"),
    pgettext_lazy("reference name", "Aim for Employment Program"),
    pgettext_lazy("reference name", "Basic Income Program"),
    pgettext_lazy("reference name", "Public employment services (no financial assistance)"),
    pgettext_lazy("reference name", "Ontario Works"),
    pgettext_lazy("reference name", "Ontario Disability Support Program"),
    # Target clienteles of the directory (sentier/network/data/clienteles.yaml).
    pgettext_lazy("reference name", "Multiple clienteles"),
    pgettext_lazy("reference name", "Adults"),
    pgettext_lazy("reference name", "Youth"),
    pgettext_lazy("reference name", "Young adults (18 to 35)"),
    pgettext_lazy("reference name", "Women"),
    pgettext_lazy("reference name", "Single mothers"),
    pgettext_lazy("reference name", "Women with dependent children"),
    pgettext_lazy("reference name", "Immigrant women"),
    pgettext_lazy("reference name", "Immigrants"),
    pgettext_lazy("reference name", "Refugees"),
    pgettext_lazy("reference name", "Justice-involved people"),
    pgettext_lazy("reference name", "Addiction"),
    pgettext_lazy("reference name", "Marginalized people"),
    pgettext_lazy("reference name", "People on the autism spectrum"),
    pgettext_lazy("reference name", "Military community"),
    pgettext_lazy("reference name", "English-speaking community"),
    pgettext_lazy("reference name", "Employers"),
    # Difficulties a support plan works on (sentier/plans/difficulties.py).
    pgettext_lazy("reference name", "Homelessness or no access to safe, adequate housing"),
    pgettext_lazy("reference name", "Addiction to alcohol, drugs or gambling"),
    pgettext_lazy("reference name", "Personality, behaviour or anxiety disorders"),
    pgettext_lazy("reference name", "Loss of a spouse (separation, divorce, death)"),
    pgettext_lazy("reference name", "Death of a child or loss of custody"),
    pgettext_lazy("reference name", "Domestic violence, sexual assault or exploitation"),
    pgettext_lazy("reference name", "Excessive debt"),
)
