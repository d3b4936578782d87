"""The Disability Determination Package (DDP) as a tagged PDF in the applicant's language.

Generated automatically once the ODSP intake unit confirms financial eligibility, then mailed
(004 Q13). It holds a cover letter and the forms' content prepared for the applicant: the
Health Status and Activities of Daily Living Report and the Activities of Daily Living Index
for a health care professional, the optional Self Report, the Consent to the Release of Medical
Information, and a return page. The applicant's part is pre-filled from the file; the rest has
lines and boxes to write in. These are not the Ministry's official forms, and the package says
so. The applicant has 90 days to return it (ODSP Policy Directive 1.2).

The intake unit prints a day's mailing as one PDF (``packages_pdf``): each package rendered
again from its file with its own generation date, pages put one after the other, each package
keeping its own "page X of Y".
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from typing import TYPE_CHECKING, Any

from django.conf import settings
from django.template.loader import render_to_string
from django.utils import timezone, translation
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from sentier.core.formatting import proper_name
from sentier.ontario.models import DeterminationPackage, ODSPApplication

if TYPE_CHECKING:
    from weasyprint.document import Document

    from sentier.participants.models import Participant

RETURN_DAYS = 90  # ODSP Policy Directive 1.2 (September 2023)
#: Whom the applicant calls (ODSP; TTY) — the numbers the application pages give too.
HELP_PHONE = "1-888-999-1142"
HELP_TTY = "1-855-952-6238"

#: The rows of the Activities of Daily Living Index.
ADL_ACTIVITIES = [
    gettext_lazy("Personal care (washing, dressing, using the toilet)"),
    gettext_lazy("Preparing meals and eating"),
    gettext_lazy("Housework and laundry"),
    gettext_lazy("Shopping and errands"),
    gettext_lazy("Getting around (walking, stairs, public transit)"),
    gettext_lazy("Managing money and paperwork"),
    gettext_lazy("Taking medication and keeping appointments"),
    gettext_lazy("Communicating (speaking, hearing, reading, writing)"),
    gettext_lazy("Concentration and memory"),
    gettext_lazy("Dealing with people and with stress"),
    gettext_lazy("Sleep and energy during the day"),
]


def _css_string(text: str) -> str:
    """A CSS string literal (for ``content:`` in the page margins)."""
    return '"' + text.replace("\\", "\\\\").replace('"', '\\"') + '"'


def _page_counter_css() -> str:
    """``"Page " counter(page) " of " counter(pages)`` in the active language."""
    marker_page, marker_pages = "\x00PAGE\x00", "\x00PAGES\x00"
    text = _("Page %(page)s of %(pages)s") % {"page": marker_page, "pages": marker_pages}
    css = _css_string(text)
    css = css.replace(marker_page, '" counter(page) "').replace(marker_pages, '" counter(pages) "')
    return css.replace('"" ', "").replace(' ""', "")


#: What the shipped return address (``config.settings``) holds until the ministry gives the
#: real one: generating packages in production is refused while it is still there.
PLACEHOLDER_MARK = "PO Box 0000"


def return_address() -> list[str]:
    """The ODSP intake unit's return address, one line per item (configuration)."""
    return [proper_name(str(line)) for line in settings.SENTIER_ODSP_RETURN_ADDRESS]


def return_address_is_placeholder() -> bool:
    return any(PLACEHOLDER_MARK in line for line in return_address()) or not return_address()


def generation_refused() -> str | None:
    """Why packages may not be generated now (None: they may): in production
    (``SENTIER_PRODUCTION``) with the placeholder return address, applicants would mail their
    completed package to an address that does not exist."""
    if getattr(settings, "SENTIER_PRODUCTION", False) and return_address_is_placeholder():
        return _(
            "The Disability Determination Package cannot be generated: the return address is "
            "still the placeholder. An administrator must set SENTIER_ODSP_RETURN_ADDRESS first."
        )
    return None


def address_from_file(odsp: ODSPApplication) -> dict[str, str]:
    """The mailing address the application gave (the province: Ontario, the service area's)."""
    return participant_address(odsp.participant)


def participant_address(participant: Participant) -> dict[str, str]:
    """The file's mailing address as an envelope field set (street, city, ON, postal code)."""
    return {
        "street": participant.address.strip(),
        "city": participant.city.strip(),
        "province": "ON",
        "postal_code": participant.postal_code.strip().upper(),
    }


def package_context(
    odsp: ODSPApplication, *, at: dt.datetime, package: DeterminationPackage | None = None
) -> dict[str, Any]:
    """What the package says, in the active language (call inside ``translation.override``);
    mailed to ``package``'s address when given, else the application's."""
    participant = odsp.participant
    generated_on = timezone.localdate(at)
    if package is None:
        package = DeterminationPackage(odsp_application=odsp, **address_from_file(odsp))
    return {
        "participant": participant,
        "odsp": odsp,
        "language": participant.preferred_language,
        "generated_on": generated_on,
        "return_by": generated_on + dt.timedelta(days=RETURN_DAYS),
        "return_days": RETURN_DAYS,
        "return_address": return_address(),
        "help_phone": HELP_PHONE,
        "help_tty": HELP_TTY,
        "address_lines": package.address_lines,
        "language_name": participant.get_preferred_language_display(),
        "adl_activities": [str(activity) for activity in ADL_ACTIVITIES],
        "header_left": _css_string(
            _("Disability Determination Package – file %(number)s")
            % {"number": participant.file_number}
        ),
        "header_right": _page_counter_css(),
    }


def package_html(
    odsp: ODSPApplication, *, at: dt.datetime, package: DeterminationPackage | None = None
) -> str:
    """The HTML the PDF is made from, in the applicant's language."""
    with translation.override(odsp.participant.preferred_language):
        context = package_context(odsp, at=at, package=package)
        return render_to_string("ontario/ddp_pdf.html", context)


def package_document(
    odsp: ODSPApplication, *, at: dt.datetime, package: DeterminationPackage | None = None
) -> Document:
    """The laid-out package (WeasyPrint), before it is written as PDF."""
    # Lazy: weasyprint takes ~1.3 s to import and only PDF output needs it.
    from weasyprint import HTML

    return HTML(string=package_html(odsp, at=at, package=package)).render()


def determination_package_pdf(
    odsp: ODSPApplication, *, at: dt.datetime, package: DeterminationPackage | None = None
) -> bytes:
    """The package as PDF/UA-1 (tagged) with WeasyPrint."""
    document = package_document(odsp, at=at, package=package)
    pdf: bytes = document.write_pdf(pdf_variant="pdf/ua-1")
    return pdf


def _blank_page() -> Any:
    """One empty letter-size page (to start the next package on a new sheet)."""
    # Lazy: weasyprint takes ~1.3 s to import and only PDF output needs it.
    from weasyprint import HTML

    html = '<html lang="en-CA"><head><style>@page { size: letter; }</style></head><body></body>'
    return HTML(string=html).render().pages[0]


def packages_pdf(packages: Iterable[DeterminationPackage], *, two_sided: bool = False) -> bytes:
    """Several packages as ONE PDF to print (the day's mailing), in the order given. Each is
    rendered again from the file with its own generation date (so the same return date).
    ``two_sided``: a blank page after a package with an odd number of pages, so that on a
    two-sided printer each package starts on its own sheet."""
    documents = [
        package_document(package.odsp_application, at=package.generated_at, package=package)
        for package in packages
    ]
    return documents_pdf(documents, two_sided=two_sided)


def documents_pdf(documents: list[Document], *, two_sided: bool = False) -> bytes:
    """Laid-out documents (packages, notices) as ONE PDF/UA-1 to print, in the order given;
    ``two_sided`` as for :func:`packages_pdf`."""
    if not documents:
        raise ValueError("No package to print.")
    pages = []
    for document in documents:
        pages.extend(document.pages)
        if two_sided and len(document.pages) % 2:
            pages.append(_blank_page())
    pdf: bytes = documents[0].copy(pages).write_pdf(pdf_variant="pdf/ua-1")
    return pdf


def rendered_text(document: Document) -> list[str]:
    """The text laid out on each page of a rendered package (for tests and checks: what the
    printed PDF shows, without a PDF text extractor)."""
    # Lazy: weasyprint takes ~1.3 s to import and only PDF output needs it.
    from weasyprint.formatting_structure import boxes

    def walk(box: Any) -> Iterable[str]:
        if isinstance(box, boxes.TextBox):
            yield box.text
        for child in getattr(box, "children", ()):
            yield from walk(child)

    return [" ".join(walk(page._page_box)) for page in document.pages]
