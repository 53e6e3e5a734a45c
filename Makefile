# Two commands for a newcomer: `make demo` and `make test`. Both build .venv first
# (python3 -m venv + pinned dependencies from constraints.txt, spaCy weights included).
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed-stamp

.PHONY: demo test lint install clean

# the records of each article, then the corpus: the same examples ingested into a scratch
# store, their events linked across outlets
demo: $(STAMP)
	$(BIN)/dateline extract examples/articles --to table
	@store=$$(mktemp -d)/demo.duckdb; \
	$(BIN)/dateline ingest examples/articles --db $$store --quiet && \
	$(BIN)/dateline events --db $$store; rm -rf $$(dirname $$store)

test: $(STAMP)
	$(BIN)/python -m pytest

lint: $(STAMP)
	$(BIN)/ruff check src tests benchmarks
	$(BIN)/mypy

install: $(STAMP)

$(STAMP): pyproject.toml constraints.txt
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --disable-pip-version-check -c constraints.txt -e '.[dev]'
	touch $(STAMP)

clean:
	rm -rf $(VENV) build src/*.egg-info
