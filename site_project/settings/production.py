"""Production: configured only from the environment (see README.md).

Nothing here is a default for a secret or a server: a missing or unusable
required variable stops start-up with an ``ImproperlyConfigured`` message
naming it. ``DEBUG`` is off and no environment variable can turn it on.
"""

import os
from pathlib import Path
from urllib.parse import urlsplit

import dj_database_url
from django.core.exceptions import ImproperlyConfigured

# Django's own check (security.W009) asks for at least this many characters.
MINIMUM_SECRET_KEY_LENGTH = 50


def required(name):
    """The value of environment variable ``name``; start-up stops when it is unset or blank."""
    value = os.environ.get(name, "").strip()
    if not value:
        raise ImproperlyConfigured(
            f"The environment variable {name} is required in production (see README.md)."
        )
    return value


def env_int(name, default):
    value = os.environ.get(name, "").strip() or str(default)
    try:
        return int(value)
    except ValueError:
        raise ImproperlyConfigured(f"{name} must be a whole number, not {value!r}.") from None


def secret_key():
    value = required("DJANGO_SECRET_KEY")
    if len(value) < MINIMUM_SECRET_KEY_LENGTH or value.startswith("django-insecure"):
        raise ImproperlyConfigured(
            f"DJANGO_SECRET_KEY must be a random value of at least {MINIMUM_SECRET_KEY_LENGTH} "
            "characters, e.g. python -c 'import secrets; print(secrets.token_urlsafe(50))'."
        )
    return value


def postgresql_database():
    url = required("DATABASE_URL")
    if urlsplit(url).scheme not in {"postgres", "postgresql", "pgsql"}:
        raise ImproperlyConfigured(
            "DATABASE_URL must point at PostgreSQL (postgres://user:password@host:5432/name); "
            "SQLite is for development only."
        )
    return dj_database_url.parse(
        url,
        conn_max_age=env_int("DATABASE_CONN_MAX_AGE", 60),
        conn_health_checks=True,
    )


def redis_url():
    url = required("REDIS_URL")
    if urlsplit(url).scheme not in {"redis", "rediss", "unix"}:
        raise ImproperlyConfigured(
            "REDIS_URL must be a Redis URL such as redis://127.0.0.1:6379/0."
        )
    return url


def absolute_path(name):
    """A directory from ``name`` that must be an absolute path."""
    value = required(name)
    if not os.path.isabs(value):
        raise ImproperlyConfigured(f"{name} must be an absolute path, not {value!r}.")
    return Path(value)


def http_url(name):
    value = required(name).rstrip("/")
    if urlsplit(value).scheme not in {"http", "https"} or not urlsplit(value).netloc:
        raise ImproperlyConfigured(f"{name} must be a full URL such as https://sonla.gov.vn.")
    return value


# Checked before the base settings load: they read DATABASE_URL too, and
# would fail on a blank one with a less helpful message.
_database = postgresql_database()

from .base import *  # noqa: E402,F401,F403
from .base import BASE_DIR, CACHES, LOGGING, MIDDLEWARE, STORAGES, env_bool, env_list  # noqa: E402

# Core --------------------------------------------------------------------

DEBUG = False
SECRET_KEY = secret_key()
ALLOWED_HOSTS = env_list("DJANGO_ALLOWED_HOSTS") or [required("DJANGO_ALLOWED_HOSTS")]
CSRF_TRUSTED_ORIGINS = env_list("DJANGO_CSRF_TRUSTED_ORIGINS")
WAGTAILADMIN_BASE_URL = http_url("WAGTAILADMIN_BASE_URL")
DATABASES = {"default": _database}

# A PostgreSQL streaming replica for anonymous visitors' reads, if
# DATABASE_REPLICA_URL is set (core/read_replica.py says who reads
# where and why a page rebuilt after a publish is never stale).
if os.environ.get("DATABASE_REPLICA_URL", "").strip():
    DATABASES["replica"] = {
        **dj_database_url.parse(
            os.environ["DATABASE_REPLICA_URL"].strip(),
            conn_max_age=env_int("DATABASE_CONN_MAX_AGE", 60),
            conn_health_checks=True,
        ),
        "TEST": {"MIRROR": "default"},
    }
    DATABASE_ROUTERS = ["core.read_replica.ReplicaRouter"]
    MIDDLEWARE = list(MIDDLEWARE)
    MIDDLEWARE.insert(
        MIDDLEWARE.index("core.page_cache.PageCacheMiddleware") + 1,
        "core.read_replica.ReplicaReadsMiddleware",
    )

# Gzip for HTML (and feeds) where no proxy in front compresses them
# (core/compression.py says where it goes and why CSRF pages are left out).
COMPRESS_HTML = env_bool("DJANGO_COMPRESS_HTML", False)
if COMPRESS_HTML:
    from core.compression import with_compression  # noqa: E402

    MIDDLEWARE = with_compression(MIDDLEWARE)  # noqa: F405

# Redis holds every cache (pages, fragments, the site frame) and the
# sessions; each cache alias the base settings define gets its own key prefix.
# The visit counter reads the same REDIS_URL (visits/conf.py) with its own prefix.
REDIS_URL = redis_url()
CACHE_KEY_PREFIX = os.environ.get("DJANGO_CACHE_KEY_PREFIX", "sonla")
CACHES = {
    alias: {
        "BACKEND": "core.redis_cache.RedisCache",
        "LOCATION": REDIS_URL,
        "KEY_PREFIX": f"{CACHE_KEY_PREFIX}:{alias}",
        "TIMEOUT": config.get("TIMEOUT", env_int("DJANGO_CACHE_TIMEOUT", 600)),
    }
    for alias, config in CACHES.items()
}
SESSION_ENGINE = "django.contrib.sessions.backends.cache"
SESSION_CACHE_ALIAS = "default"


# HTTPS ------------------------------------------------------------------

# The reverse proxy in front of gunicorn terminates TLS and says so here.
SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
SECURE_SSL_REDIRECT = env_bool("DJANGO_SECURE_SSL_REDIRECT", True)
SESSION_COOKIE_SECURE = True
CSRF_COOKIE_SECURE = True
SESSION_COOKIE_HTTPONLY = True
SECURE_HSTS_SECONDS = env_int("DJANGO_HSTS_SECONDS", 31_536_000)
SECURE_HSTS_INCLUDE_SUBDOMAINS = True
SECURE_HSTS_PRELOAD = True
# Also Django's defaults, written out because production relies on them.
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "same-origin"

# Files ------------------------------------------------------------------

MEDIA_ROOT = absolute_path("DJANGO_MEDIA_ROOT")
MEDIA_URL = os.environ.get("DJANGO_MEDIA_URL", "/media/")
STATIC_ROOT = Path(os.environ.get("DJANGO_STATIC_ROOT", BASE_DIR / "static"))
# Media is served by the web server in front of gunicorn (or object storage),
# never by Django.
SERVE_MEDIA_LOCALLY = False

# DJANGO_MEDIA_STORAGE=s3 keeps uploads and image renditions in an
# S3-compatible object store (django-storages) instead of DJANGO_MEDIA_ROOT;
# boto3 reads AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY itself. The store's
# address (or DJANGO_MEDIA_URL's, a CDN in front of it) is allowed in img-src.
MEDIA_STORAGE = os.environ.get("DJANGO_MEDIA_STORAGE", "local").strip().lower()
if MEDIA_STORAGE == "s3":
    _s3_endpoint = os.environ.get("AWS_S3_ENDPOINT_URL", "").strip() or None
    _s3_domain = os.environ.get("AWS_S3_CUSTOM_DOMAIN", "").strip() or None
    STORAGES = {
        **STORAGES,
        "default": {
            "BACKEND": "storages.backends.s3.S3Storage",
            "OPTIONS": {
                "bucket_name": required("AWS_STORAGE_BUCKET_NAME"),
                "endpoint_url": _s3_endpoint,
                "region_name": os.environ.get("AWS_S3_REGION_NAME", "").strip() or None,
                "custom_domain": _s3_domain,
                "url_protocol": os.environ.get("AWS_S3_URL_PROTOCOL", "https:"),
                "addressing_style": os.environ.get("AWS_S3_ADDRESSING_STYLE", "path"),
                # Public files with plain addresses, so cached pages keep working.
                "querystring_auth": False,
                "default_acl": None,
                "file_overwrite": False,
            },
        },
    }
    _media_origin = (
        f"{os.environ.get('AWS_S3_URL_PROTOCOL', 'https:')}//{_s3_domain}" if _s3_domain else _s3_endpoint
    )
    if _media_origin:
        _parts = urlsplit(_media_origin)
        CONTENT_SECURITY_POLICY_IMG_SOURCES = [f"{_parts.scheme}://{_parts.netloc}"]
elif MEDIA_STORAGE != "local":
    raise ImproperlyConfigured("DJANGO_MEDIA_STORAGE must be local or s3.")

# Hashed names and gzip/brotli copies; WhiteNoise then sends hashed files with
# a one-year "immutable" Cache-Control.
STORAGES = {
    **STORAGES,
    "staticfiles": {"BACKEND": "whitenoise.storage.CompressedManifestStaticFilesStorage"},
}
WHITENOISE_MAX_AGE = env_int("DJANGO_STATIC_MAX_AGE", 3600)

# E-mail (moderation and translation notifications) ---------------------

EMAIL_BACKEND = os.environ.get(
    "DJANGO_EMAIL_BACKEND", "django.core.mail.backends.smtp.EmailBackend"
)
if EMAIL_BACKEND == "django.core.mail.backends.smtp.EmailBackend":
    EMAIL_HOST = required("DJANGO_EMAIL_HOST")
EMAIL_PORT = env_int("DJANGO_EMAIL_PORT", 587)
EMAIL_HOST_USER = os.environ.get("DJANGO_EMAIL_HOST_USER", "")
EMAIL_HOST_PASSWORD = os.environ.get("DJANGO_EMAIL_HOST_PASSWORD", "")
EMAIL_USE_TLS = env_bool("DJANGO_EMAIL_USE_TLS", True)
EMAIL_USE_SSL = env_bool("DJANGO_EMAIL_USE_SSL", False)
if EMAIL_USE_TLS and EMAIL_USE_SSL:
    raise ImproperlyConfigured("Set only one of DJANGO_EMAIL_USE_TLS and DJANGO_EMAIL_USE_SSL.")
EMAIL_TIMEOUT = env_int("DJANGO_EMAIL_TIMEOUT", 10)
DEFAULT_FROM_EMAIL = required("DJANGO_DEFAULT_FROM_EMAIL")
SERVER_EMAIL = os.environ.get("DJANGO_SERVER_EMAIL", DEFAULT_FROM_EMAIL)
ADMINS = [("", address) for address in env_list("DJANGO_ADMINS")]

# Logging ------------------------------------------------------------------

LOGGING = {**LOGGING, "root": {**LOGGING["root"], "level": os.environ.get("DJANGO_LOG_LEVEL", "INFO")}}
