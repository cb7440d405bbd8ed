"""Production settings: everything from the environment, nothing from development.

Each case starts a fresh interpreter (settings are read once, at import).
"""

import json

import pytest
from django.core.cache.backends.redis import RedisCache
from django.utils.module_loading import import_string

from tests.site_project.production_env import environment, load_settings, run

REQUIRED = [
    "DJANGO_SECRET_KEY",
    "DJANGO_ALLOWED_HOSTS",
    "DATABASE_URL",
    "REDIS_URL",
    "DJANGO_MEDIA_ROOT",
    "DJANGO_EMAIL_HOST",
    "DJANGO_DEFAULT_FROM_EMAIL",
    "WAGTAILADMIN_BASE_URL",
]


def test_sample_environment_configures_postgresql_redis_media_and_mail():
    values = load_settings(
        environment(),
        [
            "DEBUG",
            "ALLOWED_HOSTS",
            "DATABASES",
            "CACHES",
            "SESSION_ENGINE",
            "MEDIA_ROOT",
            "EMAIL_HOST",
            "EMAIL_USE_TLS",
            "DEFAULT_FROM_EMAIL",
            "WAGTAILADMIN_BASE_URL",
            "STORAGES",
        ],
    )
    assert isinstance(values, dict), values.stderr
    assert values["DEBUG"] is False
    assert values["ALLOWED_HOSTS"] == ["sonla.gov.vn", "www.sonla.gov.vn"]
    database = values["DATABASES"]["default"]
    assert database["ENGINE"] == "django.db.backends.postgresql"
    assert (database["HOST"], database["NAME"], database["USER"]) == ("db.internal", "portal", "portal")
    assert database["CONN_HEALTH_CHECKS"] is True
    for alias, cache in values["CACHES"].items():
        backend = import_string(cache["BACKEND"])
        assert issubclass(backend, RedisCache), alias
        assert cache["LOCATION"] == "redis://cache.internal:6379/0"
    assert values["SESSION_ENGINE"] == "django.contrib.sessions.backends.cache"
    assert values["MEDIA_ROOT"] == "/srv/portal/media"
    assert (values["EMAIL_HOST"], values["EMAIL_USE_TLS"]) == ("smtp.sonla.gov.vn", True)
    assert values["DEFAULT_FROM_EMAIL"] == "portal@sonla.gov.vn"
    assert values["WAGTAILADMIN_BASE_URL"] == "https://sonla.gov.vn"
    assert values["STORAGES"]["staticfiles"]["BACKEND"] == (
        "whitenoise.storage.CompressedManifestStaticFilesStorage"
    )


@pytest.mark.parametrize("name", REQUIRED)
@pytest.mark.parametrize("value", [None, "  "], ids=["unset", "blank"])
def test_missing_required_variable_stops_start_up_naming_it(name, value):
    result = run(["manage.py", "check"], environment(**{name: value}))
    assert result.returncode != 0
    last_line = result.stderr.strip().splitlines()[-1]
    assert last_line.startswith("django.core.exceptions.ImproperlyConfigured")
    assert f"The environment variable {name} is required in production" in last_line


@pytest.mark.parametrize(
    "name, value, explanation",
    [
        ("DATABASE_URL", "sqlite:////srv/portal/db.sqlite3", "DATABASE_URL must point at PostgreSQL"),
        ("DATABASE_URL", "mysql://portal@db/portal", "DATABASE_URL must point at PostgreSQL"),
        ("REDIS_URL", "http://cache.internal/", "REDIS_URL must be a Redis URL"),
        ("DJANGO_SECRET_KEY", "too-short", "at least 50 characters"),
        ("DJANGO_SECRET_KEY", "django-insecure-" + "x" * 60, "at least 50 characters"),
        ("DJANGO_MEDIA_ROOT", "media", "DJANGO_MEDIA_ROOT must be an absolute path"),
        ("WAGTAILADMIN_BASE_URL", "sonla.gov.vn", "WAGTAILADMIN_BASE_URL must be a full URL"),
        ("DJANGO_HSTS_SECONDS", "one year", "DJANGO_HSTS_SECONDS must be a whole number"),
    ],
)
def test_unusable_value_stops_start_up_with_an_explanation(name, value, explanation):
    result = run(["manage.py", "check"], environment(**{name: value}))
    assert result.returncode != 0
    assert explanation in result.stderr.strip().splitlines()[-1]


def test_debug_settings_never_reach_production():
    env = environment(DJANGO_DEBUG="true", DEBUG="1")
    code = (
        "import json, sys, django; django.setup(); from django.conf import settings; "
        "print(json.dumps([settings.DEBUG, settings.SECRET_KEY, "
        "getattr(settings, 'SERVE_MEDIA_LOCALLY', False), "
        "sorted(m for m in sys.modules if m.startswith('site_project.settings.'))]))"
    )
    result = run(["-c", code], env)
    assert result.returncode == 0, result.stderr
    debug, secret, serves_media, settings_modules = json.loads(result.stdout.splitlines()[-1])
    assert debug is False
    assert secret == env["DJANGO_SECRET_KEY"]
    assert serves_media is False
    assert settings_modules == ["site_project.settings.base", "site_project.settings.production"]


def test_deploy_check_reports_no_issue():
    result = run(["manage.py", "check", "--deploy", "--fail-level", "WARNING"], environment())
    assert result.returncode == 0, result.stdout + result.stderr
    assert "System check identified no issues" in result.stdout


def test_wsgi_application_defaults_to_production_settings():
    env = environment(DJANGO_SETTINGS_MODULE=None)
    code = (
        "import site_project.wsgi; from django.conf import settings; "
        "print(settings.SETTINGS_MODULE)"
    )
    result = run(["-c", code], env)
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip().splitlines()[-1] == "site_project.settings.production"


def test_gunicorn_config_loads_the_portal(tmp_path):
    """``gunicorn --check-config`` imports the config and the WSGI application."""
    result = run(
        ["-m", "gunicorn", "-c", "site_project/gunicorn.conf.py", "--check-config"],
        environment(),
    )
    assert result.returncode == 0, result.stdout + result.stderr
