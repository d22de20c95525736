# Concord — the two commands a newcomer needs: `make run` and `make test`.
SHELL := /bin/bash
.DEFAULT_GOAL := help

# The first Python >= 3.12 found: $(PYTHON) if given, then python3.13/3.12 on PATH,
# then pyenv's and the usual install locations.
PYTHON ?= $(shell for p in python3.13 python3.12 python3 \
	$$HOME/.pyenv/versions/3.13*/bin/python3 $$HOME/.pyenv/versions/3.12*/bin/python3 \
	/root/.pyenv/versions/3.13*/bin/python3 /root/.pyenv/versions/3.12*/bin/python3 \
	/usr/local/bin/python3.13 /usr/local/bin/python3.12 /usr/bin/python3.13 /usr/bin/python3.12; do \
	command -v $$p >/dev/null 2>&1 || [ -x "$$p" ] || continue; \
	$$p -c 'import sys; sys.exit(sys.version_info < (3, 12))' 2>/dev/null && { command -v $$p || echo $$p; } && break; \
	done | head -n 1)
UV_VERSION := 0.13.9
VENV := .venv
BIN := $(VENV)/bin
UV := $(BIN)/uv
export UV_PYTHON_DOWNLOADS := never
export UV_PROJECT_ENVIRONMENT := $(VENV)
MANAGE := $(BIN)/python manage.py
# In CI (CI=true) the end-to-end tests fail, rather than skip, without a browser.
ifeq ($(CI),true)
export CONCORD_REQUIRE_BROWSER ?= 1
endif

.PHONY: help python venv install install-dev run serve test suite system-packages lint bench e2e \
	scale-test messages clean

help:
	@echo "make run    install, start PostgreSQL, migrate, load the demo and serve http://127.0.0.1:8000"
	@echo "make test   install what is missing, lint, check migrations, run the whole suite on"
	@echo "            a private PostgreSQL and Redis"
	@echo "make bench  benchmark the public pages on a 500-course catalogue"
	@echo "make e2e    only the end-to-end tests in headless Chromium"
	@echo "make scale-test  two web processes, two workers and a beat on one PostgreSQL,"
	@echo "            Redis and S3 server: races, kill -9, shared cache (CI runs it after make test)"
	@echo "make messages  update and compile the translations (needs gettext)"

python:
	@if [ -z "$(PYTHON)" ]; then \
		echo "Concord needs Python 3.12 or newer; none was found. Install one, or pass PYTHON=/path/to/python3.12." >&2; \
		exit 1; fi
	@echo "Using $(PYTHON) ($$($(PYTHON) --version))"

$(BIN)/python: | python
	$(PYTHON) -m venv $(VENV)

$(UV): $(BIN)/python
	$(BIN)/python -m pip install --quiet --disable-pip-version-check "uv==$(UV_VERSION)"

venv: $(UV)

# "local": the embedded PostgreSQL of `make run` and `make test` (not in the production image).
install: venv
	$(UV) sync --frozen --inexact --no-dev --group local --python $(BIN)/python

install-dev: venv
	$(UV) sync --frozen --inexact --group local --python $(BIN)/python

# Services (config/services.py): an embedded PostgreSQL with its data in var/postgres,
# unless DATABASE_URL is set; a private redis-server if one is installed, unless REDIS_URL
# is set. They stop with the rest on Ctrl+C; the next run reuses the data.
run: install
	@mkdir -p var/media var/mail
	$(BIN)/python -m config.services run -- $(MAKE) --no-print-directory serve

serve:
	$(MANAGE) migrate --noinput
	$(MANAGE) collectstatic --noinput --verbosity 0
	$(MANAGE) credential_keys
	$(MANAGE) seed_demo
	@$(BIN)/python -m config.banner
	PATH="$(abspath $(BIN)):$$PATH" $(BIN)/honcho --procfile Procfile start

node_modules/.package-lock.json: package.json package-lock.json
	@if command -v npm >/dev/null 2>&1; then npm ci --no-audit --no-fund --loglevel=error; \
	else echo "npm not found: the accessibility scan will be skipped." >&2; fi

lint: install-dev
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .
	$(BIN)/lint-imports

# The Debian packages the suite needs: installed when root, else the apt-get line to run.
system-packages: install-dev
	$(BIN)/python -m config.preflight packages

# Without DATABASE_URL / REDIS_URL: a throw-away embedded PostgreSQL and a private
# redis-server on free ports, stopped at the end (also on failure or Ctrl+C).
test: system-packages lint node_modules/.package-lock.json
	$(BIN)/python -m config.services test -- $(MAKE) --no-print-directory suite

# The test settings, whatever the environment says (importing the config package, as
# `python -m config.services` does, sets the development ones for Celery's sake).
suite: export DJANGO_SETTINGS_MODULE := config.settings.test
# One pytest worker per core (at most 4), a test file to a worker: each worker has its own
# test database, Redis database and file folders (config/settings/test.py).
PYTEST_ARGS ?= -n auto --maxprocesses 4 --dist loadfile
suite:
	$(BIN)/python -m config.preflight
	$(MANAGE) makemigrations --check --dry-run
	$(BIN)/pytest $(PYTEST_ARGS)

bench: system-packages install-dev
	$(BIN)/python -m config.services bench -- $(MAKE) --no-print-directory suite \
		PYTEST_ARGS="tests/bench -s -q -p no:randomly --bench"

e2e: system-packages install-dev node_modules/.package-lock.json
	$(BIN)/python -m config.services test -- $(MAKE) --no-print-directory suite \
		PYTEST_ARGS="tests/e2e"

# The multi-node proof (tests/scale): its own target, not part of `make test`, because it
# starts five processes of its own (two gunicorn, two Celery workers, beat) that would
# compete with the suite's pytest workers for the same cores; run alone, in one process,
# on its own throw-away PostgreSQL and Redis. .ci/run calls it after `make test`.
scale-test: install-dev
	$(BIN)/python -m config.services test -- $(MAKE) --no-print-directory suite \
		PYTEST_ARGS="tests/scale --scale -p no:randomly -n0"

messages: install-dev
	$(MANAGE) makemessages -l ar -l es -l fr -l pt -l ru -l zh_Hans --ignore=.venv \
		--ignore=node_modules --ignore=var --ignore=staticfiles --ignore=tests
	$(MANAGE) compilemessages --ignore=.venv --ignore=node_modules

clean:
	rm -rf $(VENV) var staticfiles .pytest_cache .ruff_cache
