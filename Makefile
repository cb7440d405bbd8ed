# Two commands: `make run` serves the portal with demo content on
# http://127.0.0.1:8000; `make test` runs the whole test suite.
# Both build what they need: virtualenv, packages, catalogues, database, browser.

PYTHON ?= python3
VENV := .venv
PY := $(VENV)/bin/python
CHROMIUM ?= /usr/bin/chromium
HOST ?= 127.0.0.1
PORT ?= 8000

.PHONY: run test venv catalogues browser migrate demo clean

$(VENV)/.installed: requirements.txt requirements-dev.txt
	test -x $(PY) || $(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --upgrade pip
	$(PY) -m pip install --quiet -r requirements-dev.txt
	touch $@

venv: $(VENV)/.installed

catalogues: venv
	$(PY) manage.py compile_catalogues

# Browser tests drive Debian's Chromium (Playwright's own download does not work here).
browser:
	@test -x $(CHROMIUM) || { \
		if [ "$$(id -u)" = 0 ]; then \
			apt-get update -qq && apt-get install -y -qq --no-install-recommends chromium; \
		else \
			echo "Install Chromium first: sudo apt-get install chromium (or set CHROMIUM=/path)"; exit 1; \
		fi; }

migrate: catalogues
	$(PY) manage.py migrate --no-input

demo: migrate
	$(PY) manage.py load_demo_content
	$(PY) manage.py create_local_admin
	$(PY) manage.py setup_roles --demo-users

run: demo
	$(PY) manage.py runserver $(HOST):$(PORT)

test: catalogues browser
	CHROMIUM=$(CHROMIUM) $(PY) -m pytest $(PYTEST_ARGS)

clean:
	rm -rf $(VENV) db.sqlite3 media static .pytest_cache
	find locale -name '*.mo' -delete
