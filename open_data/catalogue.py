"""The open-data catalogue (DCAT-AP, JSON-LD) and the datasets it lists.

Datasets:

- the article index: every live public article in every language, one CSV
  row each (``articles.csv``);
- each statistics block on a live public page, one dataset per block and
  language, as CSV and as JSON (``statistics/<page>/<block>.csv|json``);
- each language's documents register as CSV, once the ``official_documents``
  app is installed: the register's own download (``?format=csv``), whose
  columns and names in the reader's language that app owns.

Everything here is read through the same rules as the API (live, public,
exposed page types) and is cached with it (``open_data.http``).
"""

import csv

from django.conf import settings
from django.db.models import TextField
from django.db.models.functions import Cast
from django.http import Http404, HttpResponse, JsonResponse
from django.urls import reverse
from django.utils import translation
from django.utils.translation import gettext as _
from wagtail.models import Page

from core import generation
from core.privacy import public
from open_data import content, registry

LICENCE_URL = "https://creativecommons.org/licenses/by/4.0/"
ARTICLE_MODEL = "news.NewsPage"
REGISTER_MODEL = "official_documents.DocumentIndexPage"
ARTICLE_COLUMNS = ["id", "language", "title", "published_at", "url", "api_url", "translation_key"]
FIGURE_COLUMNS = ["label", "value", "unit", "source", "as_of"]


def licence_url():
    return getattr(settings, "OPEN_DATA_LICENCE_URL", LICENCE_URL)


def _languages():
    return [code for code, _name in settings.LANGUAGES]


def _in_each_language(text_for):
    """A JSON-LD language map: ``{"@language": code, "@value": text}`` per language."""
    values = []
    for code in _languages():
        with translation.override(code):
            values.append({"@language": code, "@value": str(text_for())})
    return values


def _article_model():
    return registry.type_names().get(ARTICLE_MODEL)


def _pages_with_statistics():
    """Live public pages whose body holds a statistics block, ``[(page, [(block id, data)])]``."""
    found = []
    for model in registry.exposed_models():
        if not any(f.name == "body" for f in model._meta.get_fields()):
            continue
        pages = (
            public(model.objects.live())
            .annotate(body_text=Cast("body", TextField()))
            .filter(body_text__contains='"statistics"')
            .select_related("locale")
            .order_by("path")
        )
        for page in pages:
            blocks = content.statistics_blocks(page.body)
            if blocks:
                found.append((page, blocks))
    return found


def statistics_index():
    """``[(page id, locale, page title, url path, block id, heading)]``, cached per generation."""

    def read():
        return [
            (page.pk, page.locale.language_code, page.title, page.url, block_id, data["heading"])
            for page, blocks in _pages_with_statistics()
            for block_id, data in blocks
        ]

    return generation.remember("open-data:statistics", read)


def statistics_block(page_id, block_id):
    """The figures of one block on a live public page, or ``Http404``."""
    models = list(registry.exposed_models())
    page = public(Page.objects.live().filter(pk=page_id, content_type__in=_content_types(models))).first()
    if page is None:
        raise Http404
    page = page.specific
    for found_id, data in content.statistics_blocks(getattr(page, "body", None)):
        if str(found_id) == str(block_id):
            return page, data
    raise Http404


def _content_types(models):
    from django.contrib.contenttypes.models import ContentType

    return list(ContentType.objects.get_for_models(*models).values())


def _absolute(request, path):
    return request.build_absolute_uri(path)


def catalogue(request):
    """The DCAT-AP catalogue as a JSON-LD document."""
    home = _absolute(request, "/")
    datasets = [_articles_dataset(request)]
    for page_id, language, title, url, block_id, heading in statistics_index():
        datasets.append(_statistics_dataset(request, page_id, language, title, url, block_id, heading))
    for register in _registers():
        datasets.append(_register_dataset(request, register))
    data = {
        "@context": {
            "dcat": "http://www.w3.org/ns/dcat#",
            "dct": "http://purl.org/dc/terms/",
            "foaf": "http://xmlns.com/foaf/0.1/",
            "xsd": "http://www.w3.org/2001/XMLSchema#",
        },
        "@id": _absolute(request, reverse("open_data_catalogue")),
        "@type": "dcat:Catalog",
        "dct:title": _in_each_language(lambda: _("Sơn La Province Electronic Information Portal: open data")),
        "dct:description": _in_each_language(
            lambda: _("News, key figures and documents of the Sơn La provincial portal as open data.")
        ),
        "dct:publisher": {"@type": "foaf:Agent", "foaf:name": settings.WAGTAIL_SITE_NAME},
        "dct:license": {"@id": licence_url()},
        "dct:language": [{"@id": f"http://id.loc.gov/vocabulary/iso639-1/{code}"} for code in _languages()],
        "foaf:homepage": {"@id": home},
        "dcat:service": {
            "@type": "dcat:DataService",
            "dct:title": "Read API (Wagtail API v2)",
            "dcat:endpointURL": {"@id": _absolute(request, "/api/v2/")},
            "dcat:endpointDescription": {"@id": _absolute(request, reverse("open_data_openapi"))},
        },
        "dcat:dataset": datasets,
    }
    response = JsonResponse(data, json_dumps_params={"ensure_ascii": False, "indent": 2})
    response["Content-Type"] = "application/ld+json; charset=utf-8"
    return response


def _distribution(request, path, media_type, title):
    url = _absolute(request, path)
    return {
        "@type": "dcat:Distribution",
        "dct:title": title,
        "dcat:accessURL": {"@id": url},
        "dcat:downloadURL": {"@id": url},
        "dcat:mediaType": {"@id": f"https://www.iana.org/assignments/media-types/{media_type}"},
        "dct:license": {"@id": licence_url()},
    }


def _articles_dataset(request):
    path = reverse("open_data_articles_csv")
    return {
        "@id": _absolute(request, path) + "#dataset",
        "@type": "dcat:Dataset",
        "dct:identifier": "articles",
        "dct:title": _in_each_language(lambda: _("Article index")),
        "dct:description": _in_each_language(
            lambda: _("Every published article in every language: title, date, address and translation key.")
        ),
        "dct:language": [{"@id": f"http://id.loc.gov/vocabulary/iso639-1/{code}"} for code in _languages()],
        "dct:license": {"@id": licence_url()},
        "dcat:distribution": [_distribution(request, path, "text/csv", "CSV")],
    }


def _statistics_dataset(request, page_id, language, title, url, block_id, heading):
    csv_path = reverse("open_data_statistics", args=(page_id, block_id, "csv"))
    json_path = reverse("open_data_statistics", args=(page_id, block_id, "json"))
    return {
        "@id": _absolute(request, json_path) + "#dataset",
        "@type": "dcat:Dataset",
        "dct:identifier": f"statistics-{page_id}-{block_id}",
        "dct:title": {"@language": language, "@value": heading or title},
        "dct:description": {"@language": language, "@value": title},
        "dct:language": {"@id": f"http://id.loc.gov/vocabulary/iso639-1/{language}"},
        "dct:license": {"@id": licence_url()},
        "dcat:landingPage": {"@id": _absolute(request, url)} if url else None,
        "dcat:distribution": [
            _distribution(request, csv_path, "text/csv", "CSV"),
            _distribution(request, json_path, "application/json", "JSON"),
        ],
    }


def _registers():
    """The live public documents registers, one per language tree."""
    model = registry.model_for(REGISTER_MODEL)
    if model is None:
        return []
    return list(public(model.objects.live()).select_related("locale").order_by("path"))


def _register_dataset(request, register):
    language = register.locale.language_code
    url = register.get_full_url(request) + "?format=csv"
    return {
        "@id": url + "#dataset",
        "@type": "dcat:Dataset",
        "dct:identifier": f"documents-register-{language}",
        "dct:title": {"@language": language, "@value": register.title},
        "dct:language": {"@id": f"http://id.loc.gov/vocabulary/iso639-1/{language}"},
        "dct:license": {"@id": licence_url()},
        "dcat:landingPage": {"@id": register.get_full_url(request)},
        "dcat:distribution": [_distribution(request, url, "text/csv", "CSV")],
    }


class _Echo:
    def write(self, value):
        return value


def _csv_response(rows, filename):
    writer = csv.writer(_Echo())
    # A BOM so that spreadsheet programs read the Vietnamese and Lao text as UTF-8.
    stream = (writer.writerow(row) for row in rows)
    response = HttpResponse(
        "\ufeff" + "".join(stream), content_type="text/csv; charset=utf-8"
    )
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    return response


def _safe_cell(value):
    """Text cells that a spreadsheet would run as a formula get a leading apostrophe."""
    text = "" if value is None else str(value)
    return "'" + text if text[:1] in ("=", "+", "-", "@", "\t", "\r") else text


def articles_csv(request):
    model = _article_model()
    if model is None:
        raise Http404
    pages = (
        public(model.objects.live())
        .select_related("locale")
        .only("id", "title", "url_path", "published_at", "translation_key", "locale__language_code", "path", "depth")
        .order_by("-published_at", "-id")
    )
    api = request.build_absolute_uri("/api/v2/pages/")

    def rows():
        yield ARTICLE_COLUMNS
        for page in pages.iterator(chunk_size=2000):
            yield [
                page.pk,
                page.locale.language_code,
                _safe_cell(page.title),
                page.published_at.isoformat() if page.published_at else "",
                page.get_full_url(request) or "",
                f"{api}{page.pk}/",
                str(page.translation_key),
            ]

    return _csv_response(rows(), "articles.csv")


def statistics_download(request, page_id, block_id, extension):
    if extension not in ("csv", "json") or not 0 < page_id <= 2**31 - 1:
        raise Http404
    page, data = statistics_block(page_id, block_id)
    if extension == "json":
        body = {
            "page": {"id": page.pk, "title": page.title, "locale": page.locale.language_code,
                     "html_url": page.get_full_url(request)},
            "block_id": str(block_id),
            "licence": licence_url(),
            **data,
        }
        return JsonResponse(body, json_dumps_params={"ensure_ascii": False})
    rows = [FIGURE_COLUMNS] + [
        [_safe_cell(figure["label"]), figure["value"], _safe_cell(figure["unit"]),
         _safe_cell(figure["source"]), figure["as_of"] or ""]
        for figure in data["figures"]
    ]
    return _csv_response(rows, f"statistics-{page_id}-{block_id}.csv")
