# Two commands for a fresh machine: `make run` and `make test`.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed
DEV_STAMP := $(VENV)/.installed-dev

.PHONY: run test lint typecheck bench bench-pdf bench-batch clean

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip

$(STAMP): pyproject.toml | $(BIN)/python
	$(BIN)/python -m pip install --quiet -e .
	touch $@

$(DEV_STAMP): pyproject.toml | $(BIN)/python
	$(BIN)/python -m pip install --quiet -e ".[dev]"
	touch $@ $(STAMP)

run: $(STAMP)
	$(BIN)/ivp extract corpus/ --out outputs/

test: $(DEV_STAMP)
	$(BIN)/python -m pytest -q

lint: $(DEV_STAMP)
	$(BIN)/ruff check pipeline models tests benchmarks
	$(BIN)/mypy

bench: $(DEV_STAMP)
	$(BIN)/python -m benchmarks.run

bench-pdf: $(DEV_STAMP)
	$(BIN)/python -m benchmarks.pdf_loader --repeat 3 --pages 300

bench-batch: $(DEV_STAMP)
	$(BIN)/python -m benchmarks.batch_scaling --copies 50 --long 500

clean:
	rm -rf $(VENV) outputs/*.json outputs/*.jsonl
