"""A change reaches Varnish: PURGE for the page's addresses, BAN for every page (core/varnish.py, core/cdn.py)."""

import threading
import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import pytest


class FakeVarnish(BaseHTTPRequestHandler):
    received = []

    def _answer(self):
        FakeVarnish.received.append((self.command, self.path, self.headers.get("Host"), time.monotonic()))
        self.send_response(200)
        self.send_header("Content-Length", "0")
        self.end_headers()

    do_PURGE = do_BAN = _answer

    def log_message(self, *args):
        pass


@pytest.fixture
def varnish(settings):
    FakeVarnish.received = []
    server = ThreadingHTTPServer(("127.0.0.1", 0), FakeVarnish)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    settings.WAGTAILFRONTENDCACHE = {
        "varnish": {
            "BACKEND": "core.varnish.VarnishBackend",
            "LOCATION": f"http://127.0.0.1:{server.server_port}",
            "REBAN_AFTER": [0.1, 0.3],
        }
    }
    settings.WAGTAILFRONTENDCACHE_LANGUAGES = []
    yield FakeVarnish.received
    server.shutdown()


def bans(received):
    return [entry for entry in received if entry[0] == "BAN"]


def wait_for(received, count, seconds=5):
    deadline = time.monotonic() + seconds
    while len(bans(received)) < count and time.monotonic() < deadline:
        time.sleep(0.02)


def test_a_publish_bans_every_page_after_commit_and_again_shortly_after(
    varnish, demo_content, django_capture_on_commit_callbacks
):
    article = demo_content.articles["vi"][0]
    with django_capture_on_commit_callbacks(execute=False) as callbacks:
        article.title = "Sơn La tiếp đoàn công tác tỉnh Hủa Phăn"
        article.save_revision().publish()
        assert varnish == [], "nothing reaches the proxy before the commit"
    for callback in callbacks:
        callback()
    wait_for(varnish, 3)
    banned = bans(varnish)
    assert len(banned) == 3, varnish
    first = banned[0][3]
    # The ban is repeated for renders that began before the commit.
    assert [round(at - first, 1) for *_, at in banned] == [0.0, 0.1, 0.3]
    purged = {path for method, path, _, _ in varnish if method == "PURGE"}
    # The page in every language, and the home pages that list it.
    for language in ("vi", "en", "lo"):
        assert f"/{language}/" in purged
    assert article.url in purged


def test_a_change_of_the_site_identity_bans_every_language(varnish, demo_content, django_capture_on_commit_callbacks):
    from home.models import SiteIdentity

    identity = SiteIdentity.objects.get(locale__language_code="lo")
    with django_capture_on_commit_callbacks(execute=True):
        identity.portal_name = "ເວັບໄຊແຂວງຫົວພັນ"
        identity.save()
    wait_for(varnish, 1)
    assert bans(varnish), "the identity is on every page in every language"


def test_a_proxy_that_is_down_does_not_fail_the_publish(settings, demo_content, django_capture_on_commit_callbacks):
    settings.WAGTAILFRONTENDCACHE = {
        "varnish": {"BACKEND": "core.varnish.VarnishBackend", "LOCATION": "http://127.0.0.1:1", "REBAN_AFTER": []}
    }
    article = demo_content.articles["vi"][0]
    with django_capture_on_commit_callbacks(execute=True):
        article.save_revision().publish()
    article.refresh_from_db()
    assert article.live
