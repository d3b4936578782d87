"""The menu registry: apps add entries in their AppConfig.ready, the order is declared."""

from __future__ import annotations

import pytest

from sentier.core import menu


@pytest.fixture
def empty_registry(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(menu, "_registry", [])


def test_entries_come_in_declared_order_not_registration_order(empty_registry: None) -> None:
    menu.register(30, "Third", "c:third", "participants.hold_caseload")
    menu.register(10, "First", "a:first", "participants.hold_caseload")
    menu.register(20, "Second", "b:second", "participants.view_own_file")
    assert [entry.url_name for entry in menu.entries()] == ["a:first", "b:second", "c:third"]
    assert menu.entries()[1].permission == "participants.view_own_file"
    assert menu.entries()[2].app_label == "c"


def test_registering_the_same_page_twice_keeps_one_entry(empty_registry: None) -> None:
    first = menu.register(10, "Home", "core:home", "participants.hold_caseload")
    again = menu.register(10, "Home", "core:home", "participants.hold_caseload")
    assert again is first
    assert len(menu.entries()) == 1


def test_two_pages_cannot_claim_the_same_place(empty_registry: None) -> None:
    menu.register(10, "Home", "core:home", "participants.hold_caseload")
    with pytest.raises(ValueError, match="menu order 10 is taken"):
        menu.register(10, "Caseload", "participants:caseload", "participants.hold_caseload")


def test_the_installed_apps_register_the_whole_menu_in_its_order() -> None:
    """Every entry of the menu, registered by the app that owns the page, in the order the
    menu had when the site wired it by hand."""
    assert [entry.url_name for entry in menu.entries()] == [
        "core:home",
        "participants:caseload",
        "intake:review_queue",
        "participants:my_file",
        "participants:my_access_log",
        "paas:placement_list",
        "paas:claim_list",
        "paas:organization",
        "paas:attendance_group",
        "paas:ministry",
        "paas:statement_list",
        "plans:my_plan",
        "referrals:mine",
        "consent:mine",
        "plans:worklist",
        "plans:shared_list",
        "serviceplans:list",
        "referrals:sent",
        "referrals:inbox",
        "correspondence:notices",
        "network:capacity",
        "exchange:keys",
        "ontario:ow_intake_queue",
        "ontario:assessment_queue",
        "ontario:odsp_queue",
        "network:directory",
        "network:import",
        "serviceplans:networks",
        "decisions:rules",
        "insights:dashboard",
        "simulations:home",
        "core:statistics",
        "admin:index",
    ]
