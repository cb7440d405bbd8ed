# Two commands: `make run` serves the portal with demo content on
# http://$(HOST):$(PORT) (127.0.0.1:8000 unless given, e.g. make run PORT=8080),
# as visitors see it (DEBUG off; make run DEBUG=1 for Django's debug pages);
# `make test` checks the import layers and runs the whole test suite; `make lint`
# runs ruff.
# Both build what they need: virtualenv, packages, catalogues, database, browser.

PYTHON ?= python3
VENV := .venv
PY := $(VENV)/bin/python
CHROMIUM ?= /usr/bin/chromium
HOST ?= 127.0.0.1
PORT ?= 8000
DEBUG ?= 0
# What the local commands need to know of the server: the address they print
# and put in e-mails (site_project/local_address.py), and whether DEBUG is on.
LOCAL_ENV = PORTAL_HOST=$(HOST) PORTAL_PORT=$(PORT) DJANGO_DEBUG=$(DEBUG)

.PHONY: run test lint imports venv catalogues browser migrate demo clean

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
	$(LOCAL_ENV) $(PY) manage.py create_local_admin
	$(LOCAL_ENV) $(PY) manage.py setup_roles --demo-users

run: demo
	$(LOCAL_ENV) $(PY) manage.py runserver $(HOST):$(PORT)

# The house plan: imports run one way (pyproject.toml, [tool.importlinter]).
imports: venv
	$(VENV)/bin/lint-imports

test: catalogues browser imports
	CHROMIUM=$(CHROMIUM) $(PY) -m pytest $(PYTEST_ARGS)

# Lint and import order (ruff, configured in pyproject.toml).
lint: venv
	$(VENV)/bin/ruff check .

clean:
	rm -rf $(VENV) db.sqlite3 media static .pytest_cache
	find locale -name '*.mo' -delete

# The production set-up on this machine: settings.production, PostgreSQL and
# Redis on 127.0.0.1, static files collected (hashed, compressed), gunicorn on
# http://127.0.0.1:$(PRODUCTION_PORT). Plain HTTP here, so no HTTPS redirect;
# /media/ is left to the web server in front, as in production. Override e.g.
# make serve-production DATABASE_URL=postgres://postgres@127.0.0.1:5432/other PRODUCTION_PORT=8105
.PHONY: serve-production
DATABASE_URL ?= postgres://postgres@127.0.0.1:5432/sonla_production
REDIS_URL ?= redis://127.0.0.1:6379/1
PRODUCTION_PORT ?= 8001
PRODUCTION_ENV = DJANGO_SETTINGS_MODULE=site_project.settings.production \
	DJANGO_SECRET_KEY="$$(cat .local/production-secret-key)" \
	DJANGO_ALLOWED_HOSTS=127.0.0.1,localhost \
	DATABASE_URL=$(DATABASE_URL) REDIS_URL=$(REDIS_URL) \
	DJANGO_MEDIA_ROOT=$(CURDIR)/media DJANGO_STATIC_ROOT=$(CURDIR)/static \
	DJANGO_EMAIL_BACKEND=django.core.mail.backends.console.EmailBackend \
	DJANGO_DEFAULT_FROM_EMAIL=portal@localhost \
	WAGTAILADMIN_BASE_URL=http://127.0.0.1:$(PRODUCTION_PORT) \
	DJANGO_SECURE_SSL_REDIRECT=false
serve-production: catalogues
	mkdir -p .local
	test -s .local/production-secret-key || \
		$(PY) -c "import secrets; print(secrets.token_urlsafe(64))" > .local/production-secret-key
	createdb -h 127.0.0.1 -U postgres "$$(basename "$(DATABASE_URL)")" 2>/dev/null || true
	$(PRODUCTION_ENV) $(PY) manage.py check --deploy
	$(PRODUCTION_ENV) $(PY) manage.py collectstatic --no-input --verbosity 0
	$(PRODUCTION_ENV) $(PY) manage.py migrate --no-input
	$(PRODUCTION_ENV) $(PY) manage.py load_demo_content
	$(PRODUCTION_ENV) GUNICORN_BIND=127.0.0.1:$(PRODUCTION_PORT) GUNICORN_WORKERS=2 \
		$(VENV)/bin/gunicorn -c site_project/gunicorn.conf.py

# The multi-machine topology on this machine (docs/deploy.md): Varnish,
# two gunicorn app servers, PostgreSQL primary + streaming replica, Redis,
# an S3-compatible object store. Installs the Debian packages it lacks.
# `make cluster-test` starts it, runs the fault tests through the proxy
# (tests/cluster/), and stops it again.
.PHONY: cluster cluster-stop cluster-test
CLUSTER_DIR ?= /tmp/sonla-cluster
cluster: catalogues
	CLUSTER_DIR=$(CLUSTER_DIR) cluster/cluster.sh start
cluster-stop:
	CLUSTER_DIR=$(CLUSTER_DIR) cluster/cluster.sh stop
# The test builds a cluster of its own from nothing and removes it afterwards.
CLUSTER_TEST_DIR ?= /tmp/sonla-cluster-test
cluster-test: catalogues browser
	CLUSTER_DIR=$(CLUSTER_TEST_DIR) cluster/cluster.sh destroy
	CLUSTER_DIR=$(CLUSTER_TEST_DIR) cluster/cluster.sh start || { CLUSTER_DIR=$(CLUSTER_TEST_DIR) cluster/cluster.sh destroy; exit 1; }
	CLUSTER_DIR=$(CLUSTER_TEST_DIR) CHROMIUM=$(CHROMIUM) $(PY) -m pytest -m cluster tests/cluster -p no:cacheprovider $(PYTEST_ARGS); \
		status=$$?; CLUSTER_DIR=$(CLUSTER_TEST_DIR) cluster/cluster.sh destroy; exit $$status
