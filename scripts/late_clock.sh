#!/usr/bin/env bash
# Runs a command with the clock at 23:30 local time on 31 December of this year (libfaketime), the
# hour at which the UTC date, day and year are already tomorrow's. `make test` runs the Python suite
# this way once, so that a UTC date read as a local one fails the build at any hour of the day.
#   scripts/late_clock.sh COMMAND [ARGS...]
# The local zone is the application's (SENTIER_TIME_ZONE, America/Toronto by default). The clock
# keeps running from there.
set -euo pipefail
LIB=$(ls /usr/lib/*/faketime/libfaketimeMT.so.1 2>/dev/null | head -n1 || true)
if [ -z "$LIB" ]; then
    echo "libfaketime is missing: install Debian's faketime package (make test-deps)" >&2
    exit 2
fi
PYTHON=${PYTHON:-.venv/bin/python}
# An offset from the real clock rather than a start instant, so that every process the command
# starts (worker processes, the server of a browser test) shares one clock.
OFFSET=$("$PYTHON" - <<'PY'
import datetime as dt
import os
import zoneinfo

zone = zoneinfo.ZoneInfo(os.environ.get("SENTIER_TIME_ZONE", "America/Toronto"))
now = dt.datetime.now(zone)
late = dt.datetime(now.year, 12, 31, 23, 30, tzinfo=zone)
print(f"{int((late - now).total_seconds()):+d}")
PY
)
echo "late_clock: the clock is moved ${OFFSET} s, to 23:30 on 31 December (local)" >&2
# The monotonic clock is shifted too: with it left real, libfaketime makes sleep() fail (EINVAL).
export FAKETIME="${OFFSET}s" FAKETIME_DONT_FAKE_MONOTONIC=0 LD_PRELOAD="$LIB"
exec "$@"
