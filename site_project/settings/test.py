"""Test runs: fast hashing, in-memory email, files kept out of the way."""

import os
from pathlib import Path

from .base import *  # noqa: F401,F403
from .base import BASE_DIR

DEBUG = False
SECRET_KEY = "tests-only-not-a-secret"
ALLOWED_HOSTS = ["*"]
PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
# Each search is counted at once, so a test reads its own counts.
SEARCH_COUNT_SECONDS = 0
MEDIA_ROOT = Path(os.environ.get("DJANGO_MEDIA_ROOT", BASE_DIR / ".local" / "test-media"))

# The browser tests run a real server with DEBUG off: serve static files from
# the apps' folders and media from MEDIA_ROOT, as a local server would.
WHITENOISE_USE_FINDERS = True
STATIC_ROOT = None  # nothing is collected in tests
SERVE_MEDIA_LOCALLY = True

# The browser tests' server writes its e-mails to files, for the tests to read.
if os.environ.get("PORTAL_TEST_EMAIL_DIR"):
    EMAIL_BACKEND = "django.core.mail.backends.filebased.EmailBackend"
    EMAIL_FILE_PATH = os.environ["PORTAL_TEST_EMAIL_DIR"]
