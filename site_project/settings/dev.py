"""Local runs (``make run``, ``manage.py``): the site as visitors see it, on this machine.

DEBUG is off unless ``DJANGO_DEBUG=1`` (``make run DEBUG=1``): a missing page
then gets the portal's own 404 page in the visitor's language, as on the real
site, and not Django's technical page. Static files are served by WhiteNoise
straight from the apps' folders (nothing to collect), as in the test settings,
and media by Django. The insecure key never leaves this file.
"""

import os

from site_project import local_address

from .base import *  # noqa: F401,F403
from .base import env_bool, env_list

DEBUG = env_bool("DJANGO_DEBUG", False)
SECRET_KEY = "django-insecure-local-development-only"
ALLOWED_HOSTS = ["127.0.0.1", "localhost", "[::1]"]
# `make run HOST=192.168.1.20` lets a phone on the same network in.
_host = local_address.allowed_host(os.environ.get("PORTAL_HOST"))
if _host:
    ALLOWED_HOSTS.append(_host)
ALLOWED_HOSTS += env_list("DJANGO_ALLOWED_HOSTS")
SERVE_MEDIA_LOCALLY = True

# With DEBUG off runserver no longer serves static files: WhiteNoise (already
# in MIDDLEWARE) finds them in the apps and picks up edited files at once.
WHITENOISE_USE_FINDERS = True
WHITENOISE_AUTOREFRESH = True
STATIC_ROOT = os.environ.get("DJANGO_STATIC_ROOT") or None
