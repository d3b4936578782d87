"""The consent texts people read, versioned: the exact text shown is stored with each consent.

Change a text (or its translation) → bump :data:`TEXT_VERSION`; consents already given keep the text
they were given on. 2026-12-06: the French text names the recipient after « Destinataire : ».
"""

from __future__ import annotations

from collections.abc import Iterable

from django.utils import translation
from django.utils.translation import gettext as _

from sentier.consent.models import InformationCategory, Purpose

TEXT_VERSION = "2026-12-06"


def consent_text(
    *, purpose: str, recipient: str, categories: Iterable[str], language: str, expires: str
) -> str:
    """The plain-language text of one consent, in ``language`` (``fr-ca`` / ``en-ca``)."""
    labels = dict(InformationCategory.choices)
    with translation.override(language):
        what = "; ".join(str(labels[c]) for c in categories)
        purpose_label = str(dict(Purpose.choices)[purpose])
        return _(
            "I agree that the Ministry shares the following information about me with "
            "%(recipient)s, only for this purpose: %(purpose)s. Information shared: %(what)s. "
            "My consent is valid until %(expires)s. I can withdraw it at any time, by phone, in "
            "person or online; withdrawing it stops any sharing not yet done. Saying no or "
            "withdrawing never changes my benefit."
        ) % {"recipient": recipient, "purpose": purpose_label, "what": what, "expires": expires}
