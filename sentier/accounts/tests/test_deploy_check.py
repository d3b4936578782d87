"""``sentier check --deploy`` is clean with the production settings."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[3]


def test_check_deploy_is_clean_with_production_settings() -> None:
    env = dict(
        os.environ,
        DJANGO_SETTINGS_MODULE="config.production",
        SENTIER_SECRET_KEY="a-long-random-production-secret-" + "x" * 40,
        SENTIER_ALLOWED_HOSTS="sentier.example.org",
    )
    env.pop("SENTIER_DEBUG", None)
    result = subprocess.run(
        [sys.executable, "manage.py", "check", "--deploy", "--fail-level", "WARNING"],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode == 0, result.stdout + result.stderr
    assert "no issues" in result.stdout


def test_production_requires_mfa_and_secure_cookies() -> None:
    env = dict(os.environ, SENTIER_SECRET_KEY="s" * 60)
    code = (
        "import os; os.environ['DJANGO_SETTINGS_MODULE']='config.production';"
        "from django.conf import settings as s;"
        "print(s.SENTIER_REQUIRE_MFA, s.SESSION_COOKIE_SECURE, s.CSRF_COOKIE_SECURE,"
        " s.SECURE_HSTS_SECONDS > 0, s.DEBUG)"
    )
    out = subprocess.run(
        [sys.executable, "-c", code], cwd=ROOT, env=env, capture_output=True, text=True, check=True
    ).stdout.split()
    assert out == ["True", "True", "True", "True", "False"]
