"""Addresses of the API and the catalogue (language-neutral, outside ``i18n_patterns``)."""

from django.urls import path
from wagtail.utils.urlpatterns import decorate_urlpatterns

from open_data import api, catalogue, openapi
from open_data.http import public_endpoint

urlpatterns = decorate_urlpatterns(
    [
        path("api/v2/openapi.json", openapi.description, name="open_data_openapi"),
        path("api/v2/", api.router.urls),
        path("open-data/catalogue.jsonld", catalogue.catalogue, name="open_data_catalogue"),
        path("open-data/articles.csv", catalogue.articles_csv, name="open_data_articles_csv"),
        path(
            "open-data/statistics/<int:page_id>/<uuid:block_id>.<str:extension>",
            catalogue.statistics_download,
            name="open_data_statistics",
        ),
    ],
    public_endpoint,
)
