# PMark3: `make run` serves the app, `make test` runs every test. Both work on a fresh machine.
PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
TOOLS  := .venv-tools
APT_PACKAGES := unixodbc libsqliteodbc chromium fonts-noto-cjk

.PHONY: install tools system-deps seed run test lint bench learn clean

install: $(VENV)/.installed

$(VENV)/.installed: pyproject.toml
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install -q --upgrade pip
	$(BIN)/python -m pip install -q -e '.[azure,dev]'
	touch $@

# checkov pins many libraries of its own, so it lives in a venv of its own.
tools: $(TOOLS)/.installed

$(TOOLS)/.installed:
	test -x $(TOOLS)/bin/python || $(PYTHON) -m venv $(TOOLS)
	$(TOOLS)/bin/python -m pip install -q --upgrade pip
	$(TOOLS)/bin/python -m pip install -q checkov==3.3.30
	touch $@

# ODBC for pyodbc's real-driver tests, Chromium for the browser tests, and CJK fonts so the
# browser's screenshots show Korean (Debian packages).
system-deps:
	@missing=""; for p in $(APT_PACKAGES); do dpkg -s $$p >/dev/null 2>&1 || missing="$$missing $$p"; done; \
	if [ -n "$$missing" ]; then \
	  if [ "$$(id -u)" = 0 ]; then apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq $$missing >/dev/null; \
	  else echo "missing Debian packages:$$missing (run: sudo apt-get install$$missing)"; exit 1; fi; \
	fi

seed: install
	$(BIN)/pmark3 seed

run: install
	$(BIN)/pmark3 serve

test: install tools system-deps lint
	$(BIN)/python -m pytest

lint: install
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .
	$(BIN)/mypy pmark3 activities orchestrators triggers function_app.py bench

bench: install
	$(BIN)/python bench/parse_bench.py
	$(BIN)/python bench/search_bench.py
	$(BIN)/python bench/batch_bench.py

# After a blind probe set was scored and added to PROBE_SETS (pmark3/evaluation/dataset.py):
# what the parser learns from the labeled sets, rebuilt from them.
learn: install
	$(BIN)/python -m pmark3.understanding.learned
	$(BIN)/python -m pmark3.understanding.train_linear
	$(BIN)/python bench/parse_bench.py --fit

clean:
	rm -rf data build *.egg-info .pytest_cache .mypy_cache .ruff_cache test-output
