# Two commands do all set-up on a fresh Debian machine with Python 3.11:
#   make run    extract every sample in samples/ (one summary line per file; results in out/)
#   make test   run the test suite
PYTHON ?= python3
VENV   := .venv
STAMP  := $(VENV)/.installed

.PHONY: setup run test lint bench clean

setup: $(STAMP)

$(STAMP): pyproject.toml scripts/install-system-packages.sh
	./scripts/install-system-packages.sh
	$(PYTHON) -m venv $(VENV)
	$(VENV)/bin/pip install --quiet --upgrade pip
	$(VENV)/bin/pip install --quiet -e '.[dev]'
	touch $(STAMP)

run: setup
	$(VENV)/bin/form4 extract samples --format json -o out/samples

test: setup
	$(VENV)/bin/pytest

lint: setup
	$(VENV)/bin/ruff check extractor tests bench
	$(VENV)/bin/mypy

clean:
	rm -rf out .pytest_cache
