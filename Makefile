# Two commands matter: `make demo` and `make test`. Everything they need is installed here.
SHELL := /bin/bash
PYTHON ?= python3.11
VENV := .venv
PY := $(VENV)/bin/python
PG_URL ?= postgres://postgres@127.0.0.1:5432/sti
APT_DEMO := gettext fonts-liberation2 libpango-1.0-0 libpangoft2-1.0-0
APT_TEST := $(APT_DEMO) chromium poppler-utils
SUDO := $(shell [ "$$(id -u)" = 0 ] || echo sudo)
DEMO_ADMIN ?= admin
DEMO_PASSWORD ?= admin-demo-07

.PHONY: demo test test-sqlite test-postgres lint format messages bench clean system-deps-demo system-deps-test

$(VENV)/.base: requirements/base.txt
	$(PYTHON) -m venv $(VENV)
	$(PY) -m pip install -q --upgrade pip
	$(PY) -m pip install -q -r requirements/base.txt
	touch $@

$(VENV)/.test: $(VENV)/.base requirements/test.txt
	$(PY) -m pip install -q -r requirements/test.txt
	touch $@

define apt_install
	@missing=$$(for p in $(1); do dpkg -s $$p >/dev/null 2>&1 || echo $$p; done); \
	if [ -n "$$missing" ]; then \
	  echo "Installing Debian packages: $$missing"; \
	  $(SUDO) apt-get update -qq && DEBIAN_FRONTEND=noninteractive $(SUDO) apt-get install -y -qq $$missing >/dev/null; \
	fi
endef

system-deps-demo:
	$(call apt_install,$(APT_DEMO))

system-deps-test:
	$(call apt_install,$(APT_TEST))

messages: $(VENV)/.base
	$(PY) manage.py compilemessages -v0 --ignore=.venv

demo: system-deps-demo $(VENV)/.base messages
	$(PY) manage.py migrate -v0
	$(PY) manage.py load_demo --admin $(DEMO_ADMIN) --password $(DEMO_PASSWORD)
	@echo ""
	@echo "  Hanoi STI platform: http://127.0.0.1:8000"
	@echo "  Admin login: $(DEMO_ADMIN) / $(DEMO_PASSWORD)   (other demo users: see README)"
	@echo ""
	$(PY) manage.py runserver 127.0.0.1:8000

lint: $(VENV)/.test
	$(VENV)/bin/ruff format --check .
	$(VENV)/bin/ruff check .

format: $(VENV)/.test
	$(VENV)/bin/ruff format .
	$(VENV)/bin/ruff check --fix .

test: system-deps-test $(VENV)/.test messages lint test-sqlite test-postgres

test-sqlite: $(VENV)/.test
	@echo "== tests on SQLite =="
	env -u DATABASE_URL $(PY) -m pytest -q

test-postgres: $(VENV)/.test
	@echo "== tests on PostgreSQL =="
	@pg_isready -q -h 127.0.0.1 -p 5432 || { $(SUDO) pg_ctlcluster --skip-systemctl-redirect $$(ls /etc/postgresql) main start && sleep 2; }
	DATABASE_URL=$(PG_URL) $(PY) -m pytest -q

bench: $(VENV)/.test
	$(PY) bench/run_all.py

clean:
	rm -rf $(VENV) db.sqlite3 staticfiles media
