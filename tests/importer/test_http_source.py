"""Fetching the old portal over HTTP: a local server serving the fixture mirror as the old site did."""

import http.server
import threading
from urllib.parse import unquote

import pytest

from importer.models import ImportedPage
from importer.sources import USER_AGENT, HttpSource, MirrorSource

from .conftest import ARTICLES, HOST, MIRROR

pytestmark = pytest.mark.django_db


class OldPortal(http.server.BaseHTTPRequestHandler):
    """Answers old addresses from the mirror: PATH -> PATH.html or PATH/index.html; files as they are."""

    seen = []

    def do_GET(self):
        self.seen.append((self.path, self.headers.get("User-Agent")))
        if self.path == "/sitemap.xml":
            return self._send(self.server.sitemap.encode("utf-8"), "application/xml")
        root = MIRROR / HOST
        path = unquote(self.path) if "?" not in self.path else self.path
        for candidate in (root / (path.lstrip("/") + ".html"), root / path.lstrip("/") / "index.html",
                          root / path.lstrip("/")):
            if candidate.is_file():
                kind = "text/html" if candidate.suffix == ".html" else "application/octet-stream"
                return self._send(candidate.read_bytes(), kind)
        self.send_error(404)

    def _send(self, data, kind):
        self.send_response(200)
        self.send_header("Content-Type", kind)
        self.send_header("Content-Length", str(len(data)))
        self.end_headers()
        self.wfile.write(data)

    def log_message(self, *args):
        pass


@pytest.fixture
def old_portal():
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), OldPortal)
    base = f"http://127.0.0.1:{server.server_address[1]}"
    mirror = MirrorSource(MIRROR)
    addresses = [base + mirror.address_of(path).split(HOST, 1)[1] for path in mirror._files()]
    addresses.append(base + "/web/portal/bai-da-xoa")  # listed, but gone: a 404
    locs = "".join(f"<url><loc>{address.replace('&', '&amp;')}</loc></url>" for address in addresses)
    server.sitemap = f'<?xml version="1.0" encoding="UTF-8"?><urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">{locs}</urlset>'
    OldPortal.seen = []
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield base
    server.shutdown()
    server.server_close()


def test_sitemap_of_the_old_portal_is_imported_politely(run_import, old_portal, client):
    output = run_import(f"{old_portal}/sitemap.xml", "--delay", "0.01")
    assert output.strip().splitlines()[-1].startswith("created 4, updated 0, unchanged 0, conflicts 0, skipped 5")
    assert f"skipped: {old_portal}/web/portal/bai-da-xoa: could not fetch: HTTP 404" in output
    assert {agent for _, agent in OldPortal.seen} == {USER_AGENT}
    # Pages and the files they use came over HTTP.
    assert any(path.endswith("vuon-ca-phe.jpg") for path, _ in OldPortal.seen)
    for old_path in ARTICLES:
        assert ImportedPage.objects.filter(old_path=old_path).exists()
        assert client.get(old_path).status_code == 301


def test_pause_between_requests(old_portal):
    import time

    source = HttpSource(f"{old_portal}/sitemap.xml", delay=0.2)
    started = time.monotonic()
    for _ in range(3):
        source.get(f"{old_portal}/sitemap.xml")
    assert time.monotonic() - started >= 0.4


def test_plain_list_of_addresses(old_portal, tmp_path):
    listing = HttpSource(f"{old_portal}/sitemap.xml", delay=0)
    assert len(listing.addresses()) == 9
    source = HttpSource(f"{old_portal}/documents/20182/13/ke-hoach-le-hoi-hoa-ban.pdf", delay=0)
    assert source.addresses() == []
