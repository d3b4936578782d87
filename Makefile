# Sentier: the two commands are `make run` and `make test`. Everything else is what they call.
SHELL := /bin/bash
.DEFAULT_GOAL := help

PYTHON ?= python3.11
export UV_PYTHON := $(PYTHON)
export UV_PYTHON_DOWNLOADS := never
export UV_PYTHON_PREFERENCE := only-system
# One BLAS thread a process unless the environment says otherwise, as the `sentier` command has it
# (sentier/cli.py): the tests run two processes on two cores, and OpenBLAS's threads spin against
# the other process's (pytest's plugins load numpy before conftest.py could set it).
export OPENBLAS_NUM_THREADS ?= 1
UV := $(PYTHON) -m uv
VENV := .venv
PY := $(VENV)/bin/python
MANAGE := $(PY) manage.py
HOST ?= 127.0.0.1
PORT ?= 8000

.PHONY: help run serve install python-deps node-deps assets system-deps messages compilemessages \
        migrate demo test test-deps checks lint typecheck migrations-check catalogs-check collect-tests pytest \
        pytest-sqlite pytest-now pytest-postgres e2e bench clean

help:
	@echo "make run    install everything, load demo data, serve on http://$(HOST):$(PORT)"
	@echo "make test   lint, types, migrations, catalogs, tests on SQLite and PostgreSQL, browser tests"
	@echo "make bench  benchmarks (figures go to docs/benchmarks.md)"

## ---------------------------------------------------------------- install
# What `make run` needs; `make test` adds test-deps (a PostgreSQL server, Chromium, libfaketime).
system-deps:
	@missing=""; \
	command -v xgettext >/dev/null || missing="$$missing gettext"; \
	command -v npm >/dev/null || missing="$$missing npm"; \
	ldconfig -p | grep -q libpango-1.0 || missing="$$missing libpango-1.0-0 libpangoft2-1.0-0"; \
	fc-list 2>/dev/null | grep -qi dejavu || missing="$$missing fonts-dejavu-core"; \
	scripts/apt_install.sh $$missing

test-deps: system-deps
	@missing=""; \
	[ -x /usr/lib/postgresql/15/bin/initdb ] || missing="$$missing postgresql-15"; \
	[ -x /usr/bin/chromium ] || missing="$$missing chromium"; \
	ls /usr/lib/*/faketime/libfaketimeMT.so.1 >/dev/null 2>&1 || missing="$$missing faketime"; \
	scripts/apt_install.sh $$missing

# Byte-code is compiled once here: where PYTHONDONTWRITEBYTECODE is set (this machine and its CI),
# Python would otherwise compile Django, NumPy, statsmodels… again in every process it starts
# (each test process, server and command: 6.5 s of CPU against 2.2 s to start one).
$(VENV)/.synced: pyproject.toml uv.lock
	@$(PYTHON) -m uv --version >/dev/null 2>&1 || $(PYTHON) -m pip install --quiet uv
	$(UV) sync --frozen --compile-bytecode
	@touch $@

python-deps: $(VENV)/.synced
	@$(PY) -m compileall -q -j 0 sentier sentier_rules config e2e bench conftest.py manage.py >/dev/null

node_modules/.installed: package.json package-lock.json
	npm ci --no-audit --no-fund --loglevel=error
	@touch $@

node-deps: node_modules/.installed

assets: node-deps python-deps
	$(PY) scripts/build_assets.py

install: system-deps python-deps assets compilemessages

compilemessages: python-deps
	$(MANAGE) compilemessages -v0 --ignore=.venv --ignore=node_modules

messages: python-deps
	$(MANAGE) makemessages -l fr_CA -l en_CA -l es -l ar -l ht --no-obsolete --no-location \
		--ignore='node_modules/*' --ignore='var/*' --ignore='.venv/*' --ignore='static/vendor/*' \
		--ignore='e2e/*' --ignore='bench/*'

## ---------------------------------------------------------------- run
migrate: python-deps
	@mkdir -p var
	$(MANAGE) migrate -v0
	$(MANAGE) createcachetable

demo: migrate
	$(MANAGE) load_reference
	$(MANAGE) load_demo --quiet-logins

run: install demo
	@$(MANAGE) load_demo --logins-only
	@echo ""
	@echo "Sentier is starting on http://$(HOST):$(PORT)/  (Ctrl+C to stop)"
	@echo "Demo mode: multi-factor authentication is off (SENTIER_REQUIRE_MFA=0)."
	@echo "Background work (e-mails, imports, outbox deliveries) runs beside it; logs in var/log/."
	@mkdir -p var/log
	@export SENTIER_DEBUG=$${SENTIER_DEBUG:-1} SENTIER_BASE_URL=$${SENTIER_BASE_URL:-http://$(HOST):$(PORT)}; \
	$(MANAGE) task_worker --no-reload >var/log/task_worker.log 2>&1 & worker=$$!; \
	$(MANAGE) deliver_outbox --loop --interval 5 >var/log/deliver_outbox.log 2>&1 & outbox=$$!; \
	trap 'kill $$worker $$outbox 2>/dev/null' EXIT INT TERM; \
	$(MANAGE) runserver $(HOST):$(PORT)

## ---------------------------------------------------------------- test
lint: python-deps
	$(VENV)/bin/ruff check .
	$(VENV)/bin/ruff format --check .
	$(VENV)/bin/lint-imports --no-cache

typecheck: python-deps
	$(VENV)/bin/mypy .

migrations-check: python-deps
	@mkdir -p var
	$(MANAGE) makemigrations --check --dry-run

catalogs-check: python-deps
	$(PY) scripts/check_catalogs.py

# The SQLite and browser suites run in parallel processes (pytest-xdist), one per core unless
# PYTEST_WORKERS says otherwise. Tests are dealt out one by one in collection order (conftest.py
# sets xdist's --maxschedchunk=1: its default first chunk gave one process every long test), where
# pytest-django puts the tests that flush the database last: a flush never runs before a test that
# needs the reference rows the migrations wrote (dealing out whole files did that on PostgreSQL).
# The PostgreSQL run is dealt out the same way (pytest-django gives each process its own database),
# and keeps only the tests that reach the database (conftest.py): the others just ran on SQLite.
# In both runs the migrations run once, in the first process that needs a database; the others
# wait for it and copy its database (conftest.py: SQLite's backup API, PostgreSQL's TEMPLATE).
PYTEST_WORKERS ?= auto
XDIST := -n $(PYTEST_WORKERS) --dist load

# A test that hangs fails with its stack after this many seconds instead of running CI out of time
# (pytest-timeout); a browser test walks many pages and gets longer. Only the test itself is timed:
# creating the test databases (every migration, or waiting for them) can take longer on a loaded
# machine, and a fixture that timed out would fail every later test of its process. --durations
# names the slowest.
# Each suite's lines as they come, each marked with its suite (`make test` runs two parts at
# once); the suite's own exit status kept (pipefail).
tag = sed -u 's/^/[$(1)] /'
UNIT_LIMITS := --timeout=300 -o timeout_func_only=true --durations=5
# pytest rewrites each test module's asserts and keeps the result in __pycache__, but not where
# PYTHONDONTWRITEBYTECODE is set (this machine and CI): every test process then parsed, rewrote
# and compiled all ~750 test modules again, about 8 s of a collection's 17-22 s of CPU
# (docs/benchmarks.md, "Session 17, suite20"). Set empty (off) for the suites only: the first
# process writes them (atomically, with the source's mtime and size, as pytest always does), the
# later ones read them. Everything else is already compiled (python-deps).
PYTEST_ENV := PYTHONDONTWRITEBYTECODE=
E2E_LIMITS := --timeout=900 -o timeout_func_only=true --durations=8

# The SQLite run has the clock at 23:30 local on 31 December, when the UTC date is already
# tomorrow's and the UTC year next year's; the PostgreSQL run keeps the real hour. Between them,
# every test runs at an hour where UTC and local dates differ and at the hour CI happens to run.
pytest-sqlite: test-deps python-deps compilemessages
	@mkdir -p var/pytest
	set -o pipefail; $(PYTEST_ENV) scripts/late_clock.sh $(VENV)/bin/pytest -m "not e2e" -p no:cacheprovider \
	    $(XDIST) $(UNIT_LIMITS) --basetemp=var/pytest/sqlite 2>&1 | $(call tag,sqlite)

# The same at the real hour, for a quick check by hand.
pytest-now: python-deps compilemessages
	$(PYTEST_ENV) $(VENV)/bin/pytest -m "not e2e" -p no:cacheprovider

# Autovacuum off: after the rolled-back tests it marks the tables empty and the planner then
# picks one-row plans for the demo a later test loads (docs/benchmarks.md, "Test suite time").
pytest-postgres: test-deps python-deps compilemessages
	@mkdir -p var/pytest
	@set -o pipefail; { url=$$(SENTIER_PG_AUTOVACUUM=off scripts/pg_test_cluster.sh start) && trap 'scripts/pg_test_cluster.sh stop' EXIT && \
	DATABASE_URL="$$url" SENTIER_DATABASE_TESTS_ONLY=1 $(PYTEST_ENV) $(VENV)/bin/pytest -m "not e2e" -p no:cacheprovider $(XDIST) $(UNIT_LIMITS) \
	    --basetemp=var/pytest/postgres sentier; } 2>&1 | $(call tag,postgresql)

e2e: test-deps python-deps assets compilemessages
	@mkdir -p var/pytest
	set -o pipefail; $(PYTEST_ENV) $(VENV)/bin/pytest -m e2e -p no:cacheprovider $(XDIST) $(E2E_LIMITS) \
	    --basetemp=var/pytest/e2e e2e 2>&1 | $(call tag,browser)

# The static checks are single-threaded: two at a time on two cores (types, the longest, beside
# the others), each one's output printed whole when it ends.
checks: python-deps
	@$(MAKE) --no-print-directory -j2 --output-sync=target lint typecheck migrations-check \
	    catalogs-check collect-tests

# Every test collected once, beside the type check (which keeps one core): a module that does not
# import fails here, and pytest keeps every test module rewritten (PYTEST_ENV), so that the six
# test processes after it read them instead of rewriting them each (26.5 s of CPU for a
# collection from nothing, 9.6 s after; docs/benchmarks.md, "Session 17").
collect-tests: python-deps
	@out=$$($(PYTEST_ENV) $(VENV)/bin/pytest --collect-only -p no:cacheprovider 2>&1) \
	    || { echo "$$out"; exit 1; }; echo "$$out" | tail -1

# `make test` installs first (the suites read static/vendor/), then runs the static checks (two at
# a time, `checks`) and the three suites one after the other. `make test TEST_JOBS=2` runs the
# seven parts two at a time instead: tried as the default in session 15 and slower from a fresh
# clone (the two database suites side by side: SQLite 1,608 s and PostgreSQL 1,744 s, both done
# 1,900 s after they began, where one after the other they take 627 + 702 s; four test processes
# and PostgreSQL on two cores; docs/benchmarks.md, "Test suite time"). Output comes as it is written, each suite's lines marked with its name. Each suite
# keeps its own temporary folder (`--basetemp` under var/pytest/): two runs at once never share or
# clean up each other's, whatever clock the SQLite run has.
TEST_JOBS ?= 1
TEST_PARTS = $(if $(filter 1,$(TEST_JOBS)),checks,lint typecheck migrations-check catalogs-check \
    collect-tests) \
    pytest-sqlite pytest-postgres e2e

test: test-deps python-deps assets
	@$(MAKE) --no-print-directory -j$(TEST_JOBS) $(TEST_PARTS)
	@echo "make test: all checks passed."

## ---------------------------------------------------------------- bench
bench: test-deps python-deps
	@url=$$(scripts/pg_test_cluster.sh start) && trap 'scripts/pg_test_cluster.sh stop' EXIT && \
	for b in bench/bench_*.py; do echo "== $$b"; DATABASE_URL="$$url" $(PY) $$b || exit 1; done

clean:
	rm -rf var static/vendor node_modules $(VENV)
