"""The public directory (no login needed)."""

from __future__ import annotations

from django.http import HttpRequest, HttpResponse
from django.shortcuts import render

from sentier.network.models import Organization


def directory(request: HttpRequest) -> HttpResponse:
    organizations = Organization.objects.prefetch_related("locations__region", "clienteles")
    return render(request, "network/directory.html", {"organizations": organizations})
