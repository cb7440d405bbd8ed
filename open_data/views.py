"""The "Open data" page: what the portal offers as data, under which licence, with examples."""

from django.shortcuts import render
from django.urls import reverse
from django.utils.translation import get_language

from open_data import catalogue, params


def open_data(request):
    origin = request.build_absolute_uri("/").rstrip("/")
    language = get_language()
    context = {
        "api_url": f"{origin}/api/v2/",
        "openapi_url": origin + reverse("open_data_openapi"),
        "catalogue_url": origin + reverse("open_data_catalogue"),
        "articles_csv_url": origin + reverse("open_data_articles_csv"),
        "licence_url": catalogue.licence_url(),
        "max_limit": params.max_limit(),
        "examples": [
            f"curl '{origin}/api/v2/pages/?type=news.NewsPage&locale={language}&limit=5'",
            f"curl '{origin}/api/v2/pages/?type=news.NewsPage&locale={language}&search=S%C6%A1n+La&fields=lead'",
            f"curl '{origin}/api/v2/pages/?translation_of=ID'",
            f"curl -I -H 'If-None-Match: \"ETAG\"' '{origin}/api/v2/pages/?locale={language}'",
            f"curl '{origin}{reverse('open_data_catalogue')}'",
        ],
    }
    return render(request, "open_data/open_data.html", context)
