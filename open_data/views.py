"""The "Open data" page: what the portal offers as data, under which licence, with examples."""

from django.shortcuts import render
from django.urls import reverse
from django.utils.translation import get_language

from core.privacy import public
from open_data import catalogue, params, registry


def _example_article(language):
    """The id of the newest public article in ``language``, for a runnable example."""
    model = registry.type_names().get(catalogue.ARTICLE_MODEL)
    if model is None:
        return None
    article = (
        public(model.objects.live()).filter(locale__language_code=language).order_by("-first_published_at").first()
    )
    return article.pk if article else None


def open_data(request):
    origin = request.build_absolute_uri("/").rstrip("/")
    language = get_language()
    article = _example_article(language) or 1
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
            f"curl '{origin}/api/v2/pages/{article}/'",
            f"curl '{origin}/api/v2/pages/?translation_of={article}'",
            f"curl -I -H 'If-None-Match: \"ETAG\"' '{origin}/api/v2/pages/?locale={language}'",
            f"curl '{origin}{reverse('open_data_catalogue')}'",
        ],
    }
    return render(request, "open_data/open_data.html", context)
