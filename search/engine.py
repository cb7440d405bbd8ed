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

    Counting also fetches the first ``per_page`` results when the search
    can give both in one query (:meth:`IndexSearch.window`), so the first
    page of results costs one query.
    """

    def __init__(self, search, per_page=10):
        self.search = search
        self.per_page = per_page
        self._count = None
        self._pages = {}

    def count(self):
        if self._count is None:
            window = getattr(self.search, "window", None)
            if window is None:
                self._count = self.search.count()
            else:
                total, pages = window(0, self.per_page)
                self._count = total
                self._pages[(0, self.per_page)] = pages
        return self._count

    def __len__(self):
        return self.count()

    def __getitem__(self, item):
        if not isinstance(item, slice):
            return self[item : item + 1][0]
        key = (item.start or 0, item.stop)
        if key not in self._pages:
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
    itself (words and phrases, language, home page and section, private
    parts of the site, dates), and the index keeps pages in date order, so:

    * the number of matches is counted by the full-text index alone;
    * one page of results is read newest first within each relevance tier,
      stopping after the rows shown (SQLite); PostgreSQL reads the matches'
      narrow index rows once and keeps the best ones with a top-N sort.

    A search costs two queries (counts, then one page of results) plus
    loading the ten pages shown.
    """

    def window(self, start, stop):
        """``(number of matches, specific pages from start to stop)``, best first."""
        total, keys = self._query().window(start, stop)
        return total, self._load(keys)

    def count(self):
        return self._query().count()

    def fetch(self, start, stop):
        return self.window(start, stop)[1]

    def _query(self):
        if connection.vendor == "postgresql":
            return PostgresQuery(self)
        return SQLiteQuery(self)

    def _load(self, page_ids):
        """The live pages ``page_ids`` of this language, specific, in that order."""
        if not page_ids:
            return []
        pages = (
            Page.objects.live().filter(locale=self.locale, pk__in=page_ids).specific().in_bulk()
        )
        found = []
        for pk in page_ids:
            # A page missing here had an out-of-date entry; it is skipped.
            if pk in pages:
                page = pages[pk]
                page.search_date = entries.page_date(page)
                found.append(page)
        return found


class EntryQuery:
    """What both databases need from an :class:`IndexSearch`: parts, scope, date bounds."""

    def __init__(self, search):
        self.search = search
        self.parts = search.parsed.parts
        from wagtail.models import PageViewRestriction

        # Pages below a view restriction are private (Wagtail's PageQuerySet.public()).
        self.private = sorted(PageViewRestriction.objects.values_list("page_id", flat=True))
        self.low, self.high = None, None
        if search.date_from:
            self.low = entries.date_key(_day_start(search.date_from))
        if search.date_to:
            self.high = entries.date_key(_day_start(search.date_to + datetime.timedelta(days=1)))
            if self.low is None:
                self.low = entries.DATED
        self.tiered = search.order == RELEVANCE

    def window(self, start, stop):
        raise NotImplementedError

    def count(self):
        raise NotImplementedError


class SQLiteQuery(EntryQuery):
    """FTS5 queries on ``search_entry_fts``, whose row ids are sort keys (newest highest)."""

    table = entries.FTS_TABLE

    def _expressions(self):
        """FTS5 match expressions, one per relevance tier (best first), or one when sorting by date."""
        search = self.search
        phrases = ['"' + " ".join(part) + '"' for part in self.parts]
        joiner = " AND " if search.operator == "and" else " OR "
        scope = [f"scope : l{search.locale.pk}"]
        if search.root:
            scope.append(f"scope : (a{search.root.pk} OR s{search.root.pk})")
        if search.section:
            scope.append(f"scope : a{search.section.pk}")
        base = f"{{title body}} : ({joiner.join(phrases)}) AND " + " AND ".join(scope)
        if self.private:
            tokens = " OR ".join(f"a{pk} OR s{pk}" for pk in self.private)
            base = f"({base}) NOT (scope : ({tokens}))"
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
        sql, params = f"{self.table} MATCH %s", []
        if self.low is not None:
            sql += " AND rowid >= %s"
            params.append(self.low)
        if self.high is not None:
            sql += " AND rowid < %s"
            params.append(self.high)
        return sql, params

    def _counts(self, expressions):
        where, bounds = self._where()
        counts = ", ".join(f"(SELECT COUNT(*) FROM {self.table} WHERE {where})" for _ in expressions)
        params = []
        for expression in expressions:
            params += [expression, *bounds]
        return list(_rows(f"SELECT {counts}", params)[0])

    def count(self):
        return sum(self._counts(self._expressions()))

    def window(self, start, stop):
        expressions = self._expressions()
        counts = self._counts(expressions)
        where, bounds = self._where()
        selects, params, position = [], [], 0
        for tier, (expression, count) in enumerate(zip(expressions, counts)):
            first, last = max(start, position), min(stop, position + count)
            if first < last:
                selects.append(
                    f"SELECT * FROM (SELECT rowid AS sort_key, {tier} AS tier FROM {self.table} "
                    f"WHERE {where} ORDER BY rowid DESC LIMIT %s OFFSET %s)"
                )
                params += [expression, *bounds, last - first, first - position]
            position += count
        if not selects:
            return sum(counts), []
        rows = _rows(
            f"SELECT e.page_id FROM ({' UNION ALL '.join(selects)}) w "
            f"JOIN {SearchEntry._meta.db_table} e ON e.sort_key = w.sort_key "
            "ORDER BY w.tier, w.sort_key DESC",
            params,
        )
        return sum(counts), [row[0] for row in rows]


class PostgresQuery(EntryQuery):
    """A tsquery on ``search_searchentry.document`` (GIN index), tiers from the normalised title."""

    def _from(self):
        search = self.search
        term = "'{}'"
        parts = ["(" + " <-> ".join(term.format(t) for t in part) + ")" for part in self.parts]
        tsquery = (" & " if search.operator == "and" else " | ").join(parts)
        sql = (
            f"FROM {SearchEntry._meta.db_table} e "
            "WHERE e.document @@ %s::tsquery AND e.locale_id = %s"
        )
        params = [tsquery, search.locale.pk]
        if search.root:
            sql += " AND e.scope @> ARRAY[%s]::integer[]"
            params.append(search.root.pk)
        if search.section:
            sql += " AND e.scope @> ARRAY[%s]::integer[] AND e.page_id <> %s"
            params += [search.section.pk, search.section.pk]
        if self.private:
            sql += " AND NOT e.scope && %s::integer[]"
            params.append(self.private)
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
        order, order_params = "e.sort_key DESC", []
        if self.tiered:
            tier, order_params = self._tier()
            order = f"{tier} DESC, {order}"
        rows = _rows(
            f"SELECT e.page_id, COUNT(*) OVER () {sql} ORDER BY {order} LIMIT %s OFFSET %s",
            params + order_params + [stop - start, start],
        )
        if not rows:
            return (0 if start == 0 else self.count()), []
        return rows[0][1], [row[0] for row in rows]


def _rows(sql, params):
    with connection.cursor() as cursor:
        cursor.execute(sql, params)
        return cursor.fetchall()


def _as_datetime(value):
    """A date from a raw query as an aware datetime (SQLite gives text)."""
    if value is None or isinstance(value, datetime.datetime):
        return value
    parsed = datetime.datetime.fromisoformat(value)
    return parsed if timezone.is_aware(parsed) else timezone.make_aware(parsed, datetime.timezone.utc)


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
        from modelsearch.backends.database.postgres.postgres import PostgresSearchBackend

        return isinstance(backend, PostgresSearchBackend)
    if connection.vendor == "sqlite":
        from modelsearch.backends.database.sqlite.sqlite import SQLiteSearchBackend

        return isinstance(backend, SQLiteSearchBackend)
    return False


def search(parsed, per_page=10, **options):
    """Return :class:`Results` for ``parsed`` (a :class:`search.normalize.ParsedQuery`).

    ``per_page`` is the number of results the first page shows: counting
    fetches them in the same query.
    """
    engine = IndexSearch if uses_index_tables() else BackendSearch
    return engine(parsed, **options).results(per_page)
