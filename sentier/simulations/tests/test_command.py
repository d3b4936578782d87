"""``sentier simulate``: the JSON contract of issue 20, and exit code 2 with a clear message (no
traceback) for an unknown path, a value of the wrong type or a malformed date."""

from __future__ import annotations

import json
from typing import Any
from unittest import mock

import pytest
from django.core.management import ManagementUtility
from django.db import connections

from sentier.simulations.models import SimulationRun

pytestmark = pytest.mark.django_db

D = "2027-01-15"


def _run(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str, str]:
    code = 0
    # A command run from the command line closes every connection as it ends; in a test that is
    # the test's own transaction (PostgreSQL then refuses every later query).
    with mock.patch.object(connections, "close_all"):
        try:
            ManagementUtility(["sentier", "simulate", *args]).execute()
        except SystemExit as exit_:
            code = int(exit_.code or 0)
    out, err = capsys.readouterr()
    return code, out, err


def test_json_follows_the_contract(
    capsys: pytest.CaptureFixture[str], montreal_participant: Any
) -> None:
    code, out, _err = _run(
        capsys,
        "--date", "2027-01-15",
        "--set", "support_plan.regions.06@2027-01-01=true",
        "--set", "paas_action.monthly_allowance@2027-01-01=200",
        "--format", "json",
    )  # fmt: skip

    assert code == 0
    data = json.loads(out)
    assert set(data) == {"date", "rules_version", "changes", "measures", "costs"}
    assert data["date"] == "2027-01-15"
    assert data["changes"] == [
        {"path": "support_plan.regions.06", "from": "2027-01-01", "value": True},
        {"path": "paas_action.monthly_allowance", "from": "2027-01-01", "value": "200.00"},
    ]
    assert [m["measure"] for m in data["measures"]] == [
        "support_plan",
        "service_plan",
        "paas_action",
    ]
    for measure in data["measures"]:
        for row in measure["by_region"]:
            assert set(row) == {"region", "baseline", "reform", "suppressed"}
            if row["suppressed"]:
                assert row["baseline"] is None
                assert row["reform"] is None
    assert [c["item"] for c in data["costs"]] == ["paas_allowance", "paas_organization_payment"]
    for cost in data["costs"]:
        assert cost["period"] == "2027-01"
        assert cost["suppressed"] or isinstance(cost["baseline"], str)
    assert SimulationRun.objects.get().channel == "command"


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (("--date", D, "--set", "support_plan.regions.66@2027-01-01=true"), "regions.66"),
        (("--date", D, "--set", "paas_action.monthly_allowance@2027-01-01=beaucoup"), ""),
        (("--date", "15/01/2027", "--set", "support_plan.regions.06@2027-01-01=true"), "15/01"),
        (("--date", D, "--set", "support_plan.regions.06@2027-1-1=true"), "2027-1-1"),
        (("--date", D, "--set", "support_plan.regions.06=true"), ""),
        (("--date", D), ""),
        (("--date", D, "--set", "support_plan.regions.06@2027-01-01=true", "--format", "xml"), ""),
    ],
)
def test_bad_input_exits_2_without_traceback(
    capsys: pytest.CaptureFixture[str], args: tuple[str, ...], message: str
) -> None:
    code, out, err = _run(capsys, *args)

    assert code == 2
    assert out == ""
    assert "Traceback" not in err
    assert message in err
    assert err.strip()
    assert not SimulationRun.objects.exists()
