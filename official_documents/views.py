"""Serving the register: one page of the filtered table, or the whole filtered register as CSV.

Queries per page, whatever the number of documents: the count (of a word
search, up to ``filters.COUNT_LIMIT``, then "more than") and the rows
shown (plus Wagtail's own page lookups); the names of types, issuers and
fields and the list of years are cached under the cache generation.
"""

import csv

from django.core.paginator import EmptyPage, PageNotAnInteger, Paginator
from django.http import Http404, HttpResponse
from django.utils.translation import get_language
from django.utils.translation import gettext as _

from core import generation

from . import filters as register_filters
from .models import STATUS_LABELS

PER_PAGE = 20
CSV_ROWS = 10_000
CSV_COLUMNS = (
    ("number_symbol", "number"),
    ("title", "title"),
    ("type", "type"),
    ("issuer", "issuer"),
    ("field", "field"),
    ("issue_date", "issue_date"),
    ("effective_date", "effective_date"),
    ("expiry_date", "expiry_date"),
    ("status", "status"),
    ("abstract", "abstract"),
    ("url", "url"),
)


def _rows(register, filters, language, walk=False):
    # A word search finds its few matches by key; walking the register is for many.
    register_index = walk or not register_filters.word_search(filters)
    queryset = register.documents(register_index=register_index).only(
        "title", "url_path", "number_symbol", "issue_date", "effective_date", "expiry_date",
        "replaced_on", "amended_on", "document_type_id", "issuing_body_id", "document_field_id",
        "abstract", "locale_id", "path", "depth",
    )
    return register_filters.apply(queryset, filters, language, walk=walk)


def _label(documents, language):
    names = register_filters.labels(language)
    for document in documents:
        document.type_name = names["type"]["names"].get(document.document_type_id, "")
        document.issuer_name = names["issuer"]["names"].get(document.issuing_body_id, "")
        document.field_name = names["field"]["names"].get(document.document_field_id, "")
    return documents


def register_page(register, request, filters, language):
    queryset = _rows(register, filters, language)
    more = False
    if register_filters.word_search(filters):
        # Counted up to the limit only: a common word matches a sixth of the
        # register, and counting them all is what a word search cost.
        limit = register_filters.COUNT_LIMIT
        count = queryset.order_by()[: limit + 1].count()
        more = count > limit
        if more:
            queryset = _rows(register, filters, language, walk=True)
        paginator = Paginator(queryset, PER_PAGE)
        paginator.count = min(count, limit)
    else:
        paginator = Paginator(queryset, PER_PAGE)
    paginator.more = more
    if not filters.active:
        # The unfiltered count is the same for everyone until the next publish.
        paginator.count = generation.remember("documents:count", queryset.count, register.pk)
    try:
        page = paginator.page(request.GET.get("page", "1"))
    except (PageNotAnInteger, EmptyPage):
        raise Http404(_("This page of the list does not exist."))
    _label(page.object_list, language)
    return page


def serve_register(register, request, serve_default, *args, **kwargs):
    language = get_language()
    filters = register_filters.parse(request.GET, language, register)
    if request.GET.get("format") == "csv":
        return register_csv(register, request, filters, language)
    request.register_filters = filters
    request.register_page = register_page(register, request, filters, language)
    response = serve_default(request, *args, **kwargs)
    response.page_cache_query = True  # the register reads its filters: core.page_cache may keep it
    return response


def register_csv(register, request, filters, language):
    documents = _label(list(_rows(register, filters, language)[:CSV_ROWS]), language)
    response = HttpResponse(content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="documents-{language}.csv"'
    response.write("\ufeff")  # so that spreadsheet programs read the file as UTF-8
    writer = csv.writer(response)
    writer.writerow([header for _name, header in CSV_COLUMNS])
    root = request.build_absolute_uri("/")[:-1]
    for document in documents:
        writer.writerow(
            [
                document.number_symbol,
                document.title,
                document.type_name,
                document.issuer_name,
                document.field_name,
                document.issue_date.isoformat(),
                document.effective_date.isoformat(),
                document.expiry_date.isoformat() if document.expiry_date else "",
                str(STATUS_LABELS[document.status]),
                document.abstract,
                root + (document.get_url(request) or ""),
            ]
        )
    return response
