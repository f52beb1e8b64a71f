# The two commands of the README: `make run` and `make test`. Everything else
# here is a step they depend on.
SHELL := /bin/bash
PYTHON ?= python3
VENV ?= .venv
BIN := $(VENV)/bin
CATALOGS := $(patsubst %.po,%.mo,$(wildcard translations/*/LC_MESSAGES/messages.po))
export FLASK_APP := wsgi

.PHONY: run worker test system-runtime system-test messages lint

run: system-runtime $(VENV)/.runtime $(CATALOGS)  ## serve the app with a demo engagement
	$(BIN)/flask db upgrade
	$(BIN)/flask demo
	@echo "Serving on http://127.0.0.1:5000 with a job worker (Ctrl+C stops both)"
	scripts/serve.sh $(BIN) --bind 127.0.0.1:5000 --workers 2 --threads 4 --access-logfile - wsgi:app

worker: system-runtime $(VENV)/.runtime $(CATALOGS)  ## run only the job worker (a second machine, or beside a server started by hand)
	$(BIN)/flask db upgrade
	$(BIN)/flask jobs worker

test: system-test $(VENV)/.dev $(CATALOGS)  ## lint, then the whole suite on SQLite and PostgreSQL
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .
	scripts/with-postgres.sh $(BIN)/python -m pytest -n auto $(PYTEST_ARGS)

system-runtime:
	scripts/system-packages.sh runtime

system-test:
	scripts/system-packages.sh test

$(VENV)/bin/python:
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip

$(VENV)/.runtime: requirements.txt | $(VENV)/bin/python
	$(BIN)/pip install --quiet -r requirements.txt
	touch $@

$(VENV)/.dev: requirements.txt requirements-dev.txt | $(VENV)/bin/python
	$(BIN)/pip install --quiet -r requirements-dev.txt
	touch $@ $(VENV)/.runtime

%.mo: %.po | $(VENV)/.runtime
	$(BIN)/pybabel compile --statistics -i $< -o $@

# For maintainers: refresh the catalogs after adding or changing UI strings.
messages: $(VENV)/.runtime
	$(BIN)/pybabel extract -F babel.cfg -k _l -o translations/messages.pot \
	  --no-location --sort-output --omit-header .
	$(BIN)/pybabel update -i translations/messages.pot -d translations \
	  --no-fuzzy-matching --ignore-obsolete

lint: $(VENV)/.dev
	$(BIN)/ruff check . && $(BIN)/ruff format --check .
