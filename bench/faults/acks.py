"""Check every write the load test saw acknowledged against the database: each one there
exactly once. Used by the fault scripts after a run (``bench/load/locustfile.py`` records them
under ``$SENTIER_LOAD_DIR/acks/``)."""

from __future__ import annotations

import json
import sys
import uuid
from dataclasses import dataclass
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[2]))

from bench.load import stack


@dataclass(frozen=True)
class Verdict:
    acknowledged: int
    lost: int
    duplicated: int
    unacknowledged_in_db: int  # written, but the client saw an error (never told "saved")

    @property
    def ok(self) -> bool:
        return self.lost == 0 and self.duplicated == 0


def clear() -> None:
    folder = stack.DIR / "acks"
    folder.mkdir(exist_ok=True)
    for path in folder.glob("*.jsonl"):
        path.unlink()


def acknowledged() -> list[dict[str, str]]:
    rows = []
    for path in sorted((stack.DIR / "acks").glob("*.jsonl")):
        rows += [json.loads(line) for line in path.read_text().splitlines() if line.strip()]
    return rows


def check(run: str, since: str | None = None) -> dict[str, Verdict]:
    """The verdict on the acknowledged writes of the run marked ``run`` (SENTIER_LOAD_RUN);
    referrals accepted since ``since`` (PostgreSQL's ``now()`` when the run began) without an
    acknowledgement are counted as written while the client saw an error."""
    acks = acknowledged()
    notes = {a["token"] for a in acks if a["kind"] == "note"}
    applications = {a["resume_key"] for a in acks if a["kind"] == "application"}
    in_db: dict[str, int] = {}
    sql = "SELECT data->>'text', count(*) FROM participants_timelineevent WHERE data->>'text' "
    for line in stack.psql(sql + f"LIKE 'load-{run}-%' GROUP BY 1").splitlines():
        token, count = line.split("\t")
        in_db[token] = int(count)
    submitted = set(
        stack.psql("SELECT resume_key FROM intake_application WHERE status = 'submitted'").split()
    )
    accepted = {a["referral"] for a in acks if a["kind"] == "accept"}
    moves: dict[str, int] = {}
    recent: set[str] = set()
    if accepted or since:
        sql = (
            "SELECT r.uuid, count(*), max(t.at) >= %s FROM referrals_referraltransition t "
            "JOIN referrals_referral r ON r.id = t.referral_id WHERE t.to_status = 'accepted' "
        )
        floor = f"'{since}'" if since else "'infinity'"
        listed = _quoted(accepted)
        where = " OR ".join([f"t.at >= {floor}"] + ([f"r.uuid IN ({listed})"] if listed else []))
        for line in stack.psql(sql % floor + f"AND ({where}) GROUP BY 1").splitlines():
            referral, count, late = line.split("\t")
            moves[referral] = int(count)
            if late == "t":
                recent.add(referral)
    return {
        "notes": Verdict(
            acknowledged=len(notes),
            lost=sum(1 for token in notes if token not in in_db),
            duplicated=sum(1 for count in in_db.values() if count > 1),
            unacknowledged_in_db=sum(1 for token in in_db if token not in notes),
        ),
        "applications sent": Verdict(
            acknowledged=len(applications),
            lost=len(applications - submitted),
            duplicated=0,  # resume_key is unique: one row per application
            unacknowledged_in_db=len(_sent_since(since) - applications) if since else 0,
        ),
        "referrals accepted": Verdict(
            acknowledged=len(accepted),
            lost=sum(1 for referral in accepted if referral not in moves),
            duplicated=sum(1 for referral in accepted if moves.get(referral, 0) > 1),
            unacknowledged_in_db=len(recent - accepted),
        ),
    }


def _sent_since(since: str) -> set[str]:
    """Applications sent since ``since`` (PostgreSQL's ``now()`` when the run began)."""
    sql = "SELECT resume_key FROM intake_application WHERE status = 'submitted' "
    return set(stack.psql(sql + f"AND submitted_at >= '{since}'").split())


def _quoted(values: set[str]) -> str:
    """Referral uuids (from our own acknowledgements) as SQL literals."""
    return ", ".join(f"'{value}'" for value in sorted(values) if _is_uuid(value))


def _is_uuid(value: str) -> bool:
    try:
        uuid.UUID(value)
    except ValueError:
        return False
    return True
