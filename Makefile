# presslens: two commands on a fresh machine.
#   make run   - set up .venv, install, start the dashboard on http://localhost:8501 (SQLite by default)
#   make test  - set up .venv with test tools, install the browser and database the tests use, run every test
PYTHON ?= python3
VENV := .venv
PY := $(VENV)/bin/python
APT_PACKAGES := chromium postgresql
PORT ?= 8501

.PHONY: run test setup setup-dev system-deps clean-venv

$(PY):
	$(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --upgrade pip

$(VENV)/.runtime-installed: requirements.txt | $(PY)
	$(PY) -m pip install --quiet -r requirements.txt
	touch $@

$(VENV)/.dev-installed: requirements.txt requirements-dev.txt $(VENV)/.runtime-installed
	$(PY) -m pip install --quiet -r requirements.txt -r requirements-dev.txt
	touch $@

setup: $(VENV)/.runtime-installed

setup-dev: $(VENV)/.dev-installed system-deps

# The end-to-end tests drive Debian's Chromium; the store tests start a throwaway PostgreSQL.
system-deps:
	@missing=""; \
	[ -x /usr/bin/chromium ] || missing="$$missing chromium"; \
	ls /usr/lib/postgresql/*/bin/initdb >/dev/null 2>&1 || missing="$$missing postgresql"; \
	if [ -n "$$missing" ]; then \
	  echo "installing with apt:$$missing"; \
	  SUDO=""; [ "$$(id -u)" = 0 ] || SUDO=sudo; \
	  $$SUDO apt-get update -q && DEBIAN_FRONTEND=noninteractive $$SUDO apt-get install -y -q $$missing; \
	fi

run: setup
	$(PY) -m streamlit run app.py --server.port $(PORT)

test: setup-dev
	$(PY) -m pytest tests/

clean-venv:
	rm -rf $(VENV)
