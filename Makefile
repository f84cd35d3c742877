# Two commands for a fresh machine: `make lab` (open the kit) and `make test` (check everything).
PYTHON ?= python3
VENV ?= .venv
PY := $(VENV)/bin/python
KIT_STAMP := $(VENV)/.kit-installed
TEST_STAMP := $(VENV)/.test-installed

STUDENTS ?= 30
# How many simulated students start at once, and extensions to load in their servers (docs/jupyterhub.md).
CONCURRENCY ?= 4
EXTENSIONS ?=

# JupyterLab refuses to start as root unless told to; containers, Codespaces and many school VMs run as root.
# Allow it only then. LAB_ARGS passes extra options (tests use it for the port and token). The server's root is
# the kit's folder, so the lessons' links to lessons/glossary.md and the guides open in JupyterLab.
LAB_USER_ID ?= $(shell id -u)
LAB_ROOT_FLAG := $(if $(filter 0,$(LAB_USER_ID)),--allow-root,)
LAB_ARGS ?=

.PHONY: lab test bench bench-class install clean-venv

lab: $(KIT_STAMP)
	@echo "Starting JupyterLab. If no browser window opens, copy the address below that starts with"
	@echo "http://localhost or http://127.0.0.1 (it ends with ?token=...) into your web browser."
	$(VENV)/bin/jupyter lab $(LAB_ROOT_FLAG) --ServerApp.root_dir=. $(LAB_ARGS) notebooks/00-start-here.ipynb

# axe-core for the accessibility test, from the npm registry through the lock file.
AXE := tests/support/axe/node_modules/.package-lock.json

test: $(TEST_STAMP) $(AXE)
	bash scripts/ensure-chromium.sh
	$(PY) -m pytest

bench: $(TEST_STAMP)
	$(PY) bench/run.py

# A real JupyterHub on 127.0.0.1 with STUDENTS simulated students (configurable-http-proxy from npm).
bench-class: $(TEST_STAMP) bench/hub/node_modules/.package-lock.json
	$(PY) bench/class_bench.py --students $(STUDENTS) --concurrency $(CONCURRENCY) $(if $(EXTENSIONS),--extensions $(EXTENSIONS))

$(AXE): tests/support/axe/package-lock.json
	cd tests/support/axe && npm ci --no-audit --no-fund

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
