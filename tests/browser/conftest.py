"""A real server and a real browser.

The server is ``manage.py runserver`` in a subprocess with its own database
holding the demo content, so pages are served exactly as a visitor gets
them; the test database of the other tests is left alone. Chromium is
Debian's (``CHROMIUM``, default /usr/bin/chromium), driven by Playwright.
"""

import json
import os
import secrets
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path
from types import SimpleNamespace

import pytest

from tests.browser.a11y import serve_axe

ROOT = Path(__file__).resolve().parents[2]
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]


def _free_port():
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def _browser_database_url(tmp_path_factory):
    """A database of its own: a fresh SQLite file, or ``<name>_browser`` on PostgreSQL."""
    url = os.environ.get("DATABASE_URL", "")
    if not url.startswith(("postgres://", "postgresql://")):
        return f"sqlite:///{tmp_path_factory.mktemp('browser') / 'db.sqlite3'}"
    import psycopg

    base, _, name = url.rpartition("/")
    name = f"{name or 'sonla'}_browser"
    with psycopg.connect(f"{base}/postgres", autocommit=True) as conn:
        conn.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
        conn.execute(f'CREATE DATABASE "{name}"')
    return f"{base}/{name}"


@pytest.fixture(scope="session")
def browser_site(tmp_path_factory):
    """The server's environment, its own database holding the demo content."""
    env = dict(
        os.environ,
        DJANGO_SETTINGS_MODULE="site_project.settings.test",
        DATABASE_URL=_browser_database_url(tmp_path_factory),
        DJANGO_MEDIA_ROOT=str(tmp_path_factory.mktemp("media")),
        # E-mails the server sends land here (site_project/settings/test.py).
        PORTAL_TEST_EMAIL_DIR=str(tmp_path_factory.mktemp("mail")),
    )
    manage = [sys.executable, str(ROOT / "manage.py")]
    for command in (["migrate", "--no-input", "-v0"], ["load_demo_content", "-v0"]):
        subprocess.run(manage + command, env=env, cwd=ROOT, check=True)
    # A section long enough to have a second page, then the list of pages to check.
    inventory = subprocess.run(
        [sys.executable, "-m", "tests.browser.site_pages", "--pad"],
        env=dict(env, PORTAL_AUTO_TRANSLATION_DRAFTS="0"),  # plain copies, no draft translations
        cwd=ROOT,
        check=True,
        capture_output=True,
        text=True,
    )
    return SimpleNamespace(env=env, manage=manage, pages=json.loads(inventory.stdout))


@pytest.fixture(scope="session")
def admin_password(browser_site):
    """The local superuser ``admin``'s password, made up for this run."""
    password = secrets.token_urlsafe(16)
    subprocess.run(
        browser_site.manage + ["create_local_admin"],
        env=dict(browser_site.env, PORTAL_ADMIN_PASSWORD=password),
        check=True,
        capture_output=True,
    )
    return password


@pytest.fixture(scope="session")
def site_pages(browser_site):
    """The URLs that stand for each public page type, per language (see ``site_pages.py``)."""
    return browser_site.pages


@pytest.fixture(scope="session")
def server_url(browser_site):
    env, manage = browser_site.env, browser_site.manage
    port = _free_port()
    server = subprocess.Popen(
        manage + ["runserver", f"127.0.0.1:{port}", "--noreload"],
        env=env,
        cwd=ROOT,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    url = f"http://127.0.0.1:{port}"
    wait_until_serving(server, url, "The test server did not start.")
    yield url
    server.terminate()
    server.wait(timeout=10)


@pytest.fixture(scope="session")
def browser():
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(
            executable_path=os.environ.get("CHROMIUM", "/usr/bin/chromium"),
            args=CHROMIUM_ARGS,
        )
        yield browser
        browser.close()


@pytest.fixture
def open_tab(browser, server_url):
    """Open tabs in fresh contexts: ``open_tab(width=320, java_script_enabled=False, ...)``.

    Each tab records requests leaving 127.0.0.1 (``tab.external_requests``) and
    uncaught script errors (``tab.errors``); its context closes after the test.
    """
    contexts = []

    def open_tab(width=1280, height=900, **options):
        context = browser.new_context(
            base_url=server_url, viewport={"width": width, "height": height}, **options
        )
        contexts.append(context)
        serve_axe(context)
        tab = context.new_page()
        tab.external_requests = []
        tab.errors = []
        tab.on(
            "request",
            lambda request: None
            if request.url.startswith(("http://127.0.0.1", "data:", "blob:"))
            else tab.external_requests.append(request.url),
        )
        tab.on("pageerror", lambda error: tab.errors.append(str(error)))
        return tab

    yield open_tab
    for context in contexts:
        context.close()


def wait_until_serving(server, url, failure):
    """Return once ``url`` answers; kill ``server`` and raise ``failure`` if it dies or 30 s pass."""
    deadline = time.monotonic() + 30
    while True:
        try:
            urllib.request.urlopen(f"{url}/vi/", timeout=2)
            return
        except OSError:
            if time.monotonic() > deadline or server.poll() is not None:
                server.kill()
                raise RuntimeError(failure)
            time.sleep(0.3)


def signed_in_tab(context, server_url, username, password):
    """A tab of ``context`` signed in to the admin, kept off the internet, collecting page errors."""
    # The admin's update check and avatars call out to the internet; not here.
    context.route("**/*", lambda route: route.abort() if not route.request.url.startswith(server_url) else route.fallback())
    tab = context.new_page()
    tab.errors = []
    tab.on("pageerror", lambda error: tab.errors.append(str(error)))
    tab.goto("/admin/login/")
    tab.fill("input[name=username]", username)
    tab.fill("input[name=password]", password)
    tab.click("button[type=submit]")
    tab.wait_for_url("**/admin/")
    return tab
