"""Every response denies the browser features Sentier never uses (camera, microphone, location,
payment, USB…): pages, redirects, errors, the API and static files alike."""

from __future__ import annotations

from typing import Any

import pytest

from sentier.core.headers import PERMISSIONS_POLICY

pytestmark = pytest.mark.django_db


def test_the_policy_denies_devices_sensors_and_payment() -> None:
    for feature in ("camera", "microphone", "geolocation", "payment", "usb", "serial", "hid"):
        assert f"{feature}=()" in PERMISSIONS_POLICY.split(", ")


@pytest.mark.parametrize(
    ("path", "status"),
    [
        ("/fr-ca/", 200),  # a page
        ("/fr-ca/participants/", 302),  # a redirect to sign in
        ("/fr-ca/no-such-page/", 404),
        ("/api/v1/me", 403),
        ("/static/js/sentier.js", 200),  # served by WhiteNoise, before Django's views
        ("/healthz", 200),
    ],
)
def test_every_response_carries_the_policy(
    production_settings: Any, https_client: Any, path: str, status: int
) -> None:
    response = https_client().get(path)
    assert response.status_code == status
    assert response["Permissions-Policy"] == PERMISSIONS_POLICY


def test_plain_http_is_redirected_with_the_policy_too(
    production_settings: Any, client: Any
) -> None:
    response = client.get("/fr-ca/")
    assert response.status_code == 301
    assert response["Permissions-Policy"] == PERMISSIONS_POLICY
