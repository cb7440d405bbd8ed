"""Running a parsed query against the search index.

:class:`IndexSearch` reads the search page's own index (search/entries.py:
SQLite FTS5 or a PostgreSQL tsvector with a GIN index), so that both
databases rank results the same way, without depending on their different
scoring functions:

1. a page matches when each word and "exact phrase" of the query is in its
   title or its text (or, for the fall-back search, when any of them is);
2. relevance is a tier: the whole query as a phrase in the title (7), every
   part in the title (3), some part in the title (1), text only (0);
3. within a tier, newer pages come first.

Only live, public pages of one language below its home page are searched:
the index holds live pages only (publishing and unpublishing re-index a
page), private parts of the site are left out by the query, and the pages
shown are checked against the page table once more.

:class:`BackendSearch` uses Wagtail's search API instead; it serves deployments
that switch the search backend to Elasticsearch or OpenSearch.
"""

import datetime

from django.contrib.contenttypes.models import ContentType
from django.db import connection
from django.utils import timezone
from wagtail.models import Page
from wagtail.search.backends import get_search_backend
from wagtail.search.query import And, Or, Phrase, PlainText

from search import entries
from search.models import SearchEntry

RELEVANCE = "relevance"
NEWEST = "newest"


def _day_start(day):
    return timezone.make_aware(datetime.datetime.combine(day, datetime.time.min))


class Results:
    """Results for a Django ``Paginator``: ``count()`` and slicing, each run once.

    When the search can count and read the first ``per_page`` results in
    one query (:meth:`IndexSearch.window`), counting does that and keeps the
    rows; the pages themselves are loaded only if that slice is asked for.
    """

    def __init__(self, search, per_page=10):
        self.search = search
        self.per_page = per_page
        self._count = None
        self._rows = {}
        self._pages = {}

    def count(self):
        if self._count is None:
            window = getattr(self.search, "window", None)
            if window is None:
                self._count = self.search.count()
            else:
                self._count, self._rows[(0, self.per_page)] = window(0, self.per_page)
        return self._count

    def __len__(self):
        return self.count()

    def __getitem__(self, item):
        if not isinstance(item, slice):
            return self[item : item + 1][0]
        key = (item.start or 0, item.stop)
        if key not in self._pages:
            if key in self._rows:
                self._pages[key] = self.search.load(self._rows[key])
            else:
                self._pages[key] = self.search.fetch(*key)
        return self._pages[key]


class BaseSearch:
    def __init__(self, parsed, *, locale, root=None, section=None, date_from=None,
                 date_to=None, order=RELEVANCE, operator="and"):
        self.parsed = parsed
        self.locale = locale
        self.root = root
        self.section = section
        self.date_from = date_from
        self.date_to = date_to
        self.order = order
        self.operator = operator

    def pages(self):
        """Every page that may appear: live, public, in this language, below its home page."""
        pages = Page.objects.live().public().filter(locale=self.locale)
        pages = pages.descendant_of(self.root, inclusive=True) if self.root else pages.filter(depth__gt=1)
        if self.section:
            pages = pages.descendant_of(self.section)
        return pages

    def results(self, per_page=10):
        return Results(self, per_page)

    def count(self):
        raise NotImplementedError

    def fetch(self, start, stop):
        """The specific pages from ``start`` to ``stop``, best first."""
        raise NotImplementedError


class IndexSearch(BaseSearch):
    """Search that reads the search page's own index (:mod:`search.entries`).

    Everything a visitor can ask for is a condition of the full-text query
    (words and phrases, language, home page and section, dates), and the
    index keeps pages in date order, so:

    * the number of matches is counted by the full-text index alone;
    * a page of results is read newest first within each relevance tier,
      stopping after the rows shown (SQLite); PostgreSQL reads the matches'
      narrow index rows once and keeps the best ones with a top-N sort.

    Private parts of the site are left out by a subquery on Wagtail's view
    restrictions, and the rows shown are joined with the page table (live,
    this language), all in the same query: the first page of results is
    one query, plus one to load the pages shown (per page type).
    """

    _entry_query = None

    def window(self, start, stop):
        """``(number of matches, rows)`` of results ``start`` to ``stop``, best first.

        Rows are ``(page id, content type id)``; :meth:`load` gives the pages.
        """
        return self._query().window(start, stop)

    def count(self):
        return self._query().count()

    def fetch(self, start, stop):
        return self.load(self.window(start, stop)[1])

    def _query(self):
        # One per search: built once (it reads the dates and the order).
        if self._entry_query is None:
            query_class = PostgresQuery if connection.vendor == "postgresql" else SQLiteQuery
            self._entry_query = query_class(self)
        return self._entry_query

    @staticmethod
    def load(rows):
        """The specific pages of ``(page id, content type id)`` rows, in that order."""
        ids_by_type = {}
        for pk, content_type_id in rows:
            ids_by_type.setdefault(content_type_id, []).append(pk)
        pages = {}
        for content_type_id, ids in ids_by_type.items():
            model = ContentType.objects.get_for_id(content_type_id).model_class() or Page
            pages.update(model._default_manager.filter(pk__in=ids).in_bulk())
        found = []
        for pk, _ in rows:
            if pk in pages:
                page = pages[pk]
                page.search_date = entries.page_date(page)
                found.append(page)
        return found


class EntryQuery:
    """What both databases need from an :class:`IndexSearch`: parts, date bounds, order."""

    def __init__(self, search):
        self.search = search
        self.parts = search.parsed.parts
        self.low, self.high = None, None
        if search.date_from:
            self.low = entries.date_key(_day_start(search.date_from))
        if search.date_to:
            self.high = entries.date_key(_day_start(search.date_to + datetime.timedelta(days=1)))
            if self.low is None:
                self.low = entries.DATED
        self.tiered = search.order == RELEVANCE

    def window(self, start, stop):
        """``(number of matches, [(page id, content type id)])`` of results ``start`` to ``stop``."""
        raise NotImplementedError

    def count(self):
        raise NotImplementedError


# The sort keys of pages below a view restriction (Wagtail's "private"
# pages, see PageQuerySet.public()); usually none.
PRIVATE_KEYS = (
    f"SELECT pe.sort_key FROM wagtailcore_pageviewrestriction v "
    f"JOIN {Page._meta.db_table} r ON r.id = v.page_id "
    f"JOIN {Page._meta.db_table} pp ON pp.path LIKE r.path || '%%' "
    f"JOIN {SearchEntry._meta.db_table} pe ON pe.page_id = pp.id"
)
# The result rows' pages, checked once more: live and in this language.
SHOWN = (
    f"JOIN {SearchEntry._meta.db_table} e ON e.sort_key = w.sort_key "
    f"JOIN {Page._meta.db_table} p ON p.id = e.page_id AND p.live = %s AND p.locale_id = %s"
)


class SQLiteQuery(EntryQuery):
    """FTS5 queries on ``search_entry_fts``, whose row ids are sort keys (newest highest)."""

    table = entries.FTS_TABLE

    def _base(self):
        """The FTS5 expression of the query: its words and phrases, in this language and place."""
        search = self.search
        phrases = ['"' + " ".join(part) + '"' for part in self.parts]
        joiner = " AND " if search.operator == "and" else " OR "
        scope = [f"scope : l{search.locale.pk}"]
        if search.root:
            scope.append(f"scope : (a{search.root.pk} OR s{search.root.pk})")
        if search.section:
            scope.append(f"scope : a{search.section.pk}")
        return f"{{title body}} : ({joiner.join(phrases)}) AND " + " AND ".join(scope)

    def _expressions(self):
        """FTS5 match expressions, one per relevance tier (best first), or one when sorting by date."""
        base = self._base()
        phrases = ['"' + " ".join(part) + '"' for part in self.parts]
        if not self.tiered:
            return [base]
        whole = 'title : "' + " ".join(term for part in self.parts for term in part) + '"'
        every = f"title : ({' AND '.join(phrases)})"
        some = f"title : ({' OR '.join(phrases)})"
        return [
            f"({base}) AND ({whole})",
            f"(({base}) AND ({every})) NOT ({whole})",
            f"(({base}) AND ({some})) NOT ({every})",
            f"({base}) NOT ({some})",
        ]

    def _where(self):
        sql, params = f"{self.table} MATCH %s AND rowid NOT IN ({PRIVATE_KEYS})", []
        if self.low is not None:
            sql += " AND rowid >= %s"
            params.append(self.low)
        if self.high is not None:
            sql += " AND rowid < %s"
            params.append(self.high)
        return sql, params

    def _rows_sql(self, spans):
        """Rows ``(tier, sort key, page id, content type id)`` of ``(tier, expression, limit)`` spans."""
        where, bounds = self._where()
        selects, params = [], []
        for tier, expression, limit in spans:
            selects.append(
                f"SELECT * FROM (SELECT rowid AS sort_key, {tier} AS tier FROM {self.table} "
                f"WHERE {where} ORDER BY rowid DESC LIMIT %s)"
            )
            params += [expression, *bounds, limit]
        sql = (
            "SELECT w.tier AS tier, w.sort_key AS sort_key, e.page_id AS page_id, "
            f"p.content_type_id AS content_type_id FROM ({' UNION ALL '.join(selects)}) w {SHOWN}"
        )
        return sql, params + [True, self.search.locale.pk]

    def _count_sql(self):
        """The number of matches, counted by FTS5 from its doclists (no row is read)."""
        where, bounds = self._where()
        return f"SELECT COUNT(*) AS total FROM {self.table} WHERE {where}", [self._base(), *bounds]

    def count(self):
        sql, params = self._count_sql()
        return _rows(sql, params)[0][0]

    def window(self, start, stop):
        # Each tier is walked newest first and stops after ``stop`` rows, so
        # no tier needs counting: the best ``stop`` rows are among them.
        count_sql, count_params = self._count_sql()
        rows_sql, rows_params = self._rows_sql(
            [(tier, expression, stop) for tier, expression in enumerate(self._expressions())]
        )
        rows = _rows(
            f"SELECT c.total, r.page_id, r.content_type_id FROM ({count_sql}) c "
            f"LEFT JOIN ({rows_sql}) r ON 1 ORDER BY r.tier, r.sort_key DESC",
            count_params + rows_params,
        )
        found = [(row[1], row[2]) for row in rows if row[1] is not None]
        return rows[0][0], found[start:stop]


class PostgresQuery(EntryQuery):
    """A tsquery on ``search_searchentry.document`` through its GIN index; tiers from the normalised title."""

    def _from(self):
        search = self.search
        term = "'{}'"
        parts = ["(" + " <-> ".join(term.format(t) for t in part) + ")" for part in self.parts]
        tsquery = (" & " if search.operator == "and" else " | ").join(parts)
        # search_entry_matches (migration 0003) makes the match use the GIN index.
        sql = (
            "FROM search_entry_matches(%s::tsquery) e WHERE e.locale_id = %s "
            "AND NOT e.scope && ARRAY(SELECT page_id FROM wagtailcore_pageviewrestriction)"
        )
        params = [tsquery, search.locale.pk]
        if search.root:
            sql += " AND e.scope @> ARRAY[%s]::integer[]"
            params.append(search.root.pk)
        if search.section:
            sql += " AND e.scope @> ARRAY[%s]::integer[] AND e.page_id <> %s"
            params += [search.section.pk, search.section.pk]
        if self.low is not None:
            sql += " AND e.sort_key >= %s"
            params.append(self.low)
        if self.high is not None:
            sql += " AND e.sort_key < %s"
            params.append(self.high)
        return sql, params

    def _tier(self):
        """Relevance tier from the normalised title (terms joined by single spaces).

        7: the whole query is a phrase in the title; 3: every part is in the
        title; 1: some part is; 0: none. The same tiers as the FTS5 queries.
        """
        contains = "strpos(' ' || e.title || ' ', %s) > 0"
        parts = [f" {' '.join(part)} " for part in self.parts]
        words = f" {' '.join(term for part in self.parts for term in part)} "
        sql, params = [], []
        for weight, needles, joiner in ((4, [words], " AND "), (2, parts, " AND "), (1, parts, " OR ")):
            sql.append(f"(CASE WHEN {joiner.join([contains] * len(needles))} THEN {weight} ELSE 0 END)")
            params += needles
        return "(" + " + ".join(sql) + ")", params

    def count(self):
        sql, params = self._from()
        return _rows(f"SELECT COUNT(*) {sql}", params)[0][0]

    def window(self, start, stop):
        sql, params = self._from()
        tier, tier_params = self._tier() if self.tiered else ("0", [])
        # The page table is joined to the rows shown only, not to every match.
        rows = _rows(
            f"SELECT w.total, e.page_id, p.content_type_id FROM ("
            f"SELECT e.sort_key, {tier} AS tier, COUNT(*) OVER () AS total {sql} "
            f"ORDER BY tier DESC, e.sort_key DESC LIMIT %s OFFSET %s) w {SHOWN} "
            "ORDER BY w.tier DESC, w.sort_key DESC",
            tier_params + params + [stop - start, start, True, self.search.locale.pk],
        )
        if not rows:
            return (0 if start == 0 else self.count()), []
        return rows[0][0], [(row[1], row[2]) for row in rows]


def _rows(sql, params):
    with connection.cursor() as cursor:
        cursor.execute(sql, params)
        return cursor.fetchall()


class BackendSearch(BaseSearch):
    """Search through Wagtail's search API, for backends other than the database one."""

    def matched(self):
        pages = self.pages()
        if self.date_from:
            pages = pages.filter(first_published_at__gte=_day_start(self.date_from))
        if self.date_to:
            pages = pages.filter(
                first_published_at__lt=_day_start(self.date_to + datetime.timedelta(days=1))
            )
        if self.order == NEWEST:
            pages = pages.order_by("-first_published_at")
        queries = [
            Phrase(" ".join(part)) if len(part) > 1 else PlainText(part[0])
            for part in self.parsed.parts
        ]
        query = queries[0] if len(queries) == 1 else (And if self.operator == "and" else Or)(queries)
        return pages.search(query, order_by_relevance=self.order != NEWEST)

    def count(self):
        return self.matched().count()

    def fetch(self, start, stop):
        pages = [page.specific for page in self.matched()[start:stop]]
        for page in pages:
            published_at = getattr(page, "published_at", None)
            page.search_date = published_at or page.first_published_at
        return pages


def uses_index_tables():
    """Whether the default backend is Wagtail's database backend with full-text tables."""
    backend = get_search_backend()
    if connection.vendor == "postgresql":
        from modelsearch.backends.database.postgres.postgres import (
            PostgresSearchBackend,
        )

        return isinstance(backend, PostgresSearchBackend)
    if connection.vendor == "sqlite":
        from modelsearch.backends.database.sqlite.sqlite import SQLiteSearchBackend

        return isinstance(backend, SQLiteSearchBackend)
    return False


def search(parsed, per_page=10, loader=None, **options):
    """Return :class:`Results` for ``parsed`` (a :class:`search.normalize.ParsedQuery`).

    ``per_page`` is the number of results the first page shows: counting
    fetches them in the same query. ``loader(load)``, if given, wraps how
    the index's rows become results (the view's cached cards,
    :mod:`search.cards`).
    """
    engine = IndexSearch if uses_index_tables() else BackendSearch
    found = engine(parsed, **options)
    if loader is not None and engine is IndexSearch:
        found.load = loader(IndexSearch.load)
    return found.results(per_page)
