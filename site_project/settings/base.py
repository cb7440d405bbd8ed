"""Settings shared by every environment.

Environment-specific modules (dev, test, production) import from here and
override only what differs. Everything a deployer may change is read from
the environment; see README.md for the list.
"""

import json
import os
from datetime import timedelta
from pathlib import Path

import dj_database_url

from core.client_address import trusted_proxies_from_environment
from core.lao import register_lao
from site_project import local_address
from translations.machine_settings import machine_translator_setting

register_lao()

PROJECT_DIR = Path(__file__).resolve().parent.parent
BASE_DIR = PROJECT_DIR.parent


def env_bool(name, default=False):
    value = os.environ.get(name)
    if value is None:
        return default
    return value.strip().lower() in {"1", "true", "yes", "on"}


def env_list(name, default=""):
    return [item.strip() for item in os.environ.get(name, default).split(",") if item.strip()]


INSTALLED_APPS = [
    "home",
    "news",
    "search",
    "visits",
    # The read API, the open-data page and its catalogue.
    "open_data",
    # Before wagtail_localize: overrides its translation editor template.
    "translations",
    "official_documents",
    # The ground floor (core/): client-address rule, sign-in lock-out report.
    "core",
    # Tooling, each named for what it holds: demo content, the Vietnamese
    # admin catalogues, backup and restore.
    "demo",
    "admin_i18n",
    "backup",
    # Brings the old portal's articles and addresses over (manage.py import_portal).
    "importer",
    "axes",
    "wagtail_localize",
    "wagtail_localize.locales",
    "wagtail.contrib.forms",
    "wagtail.contrib.redirects",
    "wagtail.contrib.table_block",
    "wagtail.contrib.settings",
    "wagtail.contrib.sitemaps",
    "wagtail.embeds",
    "wagtail.sites",
    "wagtail.users",
    "wagtail.snippets",
    "wagtail.documents",
    "wagtail.images",
    "wagtail.search",
    "wagtail.admin",
    "wagtail",
    "modelcluster",
    "taggit",
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "django.contrib.sitemaps",
]

MIDDLEWARE = [
    # An unknown Host gets the portal's 400 page, not a 500 (core/error_pages.py).
    "core.error_pages.RejectUnknownHostMiddleware",
    "django.middleware.security.SecurityMiddleware",
    # Content-Security-Policy and Permissions-Policy on every response.
    "core.security.SecurityHeadersMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    # Counts visits and fills in the live figures; must stay above any cache
    # middleware (see visits/checks.py).
    "visits.middleware.VisitCounterMiddleware",
    # Whole pages for anonymous visitors; below the counter so that views
    # are counted and figures filled in on cache hits (core/page_cache.py).
    "core.page_cache.PageCacheMiddleware",
    # Known addresses go straight to their page (core/routes.py).
    "core.routes.RouteCacheMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.locale.LocaleMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    # Translators work only in their own languages (snippets included).
    "translations.middleware.TranslatorLocaleMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    # Oversized admin forms get a clear 413; invisible format characters are
    # stripped from admin input (core/admin_input.py). Reads the form
    # before the CSRF check does.
    "core.admin_input.AdminInputMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "wagtail.contrib.redirects.middleware.RedirectMiddleware",
    # Old portal addresses longer than Wagtail's redirects hold answer 301 too.
    "importer.middleware.OldAddressMiddleware",
    # Empty 403 and 405 answers become the portal's pages in the visitor's language.
    "core.error_pages.ErrorPageMiddleware",
    # Keeps the login page (which says why) when django-axes refuses an address.
    "axes.middleware.AxesMiddleware",
]

ROOT_URLCONF = "site_project.urls"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.debug",
                "django.template.context_processors.request",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "django.template.context_processors.i18n",
                "home.context_processors.site_frame",
            ],
        },
    },
]

WSGI_APPLICATION = "site_project.wsgi.application"

# SQLite by default so a fresh machine needs no server; DATABASE_URL selects
# PostgreSQL (postgres://user@host:5432/name).
DATABASES = {
    "default": dj_database_url.config(
        default=f"sqlite:///{BASE_DIR / 'db.sqlite3'}",
        conn_max_age=int(os.environ.get("DATABASE_CONN_MAX_AGE", "0")),
    )
}
if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":
    # WAL lets readers work while a writer holds the lock; the timeout makes
    # concurrent writers wait instead of failing with "database is locked".
    DATABASES["default"].setdefault("OPTIONS", {}).update(
        {
            "timeout": 20,
            "init_command": "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL;",
            "transaction_mode": "IMMEDIATE",
        }
    )

DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]

# Internationalisation ----------------------------------------------------

LANGUAGE_CODE = "vi"
LANGUAGES = WAGTAIL_CONTENT_LANGUAGES = [
    ("vi", "Tiếng Việt"),
    ("en", "English"),
    ("lo", "ພາສາລາວ"),
]
WAGTAIL_I18N_ENABLED = True
WAGTAILADMIN_PERMITTED_LANGUAGES = [
    ("vi", "Tiếng Việt"),
    ("en", "English"),
]
LOCALE_PATHS = [BASE_DIR / "locale"]
FORMAT_MODULE_PATH = ["core.formats"]
NUMBER_GROUPING = 3
TIME_ZONE = "Asia/Ho_Chi_Minh"
USE_I18N = True
USE_TZ = True

# Translating a live Vietnamese page must not publish its English or Lao copy
# full of untranslated Vietnamese text.
WAGTAILLOCALIZE_SYNC_LIVE_STATUS_ON_TRANSLATE = False
# Publishing a Vietnamese page starts draft English and Lao translations.
TRANSLATIONS_AUTO_DRAFTS = env_bool("PORTAL_AUTO_TRANSLATION_DRAFTS", True)
# Translation memory and glossary, then DeepL or LibreTranslate if configured.
WAGTAILLOCALIZE_MACHINE_TRANSLATOR = machine_translator_setting(os.environ)

# Static and media files ----------------------------------------------------

STATICFILES_FINDERS = [
    "django.contrib.staticfiles.finders.FileSystemFinder",
    "django.contrib.staticfiles.finders.AppDirectoriesFinder",
]
STATIC_ROOT = Path(os.environ.get("DJANGO_STATIC_ROOT", BASE_DIR / "static"))
STATIC_URL = "/static/"
MEDIA_ROOT = Path(os.environ.get("DJANGO_MEDIA_ROOT", BASE_DIR / "media"))
MEDIA_URL = "/media/"

STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
}

DATA_UPLOAD_MAX_NUMBER_FIELDS = 10_000
# Text of one form (files not counted). Field limits (core/text_rules.py)
# keep a long article's edit form to a few MB; a 1 MB paste into one field is
# refused by that field's own limit, with the rest of the form kept.
DATA_UPLOAD_MAX_MEMORY_SIZE = 16 * 1024 * 1024
WAGTAILIMAGES_MAX_UPLOAD_SIZE = 10 * 1024 * 1024
WAGTAILIMAGES_EXTENSIONS = ["gif", "jpg", "jpeg", "png", "webp"]

# Wagtail ------------------------------------------------------------------

WAGTAIL_SITE_NAME = "Cổng thông tin điện tử tỉnh Sơn La"
# Links in notification e-mails; locally the address `make run` serves on
# (PORTAL_HOST, PORTAL_PORT), so they name the real port.
WAGTAILADMIN_BASE_URL = os.environ.get("WAGTAILADMIN_BASE_URL") or local_address.base_url(
    os.environ.get("PORTAL_HOST"), os.environ.get("PORTAL_PORT")
)
# Wagtail's database backend, with queries normalised like the index (accents,
# Lao words); see search/backend.py.
# No request leaves the site, the admin included: no update check, no Gravatar.
WAGTAIL_ENABLE_UPDATE_CHECK = False
WAGTAIL_GRAVATAR_PROVIDER_URL = None
WAGTAILSEARCH_BACKENDS = {
    "default": {"BACKEND": "search.backend"},
}
# Page models index normalised copies of Wagtail's core search fields, which
# this check cannot recognise; search.E001 checks them instead.
SILENCED_SYSTEM_CHECKS = ["wagtailsearch.W001"]
WAGTAILDOCS_EXTENSIONS = ["csv", "docx", "odt", "ods", "pdf", "pptx", "rtf", "txt", "xlsx", "zip"]
WAGTAIL_ALLOW_UNICODE_SLUGS = False
TAGGIT_CASE_INSENSITIVE = True

CACHES = {
    "default": {
        "BACKEND": "django.core.cache.backends.locmem.LocMemCache",
        "LOCATION": "son-la-portal",
    }
}

# The page type search results are grouped under ("in section ...").
SEARCH_SECTION_MODEL = "news.SectionPage"

# The project's models shown on many pages: saving or deleting one purges
# every cache (core/purge.py), as a page change does. The identity is in
# every page's header and footer; topics label articles everywhere; cached
# search pages show editors' picks.
CACHE_PURGE_MODELS = [
    "home.SiteIdentity",
    "news.Topic",
    "search.EditorsPick",
    "official_documents.DocumentType",
    "official_documents.IssuingBody",
    "official_documents.DocumentField",
]

# Seconds a public page stays in the page cache (core.page_cache) at most;
# publishing purges it sooner. 0 turns the page cache off.
PAGE_CACHE_SECONDS = int(os.environ.get("PORTAL_PAGE_CACHE_SECONDS", "300"))
# New search result pages stored per PAGE_CACHE_SECONDS at most, so that
# endless different queries cannot fill the cache (core/page_cache.py).
PAGE_CACHE_SEARCH_ENTRIES = int(os.environ.get("PORTAL_PAGE_CACHE_SEARCH_ENTRIES", "1000"))
# Searches are written to the popular-searches counts together, at most this
# often per worker (search/views.py).
SEARCH_COUNT_SECONDS = 5
# Matches a search counts exactly; past it the page says "more than" this many
# and its pages stop there, so a search costs the same at any size (search/engine.py).
SEARCH_COUNT_LIMIT = 1000
# A CDN in front of the site, purged on the same events (core/cdn.py): Wagtail's
# frontend-cache backends as JSON, e.g. {"cdn": {"BACKEND":
# "wagtail.contrib.frontend_cache.backends.CloudflareBackend", ...}}.
if os.environ.get("WAGTAILFRONTENDCACHE", "").strip():
    WAGTAILFRONTENDCACHE = json.loads(os.environ["WAGTAILFRONTENDCACHE"])
    # Translations have their own addresses; core.cdn sends each one.
    WAGTAILFRONTENDCACHE_LANGUAGES = []

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": "WARNING"},
}

EMAIL_BACKEND = os.environ.get(
    "DJANGO_EMAIL_BACKEND", "django.core.mail.backends.console.EmailBackend"
)
DEFAULT_FROM_EMAIL = os.environ.get("DJANGO_DEFAULT_FROM_EMAIL", "portal@localhost")

X_FRAME_OPTIONS = "DENY"

# Security (core/security.py, core/sign_in.py, uploads.py) -----------

# Sign-in lock-out (core/sign_in.py): ten failures from one address lock it
# out for 15 minutes (django-axes); five failures for one user name from
# anywhere make each further try wait 1, 2, 4 ... at most 15 minutes, except
# from an address where that user signed in before.
AUTHENTICATION_BACKENDS = [
    "axes.backends.AxesStandaloneBackend",
    "core.sign_in.AccountThrottleBackend",
    "django.contrib.auth.backends.ModelBackend",
]
WAGTAILADMIN_USER_LOGIN_FORM = "core.sign_in.LockoutLoginForm"
AXES_LOCKOUT_PARAMETERS = ["ip_address"]
AXES_FAILURE_LIMIT = 10
AXES_COOLOFF_TIME = timedelta(minutes=15)
AXES_CLIENT_IP_CALLABLE = "core.client_address.client_address"
AXES_LOCKOUT_CALLABLE = "core.sign_in.lockout_response"
# A success from an address must not wipe its failures (an attacker holding
# one account could otherwise reset the counter between guesses at others).
AXES_RESET_ON_SUCCESS = False
# Failures (with address and user name tried) feed the admin's lock-out report
# and are deleted after 30 days; successful sign-ins are not logged.
AXES_ENABLE_ACCESS_FAILURE_LOG = True
AXES_DISABLE_ACCESS_LOG = True
# The Django admin is not served; the Wagtail report replaces axes' screens.
AXES_ENABLE_ADMIN = False
AXES_VERBOSE = False
CSRF_FAILURE_VIEW = "core.error_pages.csrf_failure"
# Behind reverse proxies: how many of them append to X-Forwarded-For
# (core/client_address.py, the one rule for every visitor address).
TRUSTED_PROXIES = trusted_proxies_from_environment()
# Documents must be what their name says, and at most 20 MB.
WAGTAILDOCS_DOCUMENT_FORM_BASE = "core.uploads.DocumentForm"
WAGTAILDOCS_MAX_UPLOAD_SIZE = 20 * 1024 * 1024
WAGTAILIMAGES_MAX_IMAGE_PIXELS = 50_000_000

# Open data (open_data/): the read API at /api/v2/ ---------------------------

# Items per API answer at most; a larger ?limit= gets a 400 saying so.
OPEN_DATA_API_MAX_LIMIT = 100
# Requests per client address (core/client_address.py) per period; beyond
# that a 429 with Retry-After. 0 turns the limit off.
OPEN_DATA_RATE_LIMIT = int(os.environ.get("PORTAL_API_RATE_LIMIT", "120"))
OPEN_DATA_RATE_PERIOD = 60
# Seconds an API answer stays cached at most; publishing purges it sooner.
OPEN_DATA_CACHE_SECONDS = int(os.environ.get("PORTAL_API_CACHE_SECONDS", "300"))
OPEN_DATA_LICENCE_URL = "https://creativecommons.org/licenses/by/4.0/"
