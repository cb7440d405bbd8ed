from django.conf import settings
from django.conf.urls.i18n import i18n_patterns
from django.contrib.sitemaps import views as sitemap_views
from django.urls import include, path, re_path
from wagtail import urls as wagtail_urls
from wagtail.admin import urls as wagtailadmin_urls
from wagtail.documents import urls as wagtaildocs_urls

from core import health
from home import views as home_views
from home.frame import get_frame
from home.sitemaps import language_sitemaps
from news import feeds
from official_documents.feeds import DocumentFeed
from open_data import urls as open_data_urls
from open_data import views as open_data_views
from search import views as search_views
from visits import views as visits_views


def portal_name(language_code):
    """The site identity's portal name in one language, for feed titles."""
    return getattr(get_frame(language_code).get("identity"), "portal_name", "")


SITEMAPS = language_sitemaps()

# Admin, documents and the language-neutral endpoints stay outside the
# language prefix; every public page lives under /vi/, /en/ or /lo/.
urlpatterns = [
    path("admin/", include(wagtailadmin_urls)),
    path("documents/", include(wagtaildocs_urls)),
    path("robots.txt", home_views.robots_txt, name="robots_txt"),
    path("healthz/", health.healthz, name="healthz"),
    # The read API and the open-data catalogue: language-neutral addresses.
    path("", include(open_data_urls)),
    path(
        "sitemap.xml",
        sitemap_views.index,
        {"sitemaps": SITEMAPS, "sitemap_url_name": "sitemap_language"},
        name="sitemap_index",
    ),
    path(
        "sitemap-<section>.xml",
        sitemap_views.sitemap,
        {"sitemaps": SITEMAPS},
        name="sitemap_language",
    ),
]

urlpatterns += i18n_patterns(
    path("search/", search_views.search, name="search"),
    path("site-map/", home_views.site_map, name="site_map"),
    path("open-data/", open_data_views.open_data, name="open_data"),
    path("visits/figures/", visits_views.figures, name="visit_figures"),
    path("feeds/rss/", feeds.SiteFeed(portal_name), name="site_feed_rss"),
    path("feeds/atom/", feeds.SiteAtomFeed(portal_name), name="site_feed_atom"),
    path("feeds/sections/<int:section_id>/rss/", feeds.SectionFeed(portal_name), name="section_feed_rss"),
    path("feeds/sections/<int:section_id>/atom/", feeds.SectionAtomFeed(portal_name), name="section_feed_atom"),
    path("feeds/documents/rss/", DocumentFeed(), name="documents_feed_rss"),
    path("", include(wagtail_urls)),
    prefix_default_language=True,
)

handler400 = "home.views.bad_request"
handler404 = "home.views.page_not_found"
handler500 = "home.views.server_error"

if getattr(settings, "SERVE_MEDIA_LOCALLY", False):
    # Development and tests only; production serves media from its web server
    # or object storage.
    from django.views.static import serve

    urlpatterns = [
        re_path(r"^media/(?P<path>.*)$", serve, {"document_root": settings.MEDIA_ROOT}),
    ] + urlpatterns
