# Two commands for a fresh machine: `make lab` (open the kit) and `make test` (check everything).
PYTHON ?= python3
VENV ?= .venv
PY := $(VENV)/bin/python
KIT_STAMP := $(VENV)/.kit-installed
TEST_STAMP := $(VENV)/.test-installed

STUDENTS ?= 30

.PHONY: lab test bench bench-class install clean-venv

lab: $(KIT_STAMP)
	$(VENV)/bin/jupyter lab notebooks/00-start-here.ipynb

test: $(TEST_STAMP)
	bash scripts/ensure-chromium.sh
	$(PY) -m pytest

bench: $(TEST_STAMP)
	$(PY) bench/run.py

# A real JupyterHub on 127.0.0.1 with STUDENTS simulated students (configurable-http-proxy from npm).
bench-class: $(TEST_STAMP) bench/hub/node_modules/.package-lock.json
	$(PY) bench/class_bench.py --students $(STUDENTS)

bench/hub/node_modules/.package-lock.json: bench/hub/package-lock.json
	cd bench/hub && npm ci --no-audit --no-fund

install: $(KIT_STAMP)

$(PY):
	$(PYTHON) -m venv $(VENV)

# Re-install whenever the dependency list changes.
# jupyter/overrides.json: start the Python kernel without asking, and no news pop-ups, for students.
$(KIT_STAMP): pyproject.toml jupyter/overrides.json | $(PY)
	$(PY) -m pip install --quiet --disable-pip-version-check -e .
	mkdir -p $(VENV)/share/jupyter/lab/settings
	cp jupyter/overrides.json $(VENV)/share/jupyter/lab/settings/overrides.json
	touch $@

$(TEST_STAMP): pyproject.toml $(KIT_STAMP)
	$(PY) -m pip install --quiet --disable-pip-version-check -e ".[test]"
	touch $@

clean-venv:
	rm -rf $(VENV)
