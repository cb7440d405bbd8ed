"""Purging a CDN in front of the portal, on the same events as the page cache.

Configured with Wagtail's ``WAGTAILFRONTENDCACHE`` setting (read from the
environment variable of the same name, as JSON; see README.md). A CDN can
only be told which addresses to forget, so a changed page sends:

- the page itself and each of its translations (their language switchers
  link to each other),
- the ancestors of each (home pages and section listings show the page),
- the site map of every language.

A cache that can drop every page at once (``core.varnish.VarnishBackend``,
Varnish's ``BAN``) is also told to, on every change that purges the portal's
own page cache (``purge_everything``), since every page shows the site frame.

Sidebar lists shown on every page (reform information, most read) are not
sent address by address; the CDN's own expiry time bounds how long they
may lag (``Cache-Control: s-maxage`` set by the CDN rule or the deployer).
"""

import logging

from django.conf import settings
from django.db import transaction
from django.urls import reverse
from django.utils import translation
from wagtail.contrib.frontend_cache.utils import PurgeBatch, get_backends
from wagtail.models import Page, Site

logger = logging.getLogger(__name__)


def enabled():
    return bool(getattr(settings, "WAGTAILFRONTENDCACHE", None))


def page_urls(page):
    """Full addresses that show ``page``: it, its translations and their ancestors."""
    batch = PurgeBatch()
    pages = [page]
    try:
        pages += list(page.get_translations())
    except Exception:  # a deleted page may have no translation left to find
        logger.debug("No translations found for page %s", page.pk)
    for item in pages:
        batch.add_page(item)
        batch.add_pages(item.get_ancestors().filter(depth__gt=1))
    return batch.urls


def site_map_urls():
    urls = set()
    for site in Site.objects.all():
        for code, _name in settings.LANGUAGES:
            with translation.override(code):
                urls.add(site.root_url + reverse("site_map"))
    return urls


def purge_page(page):
    """Send ``page``'s addresses to the CDN once the change is committed."""
    if not enabled() or not isinstance(page, Page):
        return
    # Addresses are worked out now: after a delete the tree no longer has them.
    try:
        urls = page_urls(page) | site_map_urls()
    except Exception:
        # A CDN that keeps a page a while longer is better than a failed publish.
        logger.exception("Could not work out the addresses to purge for page %s", page.pk)
        return

    def send():
        batch = PurgeBatch(urls)
        batch.purge()

    transaction.on_commit(send)


def purge_everything():
    """Once the change is committed, drop every page at caches that can (Varnish's BAN)."""
    if not enabled():
        return

    def send():
        for backend in get_backends().values():
            ban = getattr(backend, "ban_everything", None)
            if ban is not None:
                ban()

    transaction.on_commit(send)
