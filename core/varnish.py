"""Wagtail frontend-cache backend for the portal's Varnish (``cluster/varnish.vcl``).

Wagtail's ``HTTPBackend`` sends ``PURGE`` for one address at a time, which
Varnish honours for the changed page, its translations and the listings
above them (``core.cdn.purge_page``). But every public page shows the site
frame (identity, menu, sidebar, language switcher), and the portal's own
page cache forgets every page on any change (``core.purge``); so this
backend also sends one ``BAN`` that drops every cached HTML page of every
language at once (``ban_everything``).

A page whose render began before the change committed may reach Varnish
just after the ban and be stored with the old text. The ban is therefore
sent again after each of ``REBAN_AFTER`` seconds (default 0.25 and 0.75), so
such a page lives at most that long; renders slower than the last delay are
bounded by the HTML lifetime the VCL gives (``beresp.ttl``).

    WAGTAILFRONTENDCACHE='{"varnish": {"BACKEND": "core.varnish.VarnishBackend",
                           "LOCATION": "http://127.0.0.1:8170"}}'
"""

import logging
import threading
import time
from urllib.error import URLError
from urllib.request import Request, urlopen

from wagtail.contrib.frontend_cache.backends import HTTPBackend

logger = logging.getLogger(__name__)

DEFAULT_REBAN_AFTER = (0.25, 0.75)
TIMEOUT_SECONDS = 2


class BanRequest(Request):
    def get_method(self):
        return "BAN"


class VarnishBackend(HTTPBackend):
    def __init__(self, params):
        params = dict(params)
        self.reban_after = tuple(params.pop("REBAN_AFTER", DEFAULT_REBAN_AFTER))
        super().__init__(params)

    def ban_url(self):
        return f"{self.cache_scheme}://{self.cache_netloc}/"

    def send_ban(self):
        """Drop every cached HTML page now; False if Varnish did not confirm."""
        request = BanRequest(self.ban_url(), headers={"User-Agent": "sonla-portal-purge"})
        try:
            with urlopen(request, timeout=TIMEOUT_SECONDS) as response:
                return response.status == 200
        except (URLError, OSError) as error:
            logger.error("Varnish did not take the ban at %s: %s", self.ban_url(), error)
            return False

    def ban_everything(self):
        """Ban now, then again after each delay in ``REBAN_AFTER`` (in a thread)."""
        banned = self.send_ban()
        if self.reban_after:
            threading.Thread(target=self._reban, daemon=True, name="varnish-reban").start()
        return banned

    def _reban(self):
        waited = 0.0
        for delay in self.reban_after:
            time.sleep(max(0.0, delay - waited))
            waited = delay
            self.send_ban()
