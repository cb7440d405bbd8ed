"""XML sitemaps: an index at ``/sitemap.xml`` with one sitemap per language.

Each language's tree is its own set of pages (Wagtail i18n), so each
language gets a sitemap of its live public pages. Every entry carries
``<xhtml:link rel="alternate" hreflang>`` for each live public translation of
that page, itself included, plus ``x-default`` (the language-choosing ``/``
for the home page, else the Vietnamese original). Wagtail's own sitemap has
no alternates, and Django's ``i18n`` sitemaps assume one object per page in
every language, hence this module.

Drafts, pages behind a view restriction and unpublished translations are
neither listed nor named as alternates.
"""

from collections import defaultdict

from django.conf import settings
from django.contrib.sitemaps import Sitemap
from wagtail.models import Page


def _public_pages():
    # depth 1 is Wagtail's invisible root; it has no address.
    return Page.objects.live().public().filter(depth__gt=1)


def _path_of(page):
    """The page's address without scheme and host, or None when no site serves it."""
    parts = page.get_url_parts()
    return parts[2] if parts else None


class LanguageSitemap(Sitemap):
    """The live public pages of one language, with their translations as alternates."""

    def __init__(self, language_code):
        self.language_code = language_code

    def items(self):
        pages = _public_pages().filter(locale__language_code=self.language_code).order_by("path")
        return [page for page in pages if _path_of(page)]

    def location(self, item):
        return _path_of(item)

    def lastmod(self, item):
        return item.last_published_at

    def get_urls(self, page=1, site=None, protocol=None):
        urls = super().get_urls(page=page, site=site, protocol=protocol)
        base = f"{self.get_protocol(protocol)}://{self.get_domain(site)}"
        versions = self._versions([url["item"] for url in urls])
        for url in urls:
            item = url["item"]
            by_code = versions.get(item.translation_key, {})
            alternates = [
                {"lang_code": code, "location": base + by_code[code]}
                for code, _name in settings.LANGUAGES
                if code in by_code
            ]
            default = "/" if item.depth == 2 else by_code.get(settings.LANGUAGE_CODE)
            if default:
                alternates.append({"lang_code": "x-default", "location": base + default})
            url["alternates"] = alternates
        return urls

    @staticmethod
    def _versions(items):
        """{translation key: {language code: path}} of the live public translations of ``items``."""
        keys = {item.translation_key for item in items}
        versions = defaultdict(dict)
        # One pass over every language's pages rather than a huge IN list:
        # a sitemap page may hold 50,000 entries.
        for page in _public_pages().select_related("locale").iterator():
            if page.translation_key not in keys:
                continue
            path = _path_of(page)
            if path:
                versions[page.translation_key][page.locale.language_code] = path
        return versions


def language_sitemaps():
    """The sections of the sitemap index: one sitemap per language."""
    return {code: LanguageSitemap(code) for code, _name in settings.LANGUAGES}
