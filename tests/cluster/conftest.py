"""Fixtures for the cluster tests: the running topology of ``make cluster``.

These tests talk to real servers over HTTP (Varnish, two gunicorn app
servers, PostgreSQL primary and replica, Redis, the S3 store), start and stop
them through ``cluster/cluster.sh``, and never touch the test database. They
are marked ``cluster`` and left out of the normal suite (pytest.ini);
``make cluster-test`` starts the cluster, runs them, and stops it.
"""

import json
import os
import re
import subprocess
import threading
import time
from pathlib import Path

import pytest
import requests

ROOT = Path(__file__).resolve().parents[2]
CLUSTER_DIR = os.environ.get("CLUSTER_DIR", "/tmp/sonla-cluster")
PROXY = f"http://127.0.0.1:{os.environ.get('PROXY_PORT', '8170')}"
APPS = {
    "app1": f"http://127.0.0.1:{os.environ.get('APP1_PORT', '8171')}",
    "app2": f"http://127.0.0.1:{os.environ.get('APP2_PORT', '8172')}",
}
PG_PRIMARY = os.environ.get("PG_PRIMARY_PORT", "5440")
PG_REPLICA = os.environ.get("PG_REPLICA_PORT", "5441")
S3 = f"http://127.0.0.1:{os.environ.get('S3_PORT', '8190')}"
BROWSER_AGENT = "Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0 Safari/537.36"
# The load is not a person: its views are not counted (visits/conf.py).
LOAD_AGENT = "sonla-cluster-load-bot/1.0"
ADMIN_PASSWORD = os.environ.get("PORTAL_ADMIN_PASSWORD", "cluster-admin-password")


def cluster(*args, check=True):
    """Run ``cluster/cluster.sh`` with ``args`` (e.g. ``stop-one app1 KILL``)."""
    return subprocess.run(
        [str(ROOT / "cluster" / "cluster.sh"), *args],
        cwd=ROOT,
        env={**os.environ, "CLUSTER_DIR": CLUSTER_DIR},
        check=check,
        capture_output=True,
        text=True,
        timeout=180,
    )


def portal_python(code):
    """Run Python ``code`` in the portal with the app servers' environment; its stdout."""
    script = 'source cluster/app.env && exec .venv/bin/python manage.py shell -c "$CODE"'
    env = {
        **os.environ,
        "CLUSTER_DIR": CLUSTER_DIR,
        "PROXY_PORT": PROXY.rsplit(":", 1)[1],
        "PG_PRIMARY_PORT": PG_PRIMARY,
        "PG_REPLICA_PORT": PG_REPLICA,
        "REDIS_PORT": os.environ.get("REDIS_PORT", "6390"),
        "S3_PORT": S3.rsplit(":", 1)[1],
        "CODE": code,
    }
    result = subprocess.run(
        ["bash", "-c", script], cwd=ROOT, env=env, capture_output=True, text=True, timeout=120
    )
    assert result.returncode == 0, result.stderr[-2000:]
    return result.stdout


def manage(*args):
    script = 'source cluster/app.env && exec .venv/bin/python manage.py "$@"'
    env = {**os.environ, "CLUSTER_DIR": CLUSTER_DIR, "PROXY_PORT": PROXY.rsplit(":", 1)[1]}
    return subprocess.run(
        ["bash", "-c", script, "manage", *args], cwd=ROOT, env=env, check=True, capture_output=True, text=True,
        timeout=120,
    ).stdout


def psql(port, sql):
    result = subprocess.run(
        ["psql", "-h", "127.0.0.1", "-p", port, "-U", "postgres", "-d", "sonla", "-tAc", sql],
        check=True, capture_output=True, text=True, timeout=30,
    )
    return result.stdout.strip()


class Load:
    """Steady traffic through the proxy, every answer checked.

    Each thread loops over the article in three languages (cached by the
    proxy), the visit figures (never cached: an app server and the replica on
    every request), a search (never cached) and a static file, pausing a
    little so the 2-core machine keeps room for the servers.
    """

    def __init__(self, urls, threads=6, pause=0.02):
        self.urls = urls
        self.threads = threads
        self.pause = pause
        self.lock = threading.Lock()
        self.ok = 0
        self.failures = []
        self.stopping = threading.Event()
        self.workers = []

    def start(self):
        for index in range(self.threads):
            worker = threading.Thread(target=self._run, args=(index,), daemon=True)
            worker.start()
            self.workers.append(worker)

    def stop(self):
        self.stopping.set()
        for worker in self.workers:
            worker.join(timeout=30)

    def reset(self):
        with self.lock:
            self.ok = 0
            self.failures = []

    def snapshot(self):
        with self.lock:
            return self.ok, list(self.failures)

    def _run(self, index):
        session = requests.Session()
        session.headers["User-Agent"] = LOAD_AGENT
        position = index
        while not self.stopping.is_set():
            url = self.urls[position % len(self.urls)]
            position += 1
            try:
                response = session.get(PROXY + url, timeout=30)
                good = response.status_code == 200
                problem = None if good else f"{response.status_code} {url}"
            except requests.RequestException as error:
                good, problem = False, f"{type(error).__name__} {url}: {error}"
            with self.lock:
                if good:
                    self.ok += 1
                else:
                    self.failures.append((time.time(), problem))
            time.sleep(self.pause)


def static_file(page_path):
    """The address of the stylesheet a page links to (hashed, served through the proxy)."""
    html = requests.get(PROXY + page_path, timeout=30).text
    match = re.search(r'href="(/static/[^"]+\.css)"', html)
    assert match, "the page links no stylesheet"
    return match.group(1)


@pytest.fixture(scope="session")
def article():
    """An article with its translations: ids, public paths and titles per language."""
    code = (
        "import json\n"
        "from news.models import NewsPage\n"
        "page = NewsPage.objects.live().filter(locale__language_code='vi').order_by('path').first()\n"
        "out = {}\n"
        "for p in [page, *page.get_translations().live()]:\n"
        "    p = p.specific\n"
        "    out[p.locale.language_code] = {'id': p.id, 'path': p.get_url(), 'title': p.title,\n"
        "        'home': p.get_ancestors().filter(depth=2).first().get_url()}\n"
        "print(json.dumps(out))\n"
    )
    pages = json.loads(portal_python(code).strip().splitlines()[-1])
    assert set(pages) == {"vi", "en", "lo"}
    return pages


@pytest.fixture(scope="session")
def load(article):
    urls = []
    for language in ("vi", "en", "lo"):
        urls.append(article[language]["path"])
        urls.append(article[language]["home"])
    urls += [
        f"/vi/visits/figures/?page={article['vi']['id']}",
        "/vi/search/?q=s%C6%A1n+la",
        f"/en/visits/figures/?page={article['en']['id']}",
        "/robots.txt",
        static_file(article["vi"]["path"]),
    ]
    traffic = Load(urls)
    traffic.start()
    yield traffic
    traffic.stop()
