"""`make run` serves the site as visitors see it, and says the address it really serves on."""

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
from django.core.management import call_command

ROOT = Path(__file__).resolve().parents[2]

PROBE = (
    "import json; from django.conf import settings; "
    "print(json.dumps({'DEBUG': settings.DEBUG, 'base_url': settings.WAGTAILADMIN_BASE_URL, "
    "'hosts': settings.ALLOWED_HOSTS, 'finders': getattr(settings, 'WHITENOISE_USE_FINDERS', False)}))"
)


def run_settings(**env):
    """The local settings (site_project.settings.dev) as a fresh process reads them."""
    clean = {
        key: value
        for key, value in os.environ.items()
        if key not in {"DJANGO_DEBUG", "PORTAL_HOST", "PORTAL_PORT", "WAGTAILADMIN_BASE_URL"}
    }
    clean.update(DJANGO_SETTINGS_MODULE="site_project.settings.dev", **env)
    result = subprocess.run(
        [sys.executable, "-c", f"import django; django.setup(); {PROBE}"],
        env=clean, cwd=ROOT, capture_output=True, text=True, check=True,
    )
    return json.loads(result.stdout)


def test_the_local_server_runs_with_debug_off_and_serves_static_files_itself():
    values = run_settings()
    assert values["DEBUG"] is False
    assert values["finders"] is True
    assert values["base_url"] == "http://127.0.0.1:8000"


def test_debug_is_a_switch():
    assert run_settings(DJANGO_DEBUG="1")["DEBUG"] is True


@pytest.mark.parametrize(
    "host, port, expected",
    [
        ("127.0.0.1", "8161", "http://127.0.0.1:8161"),
        ("0.0.0.0", "8080", "http://127.0.0.1:8080"),
        ("192.168.1.20", "8000", "http://192.168.1.20:8000"),
        ("localhost", "80", "http://localhost"),
    ],
)
def test_emails_and_printed_addresses_follow_host_and_port(host, port, expected):
    values = run_settings(PORTAL_HOST=host, PORTAL_PORT=port)
    assert values["base_url"] == expected
    # A phone on the same network may then reach a server bound to that address.
    if host == "192.168.1.20":
        assert host in values["hosts"]


def test_an_explicit_admin_base_url_wins():
    values = run_settings(PORTAL_PORT="8161", WAGTAILADMIN_BASE_URL="https://cong.example")
    assert values["base_url"] == "https://cong.example"


def test_make_run_passes_host_and_port_to_every_command():
    dry_run = subprocess.run(
        ["make", "-n", "run", "HOST=0.0.0.0", "PORT=8161"],
        cwd=ROOT, capture_output=True, text=True, check=True,
    ).stdout.splitlines()
    runserver = next(line for line in dry_run if "runserver" in line)
    assert runserver.endswith("runserver 0.0.0.0:8161")
    for command in ("runserver", "create_local_admin", "setup_roles"):
        line = next(line for line in dry_run if command in line)
        assert "PORTAL_HOST=0.0.0.0" in line and "PORTAL_PORT=8161" in line
        assert "DJANGO_DEBUG=0" in line
    assert any("DJANGO_DEBUG=1" in line for line in subprocess.run(
        ["make", "-n", "run", "DEBUG=1"], cwd=ROOT, capture_output=True, text=True, check=True,
    ).stdout.splitlines())


def test_create_local_admin_prints_the_address_it_is_served_on(db, settings, capsys):
    settings.WAGTAILADMIN_BASE_URL = "http://127.0.0.1:8161"
    call_command("create_local_admin")
    assert "URL:      http://127.0.0.1:8161/admin/" in capsys.readouterr().out

