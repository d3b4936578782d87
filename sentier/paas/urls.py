"""PAAS Action pages. Statement pages live in ``statement_urls`` and are included here."""

from django.urls import include, path

app_name = "paas"
urlpatterns: list[object] = [
    path("statements/", include("sentier.paas.statement_urls")),
]
