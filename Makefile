# The README's commands. `make run` serves the site with the sample data; `make test` runs the suite.
SHELL := /bin/bash
.DEFAULT_GOAL := help

VENV := .venv
BIN := $(VENV)/bin
HOST ?= 127.0.0.1
PORT ?= 8000
CHROMIUM := /usr/bin/chromium

# The first Python 3.12+ found; pyenv's shims honour .python-version. Override with PYTHON=...
PYTHON ?= $(shell for p in python3.12 python3.13 python3.14 python3; do \
	command -v $$p >/dev/null 2>&1 && $$p -c 'import sys; sys.exit(sys.version_info < (3, 12))' 2>/dev/null \
	&& { command -v $$p; break; }; done)

.PHONY: help run test lint serve browser bench clean

help:
	@echo "make run    set up, load the sample data and serve http://$(HOST):$(PORT) (debug on, SQLite)"
	@echo "make test   set up with the test dependencies and run the whole suite"
	@echo "make lint   ruff check and ruff format --check"
	@echo "make serve  collect static files and serve with gunicorn (debug off; needs DJANGO_SECRET_KEY)"
	@echo "make bench  public pages under load on PostgreSQL (bench/load.py; ROWS=100000 by default)"

$(BIN)/python:
	@if [ -z "$(PYTHON)" ]; then \
		echo "No Python 3.12 or newer found (tried python3.12, python3.13, python3.14, python3)."; \
		echo "Install one (e.g. 'pyenv install 3.12') or run: make PYTHON=/path/to/python3.12 $(MAKECMDGOALS)"; \
		exit 1; fi
	@echo "Creating $(VENV) with $(PYTHON) ($$($(PYTHON) --version))"
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip

$(VENV)/.runtime: $(BIN)/python requirements.txt
	$(BIN)/pip install --quiet --disable-pip-version-check -r requirements.txt
	@touch $@

$(VENV)/.dev: $(VENV)/.runtime requirements-dev.txt
	$(BIN)/pip install --quiet --disable-pip-version-check -r requirements-dev.txt
	@touch $@

run: export DJANGO_DEBUG = true
run: $(VENV)/.runtime
	$(BIN)/python manage.py migrate --noinput
	$(BIN)/python manage.py grade_records
	$(BIN)/python manage.py load_sample_data
	$(BIN)/python manage.py ensure_local_admin --url http://$(HOST):$(PORT)/admin/
	$(BIN)/python manage.py runserver $(HOST):$(PORT)

# Browser tests drive the system Chromium; install it when it is missing and we may.
browser:
	@if [ ! -x $(CHROMIUM) ]; then \
		if [ "$$(id -u)" = 0 ]; then apt-get update -qq && apt-get install -y -qq chromium; \
		elif command -v sudo >/dev/null; then sudo apt-get update -qq && sudo apt-get install -y -qq chromium; \
		else echo "Chromium is missing at $(CHROMIUM) and cannot be installed without root: browser tests will be skipped."; fi; \
	fi

# wrk drives bench/load.py; Debian's package, as Chromium is for the browser tests.
bench: $(VENV)/.runtime
	@if ! command -v wrk >/dev/null; then \
		if [ "$$(id -u)" = 0 ]; then apt-get update -qq && apt-get install -y -qq wrk; \
		elif command -v sudo >/dev/null; then sudo apt-get update -qq && sudo apt-get install -y -qq wrk; \
		else echo "wrk is missing and cannot be installed without root: install Debian's package wrk."; exit 1; fi; \
	fi
	$(BIN)/python bench/load.py --rows $(or $(ROWS),100000)

test: $(VENV)/.dev browser
	$(BIN)/python -m pytest $(PYTEST_ARGS)

lint: $(VENV)/.dev
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .

serve: export DJANGO_DEBUG = false
serve: $(VENV)/.runtime
	@if [ -z "$$DJANGO_SECRET_KEY" ]; then \
		echo "make serve runs with debug off and needs DJANGO_SECRET_KEY, e.g.:"; \
		echo "  DJANGO_SECRET_KEY=\$$(python3 -c 'import secrets; print(secrets.token_urlsafe(50))') make serve"; \
		exit 1; fi
	$(BIN)/python manage.py migrate --noinput
	$(BIN)/python manage.py grade_records
	$(BIN)/python manage.py collectstatic --noinput --verbosity 0
	$(BIN)/gunicorn --config gunicorn.conf.py --bind $(HOST):$(PORT)

clean:
	rm -rf $(VENV) staticfiles .pytest_cache .ruff_cache .hypothesis
