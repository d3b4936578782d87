"""What the public directory's search compares, kept folded on each organization.

The search (:func:`sentier.network.selectors.search_directory`) looks for each word of the text,
folded (:func:`sentier.core.text.fold`: no accents, no case, hyphens and apostrophes as spaces),
in the organization's name, who it serves, what it offers and where. Folding those fields and
walking their relations at each search cost ten subqueries a word, each folding every row; the
folded texts are kept instead, one :class:`~sentier.network.models.OrganizationSearchText` row
per organization, one column per weight of :data:`SEARCHED_FIELDS`, so that a word is one
``LIKE`` per column of a single row.

They are refreshed whenever what they are made of is saved or deleted (the receivers below,
connected in ``NetworkConfig.ready``): an organization, its locations, its services, its
clienteles, and the names of the regions and clienteles. An organization gets its row when it is
saved; one written without ``save()`` (``bulk_create``) is found by the search once saved again.
A load that saves many of them at once (the reference directory, a demo) refreshes each
organization once, at its end (:func:`refreshed_once`), instead of at each save.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from contextvars import ContextVar
from typing import Any

from django.db.models import Model
from django.db.models.signals import m2m_changed, post_delete, post_save, pre_save

from sentier.core.text import fold
from sentier.network.models import (
    Clientele,
    Location,
    Organization,
    OrganizationSearchText,
    Service,
)
from sentier.reference.models import Region

# Where a directory search word is looked for, and what a match there weighs in the ranking: a
# word in the organization's name counts most, then who it serves and what it offers, then where.
SEARCHED_FIELDS: dict[str, int] = {
    "name": 8,
    "clientele_text": 3,
    "clienteles__name_fr_ca": 3,
    "clienteles__name_en_ca": 3,
    "services__name": 3,
    "locations__city": 2,
    "locations__points_of_service_text": 2,
    "locations__region__name_fr_ca": 2,
    "locations__region__name_en_ca": 2,
    "locations__phone": 1,
}
#: The column of ``OrganizationSearchText`` holding the fields of each weight.
COLUMNS: dict[int, str] = {8: "name", 3: "served", 2: "places", 1: "phones"}
#: Between the folded values of a column: a folded value and a search word hold no line break,
#: so a word is found in the column exactly when it is found in one of the values.
SEPARATOR = "\n"


def search_texts(organization_ids: Iterable[int]) -> dict[int, dict[str, str]]:
    """The folded columns of each organization (one query per searched field)."""
    ids = list(organization_ids)
    if not ids:  # a region or clientele saved that no organization names: nothing to read
        return {}
    values: dict[int, dict[str, set[str]]] = defaultdict(lambda: defaultdict(set))
    for field, weight in SEARCHED_FIELDS.items():
        rows = Organization.objects.filter(pk__in=ids).values_list("pk", field)
        for pk, value in rows:
            folded = fold(value)
            if folded:
                values[pk][COLUMNS[weight]].add(folded)
    existing = Organization.objects.filter(pk__in=ids).values_list("pk", flat=True)
    return {
        pk: {column: SEPARATOR.join(sorted(values[pk][column])) for column in COLUMNS.values()}
        for pk in existing
    }


def refresh_search_texts(organization_ids: Iterable[int], *, create: bool = False) -> None:
    """Fold again the searched texts of these organizations. Only rows that exist are updated
    (``create``: made for an organization just saved): an organization being deleted with its
    locations has lost its row, and gets none back."""
    for pk, columns in search_texts(organization_ids).items():
        updated = OrganizationSearchText.objects.filter(organization_id=pk).update(**columns)
        if not updated and create:
            OrganizationSearchText.objects.create(organization_id=pk, **columns)


#: Inside :func:`refreshed_once`: the organizations whose texts are to be refreshed at its end.
_pending: ContextVar[set[int] | None] = ContextVar("sentier_search_pending", default=None)


@contextmanager
def refreshed_once() -> Iterator[None]:
    """The saves inside refresh the searched texts of the organizations they touched once, when
    the block ends without an error (an error rolls the saves back with their transaction), not
    at each save: loading the reference directory saves each organization, its locations and
    services one by one. Every organization touched gets its row then, as if just saved."""
    if _pending.get() is not None:  # within another block: its end refreshes
        yield
        return
    pending: set[int] = set()
    token = _pending.set(pending)
    try:
        yield
    finally:
        _pending.reset(token)
    refresh_search_texts(pending, create=True)


def _refresh(organization_ids: Iterable[int], *, create: bool = False) -> None:
    pending = _pending.get()
    if pending is None:
        refresh_search_texts(organization_ids, create=create)
    else:
        pending.update(organization_ids)


def _organization_saved(instance: Organization, raw: bool = False, **kwargs: Any) -> None:
    if not raw:
        _refresh([instance.pk], create=True)


def _part_changed(instance: Location | Service, raw: bool = False, **kwargs: Any) -> None:
    if not raw:
        _refresh([instance.organization_id])


def _clienteles_changed(
    instance: Model, action: str, reverse: bool, pk_set: set[int] | None, **kwargs: Any
) -> None:
    if not action.startswith("post_"):
        return
    if not reverse:
        _refresh([instance.pk])
    elif pk_set:  # a clientele given or taken organizations
        _refresh(pk_set)
    else:  # a clientele's organizations all taken away
        _refresh(list(Organization.objects.values_list("pk", flat=True)))


#: The names of a region or clientele that the searched texts hold.
NAMES = ("name_fr_ca", "name_en_ca")


def _names_before(instance: Region | Clientele, raw: bool = False, **kwargs: Any) -> None:
    before = None
    if not raw and instance.pk is not None:
        before = type(instance).objects.filter(pk=instance.pk).values_list(*NAMES).first()
    instance._search_names_before = before  # type: ignore[union-attr]


def _name_saved(
    instance: Region | Clientele, raw: bool = False, created: bool = False, **kwargs: Any
) -> None:
    # A region or clientele just made, or saved with the same names (the reference data loaded
    # again), changes no organization's texts.
    names = tuple(getattr(instance, name) for name in NAMES)
    if raw or created or getattr(instance, "_search_names_before", None) == names:
        return
    if isinstance(instance, Region):
        holders = Organization.objects.filter(locations__region=instance)
    else:
        holders = Organization.objects.filter(clienteles=instance)
    _refresh(set(holders.values_list("pk", flat=True)))


def connect() -> None:
    """Keep the folded texts up to date (called once, from ``NetworkConfig.ready``)."""
    post_save.connect(_organization_saved, sender=Organization, dispatch_uid="search-org")
    for model in (Location, Service):
        uid = f"search-{model.__name__}"
        post_save.connect(_part_changed, sender=model, dispatch_uid=f"{uid}-saved")
        post_delete.connect(_part_changed, sender=model, dispatch_uid=f"{uid}-deleted")
    m2m_changed.connect(
        _clienteles_changed, sender=Organization.clienteles.through, dispatch_uid="search-cl"
    )
    for named in (Region, Clientele):
        uid = f"search-{named.__name__}"
        pre_save.connect(_names_before, sender=named, dispatch_uid=f"{uid}-before")
        post_save.connect(_name_saved, sender=named, dispatch_uid=uid)
