"""The public directory of partner organizations (no login needed)."""

from __future__ import annotations

from django.contrib import messages
from django.core.paginator import Paginator
from django.http import HttpRequest, HttpResponse, QueryDict
from django.shortcuts import render
from django.utils.text import Truncator
from django.utils.translation import gettext as _

from sentier.network import selectors
from sentier.network.forms import DirectoryFilterForm

PAGE_SIZE = 25


def _ignored_message(field: str, value: str) -> str:
    shown = Truncator(value).chars(40)
    if field == "region":
        return _("The region “%(value)s” is unknown; it was ignored.") % {"value": shown}
    if field == "clientele":
        return _("The clientele “%(value)s” is unknown; it was ignored.") % {"value": shown}
    return _("The search text was too long; it was ignored.")


def directory(request: HttpRequest) -> HttpResponse:
    """Search form and results; invalid filter values are dropped with a notice."""
    form = DirectoryFilterForm(request.GET or None)
    query = request.GET.copy()
    query.pop("page", None)
    if form.is_bound and not form.is_valid():
        for field in form.errors:
            messages.warning(request, _ignored_message(field, request.GET.get(field, "")))
            query.pop(field, None)
    # Only the valid values: the form shows and the links keep the filters as applied.
    filters = form.filters()
    results = selectors.search_directory(**filters)
    page = Paginator(results, PAGE_SIZE).get_page(request.GET.get("page"))
    context = {
        "form": form,
        "selected": filters,
        "page": page,
        "filtered": any(filters.values()),
        "query": _clean_query(query),
    }
    return render(request, "network/directory.html", context)


def _clean_query(query: QueryDict) -> str:
    """The query string for pagination links: the applied filters, empty ones left out."""
    kept = QueryDict(mutable=True)
    for key in ("q", "region", "clientele"):
        value = query.get(key, "")
        if value:
            kept[key] = value
    return kept.urlencode()
