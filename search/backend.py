"""Wagtail's database search backend, with queries normalised like the index.

Use it in settings::

    WAGTAILSEARCH_BACKENDS = {"default": {"BACKEND": "search.backend"}}

Page models index normalised text (see :mod:`search.indexing`). This backend
runs every query on pages - the admin's page search, the page chooser,
``Page.objects.search()`` - through the same normalisation, so editors find
"Hội nghị" by typing "hoi nghi" too. Queries on other models (images,
documents) are left as they are, because those models index raw text.

On PostgreSQL it uses the "simple" text search configuration unless the
settings name another: the default one is English, whose stemming and stop
words would treat folded Vietnamese syllables ("the", "do", "an") as English
and make PostgreSQL behave differently from SQLite.
"""

from functools import cache

from wagtail.models import Page
from wagtail.search.backends.database import SearchBackend as database_backend
from wagtail.search.query import And, Or, Phrase, PlainText

from search.normalize import query_text


def normalise_query(query):
    """Return a Wagtail search query with its text normalised; other parts are kept."""
    if isinstance(query, str):
        return query_text(query)
    if isinstance(query, PlainText):
        return PlainText(query_text(query.query_string), operator=query.operator)
    if isinstance(query, Phrase):
        return Phrase(query_text(query.query_string))
    if isinstance(query, (And, Or)):
        return type(query)([normalise_query(subquery) for subquery in query.subqueries])
    return query


class NormalisedQueriesMixin:
    def _search(self, query_compiler_class, query, model_or_queryset, **kwargs):
        model = getattr(model_or_queryset, "model", model_or_queryset)
        if issubclass(model, Page):
            query = normalise_query(query)
        return super()._search(query_compiler_class, query, model_or_queryset, **kwargs)


@cache
def _normalising(backend_class):
    return type(backend_class.__name__, (NormalisedQueriesMixin, backend_class), {})


def SearchBackend(params):  # noqa: N802 - the name Wagtail looks up in a backend module
    params = {"SEARCH_CONFIG": "simple", **params}
    backend = database_backend(params)
    return _normalising(type(backend))(params)
