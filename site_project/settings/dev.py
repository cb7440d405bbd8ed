"""Local development: debug on, an insecure key that never leaves this file."""

from .base import *  # noqa: F401,F403

DEBUG = True
SECRET_KEY = "django-insecure-local-development-only"
ALLOWED_HOSTS = ["127.0.0.1", "localhost", "[::1]"]
SERVE_MEDIA_LOCALLY = True
