"""The names of Ontario offices and bodies that the Ontario configuration writes in English (a
staff account's office, the ODSP return address), each with its official French name in the
catalog under the context ``proper name``: pages, e-mails and PDFs show them through
``sentier.core.formatting.proper_name``. This tuple is what the catalog extracts them from;
the data keeps the English name, whatever language it was written in.

:data:`OFFICES` are the offices shipped with the Ontario reference data (``models.Office``): a
postal address and a phone number only where a public source gives them, said in ``source``.
The seeds (004) and the domain brief give no office's address; the one address shipped is Metro
Hall's, a Toronto Employment and Social Services office named by the City of Toronto. The others
have none until an administrator records the real one: their letters say so and give the number
to call, rather than print an address that does not exist.
"""

from __future__ import annotations

from dataclasses import dataclass

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

#: Who writes before the grant transferred an Ontario Works file to its local office.
OW_INTAKE_OFFICE = "Ontario Works intake unit"


@dataclass(frozen=True)
class ShippedOffice:
    name: str
    region: str = ""  # the service area's code (``reference.Region``), for a local office
    address: tuple[str, ...] = ()
    phone: str = ""
    source: str = ""


OFFICES = (
    ShippedOffice(
        "Toronto Employment and Social Services",
        "ON33",
        ("Metro Hall", "55 John Street", "Toronto ON  M5V 3C6"),
        "416-338-8888",
        "City of Toronto, news release of 10 April 2013 (Toronto Employment & Social Services' "
        "integrated services office at Metro Hall, 55 John Street); the Ontario Works line of "
        "the City's Application and Support Centre, 416-338-8888",
    ),
    ShippedOffice("Ottawa Employment and Social Services", "ON23"),
    ShippedOffice("ODSP centralized intake"),
    ShippedOffice(OW_INTAKE_OFFICE),
)
