"""The names of Ontario offices and bodies that the Ontario configuration writes in English (a
staff account's office, the ODSP return address), each with its official French name in the
catalog under the context ``proper name``: pages, e-mails and PDFs show them through
``sentier.core.formatting.proper_name``. This tuple is what the catalog extracts them from;
the data keeps the English name, whatever language it was written in."""

from __future__ import annotations

from django.utils.translation import pgettext_lazy

OFFICE_NAMES = (
    pgettext_lazy("proper name", "Toronto Employment and Social Services"),
    pgettext_lazy("proper name", "Ottawa Employment and Social Services"),
    pgettext_lazy("proper name", "ODSP centralized intake"),
    pgettext_lazy("proper name", "Ontario Works intake unit"),
    pgettext_lazy("proper name", "First Nations site A (placeholder, not a real site)"),
    pgettext_lazy("proper name", "ODSP Centralized Intake Unit"),
    pgettext_lazy("proper name", "Ministry of Children, Community and Social Services"),
)
