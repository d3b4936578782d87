"""Which capabilities this instance offers: some measures exist in one jurisdiction only.

PAAS Action, personalized support plans and service plans are Québec measures; Ontario has its
own common assessment, action plans and ODSP intake (``sentier.ontario``). Menus and panels of an
app that does not apply are left out.
"""

from __future__ import annotations

from django.conf import settings

# App label → the only jurisdiction (``SENTIER_JURISDICTION``) where it applies.
APP_JURISDICTION = {
    "ontario": "on",
    "paas": "qc",
    "plans": "qc",
    "serviceplans": "qc",
}


def app_enabled(app_label: str) -> bool:
    wanted = APP_JURISDICTION.get(app_label)
    return wanted is None or wanted == settings.SENTIER_JURISDICTION


def module_enabled(module: str) -> bool:
    """``sentier.plans.panels`` → is the ``plans`` app offered here?"""
    parts = module.split(".")
    return app_enabled(parts[1]) if len(parts) > 1 and parts[0] == "sentier" else True
