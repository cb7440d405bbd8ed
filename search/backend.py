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

Indexing one page (what publishing does) no longer recomputes every index
entry's title weight: that is two scans of the whole index table, 60 ms per
publish at 30,000 pages on SQLite. The weight only tunes Wagtail's own
relevance order (the admin's), new entries get the neutral 1.0, and
``update_index`` still recomputes them all.
"""

from functools import cache

from wagtail.models import Page
from wagtail.search.backends.database import SearchBackend as database_backend
from wagtail.search.query import And, Or, Phrase, PlainText

from search import entries
from search.normalize import query_text, remembering


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


class TitleNormsOnRebuildMixin:
    def _refresh_title_norms(self, full=False):
        if full:
            super()._refresh_title_norms(full=True)


class PageEntriesMixin:
    """Keeps the search page's own index (:mod:`search.entries`) along with Wagtail's.

    Every way Wagtail indexes pages ends here: saving or publishing a page,
    deleting it, ``update_index``. Each page's text is normalised once per
    batch for both indexes.
    """

    def add_items(self, model, objs):
        with remembering():
            super().add_items(model, objs)
            if issubclass(model, Page):
                entries.write(objs)

    def delete_item(self, item):
        super().delete_item(item)
        if isinstance(item, Page):
            entries.remove([item.pk])

    def delete_stale_entries(self):
        delete_stale = getattr(super(), "delete_stale_entries", None)
        if delete_stale is not None:
            delete_stale()
        entries.remove_stale()

    def reset(self):
        super().reset()
        entries.reset()


@cache
def _normalising(backend_class):
    index_class = backend_class.index_class
    mixins = [PageEntriesMixin]
    if hasattr(index_class, "_refresh_title_norms"):
        mixins.append(TitleNormsOnRebuildMixin)
    attributes = {"index_class": type(index_class.__name__, (*mixins, index_class), {})}
    return type(backend_class.__name__, (NormalisedQueriesMixin, backend_class), attributes)


def SearchBackend(params):  # noqa: N802 - the name Wagtail looks up in a backend module
    params = {"SEARCH_CONFIG": "simple", **params}
    backend = database_backend(params)
    return _normalising(type(backend))(params)
