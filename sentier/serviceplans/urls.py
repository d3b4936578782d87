"""URLs of sentier.serviceplans."""

from __future__ import annotations

from django.urls import URLPattern, path  # noqa: F401

app_name = "serviceplans"

urlpatterns: list[URLPattern] = []
