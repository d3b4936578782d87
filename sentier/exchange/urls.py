"""Pages of the exchange (mount at ``exchange/`` inside ``i18n_patterns``)."""

from __future__ import annotations

from django.urls import path

from sentier.exchange import views

app_name = "exchange"
urlpatterns = [
    path("keys/", views.keys, name="keys"),
    path("keys/<str:key_uuid>/revoke/", views.revoke, name="revoke"),
    path("webhooks/", views.add_webhook, name="add_webhook"),
    path("webhooks/<str:endpoint_uuid>/turn-off/", views.turn_off_webhook, name="turn_off_webhook"),
    path("deliveries/<str:message_uuid>/retry/", views.retry, name="retry"),
]
