# Everything a fresh machine needs: `make demo` and `make test` create .venv and install into it.
PY ?= $(shell command -v python3.11 || command -v python3)
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed
CORPUS ?= ../shared/corpus/russia-taliban
OUT ?= out

.PHONY: demo test lint bench clean

$(STAMP): pyproject.toml
	$(PY) -m venv $(VENV)
	$(BIN)/pip install --quiet --disable-pip-version-check -e '.[dev,ray,gender,ftm,semantic]'
	touch $(STAMP)

ROOM := $(OUT)/russia-taliban.duckdb

demo: $(STAMP)
	@mkdir -p $(OUT)
	$(BIN)/sitroom build $(CORPUS) --db $(ROOM)
	$(BIN)/sitroom documents --db $(ROOM)
	$(BIN)/sitroom actors --db $(ROOM) --kind person
	$(BIN)/sitroom timeline --db $(ROOM) --dated
	$(BIN)/sitroom disagreements --db $(ROOM)
	$(BIN)/sitroom export --db $(ROOM) --format json --output $(OUT)/russia-taliban.json
	$(BIN)/sitroom report --db $(ROOM) --output $(OUT)/russia-taliban-report.html
	$(BIN)/sitroom embed --db $(ROOM)
	$(BIN)/sitroom ask --db $(ROOM) "Why does Russia negotiate with the Taliban?"

bench: $(STAMP)
	$(BIN)/pip install --quiet --disable-pip-version-check -e '.[bench]'
	$(BIN)/python benchmarks/clean_polnear.py --split train
	$(BIN)/python benchmarks/actors_meantime.py
	$(BIN)/python benchmarks/timex_tempeval.py --examples 0
	$(BIN)/python benchmarks/events_plover.py --examples 0
	$(BIN)/python benchmarks/quotes_polnear.py --examples 0

test: $(STAMP) lint
	$(BIN)/pytest -q

lint: $(STAMP)
	$(BIN)/ruff check src tests benchmarks

clean:
	rm -rf $(VENV) $(OUT) .pytest_cache .ruff_cache
