# Kinerja: `make run` starts the dashboard with demo data; `make test` runs every test.
# Both set up what they need on a fresh machine (virtual environment, pinned packages).

PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
DB ?= data/kinerja.duckdb
PORT ?= 8501
STAMP := $(VENV)/.installed

.PHONY: run test bench bench-data bench-goals demo screenshots clean

$(STAMP): requirements.lock pyproject.toml
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --disable-pip-version-check -r requirements.lock
	$(BIN)/pip install --quiet --disable-pip-version-check --no-deps -e .
	touch $(STAMP)

# The demo database is built through the real import path (kinerja init --demo).
$(DB): | $(STAMP)
	$(BIN)/kinerja init --demo --db $(DB)

demo: $(STAMP)
	rm -f $(DB)
	$(MAKE) $(DB)

# A backup a day (data/cadangan/, checksum beside each, newest 14 kept): at start and while running.
# Demo accounts per role are created once (their passwords printed then); the server listens on
# localhost only (.streamlit/config.toml); README "Akun dan peran" says how to serve an office network.
run: $(STAMP) $(DB)
	$(BIN)/kinerja cadangan --harian --db $(DB)
	$(BIN)/kinerja akun demo --db $(DB)
	@echo "Kinerja berjalan di http://localhost:$(PORT)"
	KINERJA_DB=$(DB) KINERJA_CADANGAN_HARIAN=1 $(BIN)/streamlit run app.py --server.port $(PORT) --server.headless true

test: $(STAMP)
	$(BIN)/pytest

# The README's screenshots, from the browser tests and a page of the printed LKjIP draft (make test
# never writes tracked files).
screenshots: $(STAMP)
	KINERJA_SCREENSHOTS=1 $(BIN)/pytest -m "browser or documents"

bench: $(STAMP)
	for script in bench/bench_*.py; do echo "== $$script"; $(BIN)/python $$script || exit 1; done

# The 1 M and 10 M value-row databases of the benchmarks (bench/generate.py), outside the repository;
# built once, kept until removed.
BENCH_DATA ?= /tmp
bench-data: $(BENCH_DATA)/kinerja-1m.duckdb $(BENCH_DATA)/kinerja-10m.duckdb

$(BENCH_DATA)/kinerja-1m.duckdb: | $(STAMP)
	$(BIN)/python bench/generate.py --rows 1M --out $@

$(BENCH_DATA)/kinerja-10m.duckdb: | $(STAMP)
	$(BIN)/python bench/generate.py --rows 10M --out $@

# Issue 18's goals in one run (bench/goals.py): the README's "Kecepatan" tables.
bench-goals: bench-data
	$(BIN)/python bench/goals.py --data $(BENCH_DATA)

clean:
	rm -rf $(VENV) .pytest_cache .hypothesis test-artifacts
