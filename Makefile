# Two commands do all the set-up on a fresh clone: `make run` and `make test`.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed
FILE ?= assessment.tom.yaml

.PHONY: run test bench docs install clean

$(STAMP): pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e '.[test]'
	touch $(STAMP)

install: $(STAMP)

## The main job: the questionnaire on $(FILE), created from the bundled catalogue if missing.
run: $(STAMP)
	$(BIN)/tom-audit open $(FILE) --create

## The whole test suite.
test: $(STAMP)
	$(BIN)/python -m pytest -n 2 -q

## Timings of our steps beside the bare floor of each, measured in the same run.
bench: $(STAMP)
	$(BIN)/python -m benchmarks

## The catalogue reference in docs/, generated from the YAML (a test fails when it is stale).
docs: $(STAMP)
	$(BIN)/tom-audit catalogue show tom-art32 --format md --lang de > docs/catalogue.md
	$(BIN)/tom-audit catalogue show tom-art32 --format md --lang en > docs/catalogue.en.md

clean:
	rm -rf $(VENV) build dist *.egg-info
