"""The menu: how a capability adds its entries to the navigation without the site knowing it.

Each app registers its entries in its ``<app>/menu.py``, imported by its ``apps.py`` (a menu
module imports no model, so it loads with the app), as it registers panels
(:mod:`sentier.core.panels`). An entry names the URL of its page, the
permission that shows it (a name registered in an app's ``permissions.py``; none: everyone signed
in) and its place in the menu. The site layer reads :func:`entries` and keeps, for the signed-in
person, those whose app is offered in this jurisdiction (:mod:`sentier.core.jurisdiction`, from
the URL's namespace) and whose permission the person holds (``sentier.accounts.permissions.may``).

The order is declared, not inherited from ``INSTALLED_APPS``: entries are sorted by ``order``.
Today's menu, top to bottom:

====  =========================================================
10    Home (site)
20    Caseload (participants)
30    Applications (intake)
40    My file, 50 Who viewed my file (participants)
60    PAAS Action, 70 Expense claims (paas, caseworkers)
80    PAAS Action, 90 Attendance (paas, partner staff)
100   PAAS Action places, 110 Monthly statements (paas, Ministry)
120   My plan (plans)
130   My referrals (referrals)
140   My consents (consent)
150   Support plans (plans)
160   Service plans (serviceplans)
170   Referrals, 180 Referrals received (referrals)
185   Letters and calls (correspondence)
190   Capacity (network)
200   Partner systems (exchange)
210   Local office worklist, 220 ODSP intake (ontario)
230   Directory, 240 Import services (network)
250   Regional networks (serviceplans)
260   Rules (decisions)
265   Simulations (simulations)
270   Statistics, 280 Administration (site)
====  =========================================================
"""

from __future__ import annotations

from dataclasses import dataclass

from django.utils.functional import Promise


@dataclass(frozen=True)
class MenuEntry:
    order: int
    label: str | Promise
    url_name: str
    # The permission that shows the entry (None: every signed-in person).
    permission: str | None = None

    @property
    def app_label(self) -> str:
        """The app the page belongs to, from its URL namespace (``paas:claim_list`` → ``paas``)."""
        return self.url_name.split(":", 1)[0]


_registry: list[MenuEntry] = []


def register(
    order: int,
    label: str | Promise,
    url_name: str,
    permission: str | None = None,
) -> MenuEntry:
    """Add an entry (once: registering the same URL name twice keeps the first)."""
    for existing in _registry:
        if existing.url_name == url_name:
            return existing
        if existing.order == order:
            taken = f"menu order {order} is taken by {existing.url_name!r}"
            raise ValueError(f"{taken}; pick another for {url_name!r}")
    entry = MenuEntry(order, label, url_name, permission)
    _registry.append(entry)
    return entry


def entries() -> list[MenuEntry]:
    """Every registered entry, in menu order."""
    return sorted(_registry, key=lambda entry: entry.order)
