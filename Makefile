# Viitta — the two commands are `make run` and `make test`; everything else is a step of theirs.
SHELL := /bin/bash
.DEFAULT_GOAL := help

# Two environments (docs/operations.md, "Dependencies"): .venv-rasa on Python 3.10 for the Rasa server only
# (Rasa 3.6.21, the last open-source Rasa, runs on nothing newer), .venv on Python 3.12+ for everything else.
VENV_RASA := .venv-rasa
PY_RASA := $(VENV_RASA)/bin/python
RASA := $(VENV_RASA)/bin/rasa
VENV := .venv
PY := $(VENV)/bin/python
MODEL := bot/models/viitta.tar.gz
# axe-core for the web chat widget's accessibility test, pinned by tests/browser/package-lock.json.
BROWSER_DEPS := tests/browser/node_modules/.package-lock.json
# Training inputs: the model is rebuilt only when one of these changed.
MODEL_INPUTS := config.yml domain.yml $(shell find bot/data bot/nlu bot/policies bot/places -type f \( -name '*.yml' -o -name '*.py' \) 2>/dev/null) \
	bot/directory/data/municipalities.csv bot/directory/data/place_aliases.yml bot/directory/data/counties.yml

# The crisis risk model (bot/safety/model.py): an artifact built from its data, never committed.
CRISIS_MODEL := var/crisis/risk.joblib
SV_WORDS := var/privacy/sv_words.sqlite
CRISIS_INPUTS := bot/safety/model.py bot/safety/crisis.py $(wildcard bot/safety/patterns_*.py) $(wildcard bot/safety/data/*.yml) $(wildcard tests/crisis/*.yml) $(wildcard bot/data/nlu_*.yml)

export RASA_TELEMETRY_ENABLED := false
export TF_CPP_MIN_LOG_LEVEL := 2
export PYTHONDONTWRITEBYTECODE := 1

# `make shell` talks on this port (its action server on a free one), so that it runs next to `make run`.
PORT ?= 5006

.PHONY: help install install-test test-packages crisis-model train run shell load-directory validate lint test test-unit test-contract test-e2e test-stories bench bench-nlu bench-nlu-candidates lock clean purge

help:
	@echo "make run    - install what is missing, load the directory, train if needed, start Viitta (:5005, actions :5055, guide console :5080/guide/)"
	@echo "make test   - the whole test suite (what CI runs)"
	@echo "make shell  - talk to Viitta in this terminal, next to make run (:$(PORT), own action server; make shell PORT=5007)"
	@echo "make install (what running needs) | install-test (+ what only the tests need) | train | validate | lint | bench | clean | purge (daily retention)"

# What running Viitta needs: its Debian packages (scripts/system-packages.sh), the venv and its packages.
install: $(VENV_RASA)/.installed $(VENV)/.installed $(SV_WORDS)

# The redactor's Swedish everyday words (bot/privacy/swedish_words.py), written from spaCy's lemma table in
# .venv-rasa; read in both runtimes, never committed.
$(SV_WORDS): $(VENV_RASA)/.installed bot/privacy/swedish_words.py
	$(PY_RASA) -m bot.privacy.swedish_words $@

# What only the tests need on top: Chromium, nginx-light, npm and the browser tests' axe-core.
install-test: install test-packages $(BROWSER_DEPS)

test-packages:
	@scripts/system-packages.sh test

$(BROWSER_DEPS): tests/browser/package.json tests/browser/package-lock.json | test-packages
	@command -v npm >/dev/null || { echo "npm is needed for the browser tests: apt-get install -y npm" >&2; exit 1; }
	npm ci --prefix tests/browser --no-audit --no-fund

PIP_INSTALL := -m pip install --quiet --disable-pip-version-check

$(VENV_RASA)/.installed: requirements-rasa.txt constraints-rasa.txt scripts/system-packages.sh
	@scripts/system-packages.sh
	@test -x $(PY_RASA) || "$$(scripts/find-python.sh 3.10)" -m venv $(VENV_RASA)
	$(PY_RASA) $(PIP_INSTALL) -r requirements-rasa.txt -c constraints-rasa.txt
	$(PY_RASA) -m pip check
	@touch $@

$(VENV)/.installed: requirements.txt constraints.txt scripts/system-packages.sh
	@scripts/system-packages.sh
	@test -x $(PY) || "$$(scripts/find-python.sh app)" -m venv $(VENV)
	$(PY) $(PIP_INSTALL) -r requirements.txt -c constraints.txt
	$(PY) -m pip check
	@touch $@

# Tests, benchmarks and lint install the -dev files on top (make run needs neither).
DEV_INSTALLED := $(VENV)/.installed-dev $(VENV_RASA)/.installed-dev
$(VENV)/.installed-dev: $(VENV)/.installed requirements-dev.txt constraints.txt
	$(PY) $(PIP_INSTALL) -r requirements-dev.txt -c constraints.txt
	$(PY) -m pip check
	@touch $@

$(VENV_RASA)/.installed-dev: $(VENV_RASA)/.installed requirements-rasa-dev.txt constraints-rasa.txt
	$(PY_RASA) $(PIP_INSTALL) -r requirements-rasa-dev.txt -c constraints-rasa.txt
	$(PY_RASA) -m pip check
	@touch $@

train: $(MODEL) $(CRISIS_MODEL)

crisis-model: $(CRISIS_MODEL)

# Built and loaded only inside the Rasa server (its scikit-learn): .venv-rasa.
$(CRISIS_MODEL): $(VENV_RASA)/.installed $(CRISIS_INPUTS)
	$(PY_RASA) -m bot.safety.model
	@touch $@

$(MODEL): $(VENV_RASA)/.installed $(MODEL_INPUTS)
	$(RASA) train --config config.yml --domain domain.yml --data bot/data --out bot/models \
		--fixed-model-name viitta --force
	@touch $@

load-directory: $(VENV)/.installed
	$(PY) -m bot.directory load

run: install load-directory train
	$(PY) -m bot.serve

# The patched Rasa as `make run` starts it (endpoints from the settings: TRACKER_STORE_URL, LOCK_STORE_URL).
shell: install load-directory train
	RASA_PORT=$(PORT) $(PY) -m bot.serve --shell

validate: install
	$(PY) -m bot.directory validate
	$(PY) -m bot.directory table --check
	$(RASA) data validate --config config.yml --domain domain.yml --data bot/data

# Style, types and the import rules (scripts/check_imports.py); `ruff format` fixes what the last step finds.
lint: $(DEV_INSTALLED)
	$(PY) -m ruff check .
	$(PY) -m mypy bot connectors console
	$(PY) scripts/check_imports.py
	$(PY) -m ruff format --check .

test: lint install-test validate test-unit train test-stories test-contract test-e2e

# Both runtimes: tests/conftest.py collects what belongs to the interpreter (shared code runs in both).
test-unit: $(DEV_INSTALLED) test-packages $(CRISIS_MODEL) $(SV_WORDS)
	$(PY_RASA) -m pytest tests/unit -q
	$(PY) -m pytest tests/unit -q

# The Rasa 3.6 server's recorded webhook calls against the action server on rasa-sdk 3.21 (tests/contract/README.md).
test-contract: $(DEV_INSTALLED)
	$(PY) -m pytest tests/contract -q

test-stories: $(MODEL)
	$(RASA) test core --model $(MODEL) --stories tests/stories --fail-on-prediction-errors --out var/results/stories

test-e2e: $(DEV_INSTALLED) $(MODEL) $(BROWSER_DEPS)
	$(PY) -m pytest tests/e2e -q

# Retention (docs/operations.md, "Running in production"): delete conversations, handoffs and feedback older than
# RETENTION_DAYS (30). Meant for a daily timer.
purge: $(VENV)/.installed
	$(PY) -m bot.privacy purge

# Viitta and stock Rasa side by side (trains both, ~12 min on 2 cores) -> bench/results/bench.md
bench: install $(DEV_INSTALLED)
	$(PY) -m bench.run

# Intent accuracy, a TF-IDF+LR baseline and whole-conversation routing on the blind set, through the real
# servers (~10 min) -> bench/results/nlu.md. BLIND_SET=/path/to/set picks another set.
bench-nlu: install $(DEV_INSTALLED) train
	$(PY) -m bench.blind_nlu $(if $(BLIND_SET),--set $(BLIND_SET))

# NLU candidate pipelines with 3-fold cross-validation (~15 min) -> bench/results/nlu_candidates.md
bench-nlu-candidates: install $(DEV_INSTALLED)
	$(PY_RASA) -m bench.nlu_bench

lock: $(DEV_INSTALLED)
	(echo "# Every package of .venv (Python 3.12+), pinned: pip install -r requirements-dev.txt -c constraints.txt"; \
	 echo "# Regenerate after changing requirements.txt or requirements-dev.txt: make lock"; \
	 $(PY) -m pip freeze | grep -v '^-e' | sort -f) > constraints.txt
	(echo "# Every package of .venv-rasa (Python 3.10), pinned: pip install -r requirements-rasa-dev.txt -c constraints-rasa.txt"; \
	 echo "# Regenerate after changing requirements-rasa*.txt: make lock"; \
	 $(PY_RASA) -m pip freeze | grep -v '^-e' | sort -f) > constraints-rasa.txt

clean:
	rm -rf var bot/models/*.tar.gz
