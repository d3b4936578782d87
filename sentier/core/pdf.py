"""Tagged PDFs (PDF/UA-1) from HTML with WeasyPrint, and the hash kept of what was sent.

The one way Sentier writes a letter, a notice or a package as PDF: each document is rendered
from HTML in its reader's language and written as PDF/UA-1 (tagged, for screen readers); a
batch to print (the day's mailing) is one PDF with each document starting on a new page. The
SHA-256 of what left is kept with the record of what was sent.
"""

from __future__ import annotations

import hashlib
from collections.abc import Sequence
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from weasyprint.document import Document


def render(html: str) -> Document:
    # Lazy: weasyprint takes ~1.3 s to import and only PDF output needs it.
    from weasyprint import HTML

    return HTML(string=html).render()


def tagged_pdf(html: str) -> bytes:
    """One document as PDF/UA-1."""
    pdf: bytes = render(html).write_pdf(pdf_variant="pdf/ua-1")
    return pdf


def tagged_pdf_of_many(htmls: Sequence[str]) -> bytes:
    """Several documents as ONE PDF/UA-1 to print, in the order given."""
    if not htmls:
        raise ValueError("Nothing to print.")
    documents = [render(html) for html in htmls]
    pages = [page for document in documents for page in document.pages]
    pdf: bytes = documents[0].copy(pages).write_pdf(pdf_variant="pdf/ua-1")
    return pdf


def sha256_hex(content: bytes | str) -> str:
    data = content.encode() if isinstance(content, str) else content
    return hashlib.sha256(data).hexdigest()
