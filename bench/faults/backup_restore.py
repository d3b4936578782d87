"""Backup and restore: ``pg_dump`` the load test's database, restore it into a fresh cluster,
and prove the copy: the same rows in every table (count and checksum), and the access log still
append-only there, its triggers in place.

    .venv/bin/python bench/load/stack.py prepare   # once
    .venv/bin/python bench/faults/backup_restore.py

The procedure it follows is the one in docs/deployment.md ("Backup and restore"): a custom-format
dump (``pg_dump -Fc``), a new cluster, ``createdb``, ``pg_restore --exit-on-error``. The restored
cluster runs on port 54406 (``$SENTIER_LOAD_REPLICA_PORT``; stop the replica first) and is
removed afterwards. Figures go to docs/benchmarks.md.
"""

from __future__ import annotations

import os
import subprocess
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[2]))

from bench._report import machine_description, write_section
from bench.load import stack

PORT = int(os.environ.get("SENTIER_LOAD_REPLICA_PORT", "54406"))
RESTORED = stack.DIR / "restored"
DUMP = stack.DIR / "sentier.dump"
TRIGGERS = ("audit_accesslog_append_only", "audit_accesslog_refuse_truncate")


def tables(port: int) -> list[str]:
    return stack.psql(
        "SELECT tablename FROM pg_tables WHERE schemaname = 'public' ORDER BY 1", port=port
    ).split()


def fingerprint(table: str, port: int) -> str:
    """Rows and a checksum of their contents, whatever their physical order."""
    ident = '"' + table.replace('"', '""') + '"'
    return stack.psql(
        f"SELECT count(*) || ' ' || md5(coalesce(string_agg(h, '' ORDER BY h), '')) "  # noqa: S608
        f"FROM (SELECT md5(t::text) AS h FROM {ident} t) rows",
        port=port,
    ).strip()


def refused(sql: str, port: int) -> bool:
    try:
        stack.psql(sql, port=port)
    except subprocess.CalledProcessError:
        return True
    return False


def main() -> int:
    stack.down()
    if not (stack.DATA / "postmaster.pid").exists():
        stack.start_cluster()
    started = time.monotonic()
    client = ["-h", str(stack.SOCKET), "-U", "postgres"]
    dump = ["-p", str(stack.PG_PORT), "-Fc", "-f", str(DUMP), "sentier"]
    stack.as_postgres([str(stack.PGBIN / "pg_dump"), *client, *dump])
    dumped = time.monotonic() - started
    size = DUMP.stat().st_size
    if (RESTORED / "postmaster.pid").exists():
        stack.pg_ctl(RESTORED, "-m", "immediate", "stop")
    subprocess.run(["rm", "-rf", str(RESTORED)], check=True)
    RESTORED.mkdir()
    if os.getuid() == 0:
        subprocess.run(["chown", "postgres:postgres", str(RESTORED)], check=True)
    initdb = [str(stack.PGBIN / "initdb"), "-D", str(RESTORED), "-U", "postgres", "--auth=trust"]
    stack.as_postgres([*initdb, "-E", "UTF8", "--locale=C.UTF-8"], stdout=subprocess.DEVNULL)
    stack.start_cluster(RESTORED, PORT)
    try:
        started = time.monotonic()
        stack.psql("CREATE DATABASE sentier", database="postgres", port=PORT)
        restore = ["-p", str(PORT), "-d", "sentier", "--exit-on-error", "--jobs=2", str(DUMP)]
        stack.as_postgres([str(stack.PGBIN / "pg_restore"), *client, *restore])
        restored = time.monotonic() - started
        names = tables(stack.PG_PORT)
        mismatched = [
            name for name in names if fingerprint(name, stack.PG_PORT) != fingerprint(name, PORT)
        ]
        missing = sorted(set(names) - set(tables(PORT)))
        rows = sum(int(fingerprint(name, PORT).split()[0]) for name in names)
        triggers = stack.psql(
            "SELECT tgname FROM pg_trigger WHERE tgrelid = 'audit_accesslog'::regclass "
            "AND NOT tgisinternal ORDER BY 1",
            port=PORT,
        ).split()
        log_rows = stack.psql("SELECT count(*) FROM audit_accesslog", port=PORT).strip()
        update = refused("UPDATE audit_accesslog SET visitor = 'x'", PORT)
        delete = refused("DELETE FROM audit_accesslog", PORT)
        truncate = refused("TRUNCATE audit_accesslog", PORT)
        after = stack.psql("SELECT count(*) FROM audit_accesslog", port=PORT).strip()
    finally:
        stack.pg_ctl(RESTORED, "-m", "fast", "-w", "stop")
        subprocess.run(["rm", "-rf", str(RESTORED)], check=True)
    ok = (
        not mismatched
        and not missing
        and all(t in triggers for t in TRIGGERS)
        and update
        and delete
        and truncate
        and after == log_rows
    )
    text = "\n".join(
        [
            "## Backup and restore (`bench/faults/backup_restore.py`)",
            "",
            f"Machine: {machine_description()}; shared with other work. The load test's "
            "database, dumped with `pg_dump -Fc` and restored with `pg_restore --jobs=2 "
            "--exit-on-error` into a new PostgreSQL 15 cluster (docs/deployment.md).",
            "",
            f"- Dump: {dumped:.1f} s, {size / 1024 / 1024:.1f} MiB; restore: {restored:.1f} s.",
            f"- {len(names)} tables, {rows:,} rows: count and checksum (md5 of the sorted md5s "
            f"of the rows) **{'the same in every table' if not mismatched else 'DIFFERENT in '}"
            f"{', '.join(mismatched)}**; tables missing after the restore: {missing or 'none'}.",
            f"- Access log after the restore: triggers {', '.join(triggers) or 'NONE'}; UPDATE "
            f"refused: {update}, DELETE refused: {delete}, TRUNCATE refused: {truncate}; "
            f"{log_rows} rows before those tries and {after} after.",
            f"- Verdict: **{'the restore is a faithful copy' if ok else 'FAILED'}**.",
        ]
    )
    print(text)
    write_section("backup_restore", text)
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
