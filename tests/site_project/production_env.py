"""Run Python with the production settings in a child process.

Production settings read the environment once, at import; each case needs a
fresh interpreter with an environment of its own.
"""

import json
import os
import subprocess
import sys
from pathlib import Path

BASE_DIR = Path(__file__).resolve().parents[2]

# A complete, valid production environment. Nothing is contacted while the
# settings load, so the servers named here need not exist.
SAMPLE_ENVIRONMENT = {
    "DJANGO_SETTINGS_MODULE": "site_project.settings.production",
    "DJANGO_SECRET_KEY": "sample-" + "k3Yq" * 16,
    "DJANGO_ALLOWED_HOSTS": "sonla.gov.vn,www.sonla.gov.vn",
    "DATABASE_URL": "postgres://portal:secret@db.internal:5432/portal",
    "REDIS_URL": "redis://cache.internal:6379/0",
    "DJANGO_MEDIA_ROOT": "/srv/portal/media",
    "DJANGO_EMAIL_HOST": "smtp.sonla.gov.vn",
    "DJANGO_DEFAULT_FROM_EMAIL": "portal@sonla.gov.vn",
    "WAGTAILADMIN_BASE_URL": "https://sonla.gov.vn",
}


def environment(**changes):
    """The sample environment with ``changes``; a value of None removes a variable."""
    env = {
        key: value
        for key, value in os.environ.items()
        if not key.startswith(("DJANGO_", "DATABASE_", "REDIS_", "WAGTAIL", "EMAIL_"))
    }
    env.update(SAMPLE_ENVIRONMENT)
    for key, value in changes.items():
        if value is None:
            env.pop(key, None)
        else:
            env[key] = value
    return env


def run(args, env, timeout=300):
    return subprocess.run(
        [sys.executable, *args],
        cwd=BASE_DIR,
        env=env,
        capture_output=True,
        text=True,
        timeout=timeout,
    )


def load_settings(env, names):
    """Import the settings under ``env``; the named values as JSON, or the failed process."""
    code = (
        "import json, django; django.setup(); from django.conf import settings; "
        f"print(json.dumps({{name: getattr(settings, name, None) for name in {list(names)!r}}}, default=str))"
    )
    result = run(["-c", code], env)
    if result.returncode:
        return result
    return json.loads(result.stdout.strip().splitlines()[-1])
