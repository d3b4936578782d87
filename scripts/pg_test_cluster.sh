#!/usr/bin/env bash
# A throw-away PostgreSQL 15 cluster for the test suite: unix socket only, trust auth, in /tmp.
#   scripts/pg_test_cluster.sh start   -> prints the DATABASE_URL to use
#   scripts/pg_test_cluster.sh stop    -> stops it and removes its files
# initdb refuses to run as root, so as root the cluster runs as the 'postgres' system user.
set -euo pipefail
PGBIN=${PGBIN:-/usr/lib/postgresql/15/bin}
DIR=${SENTIER_PG_DIR:-/tmp/sentier-pg-test}
PORT=${SENTIER_PG_PORT:-54329}
# SENTIER_PG_AUTOVACUUM=off for the test suite: tests roll their rows back, autovacuum then
# records the tables as empty (reltuples 0 over many pages), and a later test that loads the demo
# in its transaction gets plans made for one row (10-second joins). Benchmarks keep it on.
AUTOVACUUM=${SENTIER_PG_AUTOVACUUM:-on}

as_owner() {
    if [ "$(id -u)" = "0" ]; then
        su postgres -s /bin/bash -c "$*"
    else
        bash -c "$*"
    fi
}

case "${1:-}" in
start)
    if [ ! -x "$PGBIN/initdb" ]; then
        echo "PostgreSQL 15 is missing: installing postgresql-15" >&2
        apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq postgresql-15 >&2
    fi
    if [ -f "$DIR/data/postmaster.pid" ]; then
        as_owner "$PGBIN/pg_ctl -D $DIR/data -m immediate stop" >/dev/null 2>&1 || true
    fi
    rm -rf "$DIR"
    mkdir -p "$DIR/data" "$DIR/socket"
    if [ "$(id -u)" = "0" ]; then chown -R postgres:postgres "$DIR"; fi
    as_owner "$PGBIN/initdb -D $DIR/data -U postgres --auth=trust -E UTF8 --locale=C.UTF-8" >/dev/null
    as_owner "$PGBIN/pg_ctl -D $DIR/data -l $DIR/log -w -o \"-p $PORT -k $DIR/socket -c listen_addresses='' -c fsync=off -c synchronous_commit=off -c full_page_writes=off -c autovacuum=$AUTOVACUUM\" start" >/dev/null
    "$PGBIN/createdb" -h "$DIR/socket" -p "$PORT" -U postgres sentier
    echo "postgres://postgres@/sentier?host=$DIR/socket&port=$PORT"
    ;;
stop)
    if [ -d "$DIR/data" ]; then
        as_owner "$PGBIN/pg_ctl -D $DIR/data -m fast -w stop" >/dev/null 2>&1 || true
    fi
    rm -rf "$DIR"
    ;;
*)
    echo "usage: $0 start|stop" >&2
    exit 2
    ;;
esac
