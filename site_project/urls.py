from django.conf import settings
from django.conf.urls.i18n import i18n_patterns
from django.urls import include, path, re_path
from wagtail import urls as wagtail_urls
from wagtail.admin import urls as wagtailadmin_urls
from wagtail.documents import urls as wagtaildocs_urls

from home import views as home_views
from search import views as search_views

# Admin, documents and the language-neutral endpoints stay outside the
# language prefix; every public page lives under /vi/, /en/ or /lo/.
urlpatterns = [
    path("admin/", include(wagtailadmin_urls)),
    path("documents/", include(wagtaildocs_urls)),
]

urlpatterns += i18n_patterns(
    path("search/", search_views.search, name="search"),
    path("site-map/", home_views.site_map, name="site_map"),
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
