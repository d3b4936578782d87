"""``manage.py check --deploy`` under production settings refuses a weak ``SENTIER_SECRET_KEY``
with an error (it stops the deployment), where Django alone only warns."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest
from django.core.checks import Error
from django.test import override_settings

from sentier.core.checks import check_secret_keys, secret_key_weakness

ROOT = Path(__file__).resolve().parents[3]
STRONG = "kR7vQ2xZp9LmT4wY8nB3cF6hJ1dG5sA0eU-qW_iO7yP2rX9tV4zM8bN3"


@pytest.mark.parametrize(
    ("key", "weakness"),
    [
        ("s3cr3t-but-short", "fewer than 50 characters"),
        ("ab" * 40, "fewer than 5 different characters"),
        ("django-insecure-" + STRONG, "a published default key"),
        ("insecure-local-demo-key-change-me-in-production-0123456789abcdef", "published default"),
    ],
)
def test_weak_keys_are_named_with_their_weakness(key: str, weakness: str) -> None:
    found = secret_key_weakness(key)
    assert found is not None
    assert weakness in found


def test_a_long_random_key_is_accepted() -> None:
    assert secret_key_weakness(STRONG) is None


def test_a_weak_fallback_key_is_an_error_too() -> None:
    with override_settings(SECRET_KEY=STRONG, SECRET_KEY_FALLBACKS=["short"]):
        (error,) = check_secret_keys()
    assert isinstance(error, Error)
    assert error.id == "sentier.E001"
    assert "SECRET_KEY_FALLBACKS[0]" in error.msg


@pytest.mark.parametrize("key", ["short-key", "django-insecure-" + STRONG])
def test_check_deploy_fails_on_a_weak_key_in_production(key: str) -> None:
    env = dict(
        os.environ,
        DJANGO_SETTINGS_MODULE="config.production",
        SENTIER_SECRET_KEY=key,
        SENTIER_ALLOWED_HOSTS="sentier.example.org",
    )
    env.pop("SENTIER_DEBUG", None)
    result = subprocess.run(
        [sys.executable, "manage.py", "check", "--deploy"],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode == 1, result.stdout + result.stderr
    assert "ERRORS:" in result.stderr
    assert "(sentier.E001) SECRET_KEY (SENTIER_SECRET_KEY) is too weak" in result.stderr
