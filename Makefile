# Huishoudboekje: `make demo` and `make test` are all a fresh machine needs.
SHELL := /bin/bash
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
HHB := $(BIN)/hhb
PG_URL ?= postgres://postgres@127.0.0.1:5432/hhb
DEMO_ENV := HHB_OTP_REQUIRED=false HHB_DEMO=true DEBUG=false
DEELNEMERS ?= 200
MAANDEN ?= 3

.PHONY: setup demo demo-data test test-sqlite test-postgres bench lint openapi clean

setup: $(VENV)/.stamp

$(VENV)/.stamp: pyproject.toml package.json package-lock.json scripts/vendor_assets.sh
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip
	$(BIN)/pip install --quiet -e '.[test]'
	npm ci --no-audit --no-fund --loglevel=error
	bash scripts/vendor_assets.sh
	touch $@

## demo: install, build a fresh demo database with 200 participants and serve on :8000
demo: setup demo-data
	@echo "Huishoudboekje draait op http://127.0.0.1:8000  (inloggen: zie README, bijv. frontoffice / demo-wachtwoord-2026)"
	$(DEMO_ENV) $(HHB) runserver 127.0.0.1:8000 --noreload

demo-data: setup
	rm -f huishoudboekje.sqlite3 huishoudboekje.sqlite3-wal huishoudboekje.sqlite3-shm
	$(DEMO_ENV) $(HHB) migrate --no-input -v 0
	$(DEMO_ENV) $(HHB) laad-configuratie config/demo-gemeente.yaml
	$(DEMO_ENV) $(HHB) demo-gebruikers
	$(DEMO_ENV) $(HHB) demo-data --deelnemers $(DEELNEMERS) --seed 1 --maanden $(MAANDEN)

## test: install what the tests need, lint (ruff, mypy, import layers), run the whole suite on SQLite and on PostgreSQL
test: setup lint test-sqlite test-postgres

test-sqlite: setup
	$(BIN)/python -m pytest -q -n 2 --dist loadgroup

test-postgres: setup
	DATABASE_URL=$(PG_URL) $(BIN)/python -m pytest -q -n 2 --dist loadgroup -m "not browser"

bench: setup
	$(BIN)/python -m benchmarks

lint: setup
	$(BIN)/ruff check src tests benchmarks
	$(BIN)/mypy
	$(BIN)/lint-imports --no-cache

openapi: setup
	$(HHB) spectacular --file docs/openapi.json --format openapi-json --validate

clean:
	rm -rf $(VENV) node_modules src/huishoudboekje/static/vendor staticfiles huishoudboekje.sqlite3*
