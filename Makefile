# Everything a fresh machine needs: `make demo` and `make test` create .venv and install into it.
PY ?= $(shell command -v python3.11 || command -v python3)
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed
CORPUS ?= ../shared/corpus/russia-taliban
OUT ?= out

.PHONY: demo test lint clean

$(STAMP): pyproject.toml
	$(PY) -m venv $(VENV)
	$(BIN)/pip install --quiet --disable-pip-version-check -e '.[dev]'
	touch $(STAMP)

demo: $(STAMP)
	@mkdir -p $(OUT)
	$(BIN)/sitroom build $(CORPUS) --db $(OUT)/russia-taliban.duckdb
	$(BIN)/sitroom documents --db $(OUT)/russia-taliban.duckdb
	$(BIN)/sitroom export --db $(OUT)/russia-taliban.duckdb --format json --output $(OUT)/russia-taliban.json

test: $(STAMP) lint
	$(BIN)/pytest -q

lint: $(STAMP)
	$(BIN)/ruff check src tests benchmarks

clean:
	rm -rf $(VENV) $(OUT) .pytest_cache .ruff_cache
