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

from django.conf import settings
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


def count_limit():
    """How far matches are counted: beyond it a search says "more than" this many.

    Counting every match of a common word is what made a search's cost grow
    with the site (every match read); nobody reads past a thousand results.
    """
    return getattr(settings, "SEARCH_COUNT_LIMIT", 1000)


class Results:
    """Results for a Django ``Paginator``: ``count()`` and slicing, each run once.

    When the search can count and read the first ``per_page`` results in
    one query (:meth:`IndexSearch.window`), counting does that and keeps the
    rows; the pages themselves are loaded only if that slice is asked for.

    The index's searches count up to :func:`count_limit`: past it, ``more``
    is true and ``count()`` is the limit, so the pages of results stop there.
    """

    def __init__(self, search, per_page=10):
        self.search = search
        self.per_page = per_page
        self._count = None
        self.more = False
        self._rows = {}
        self._pages = {}

    def count(self):
        if self._count is None:
            window = getattr(self.search, "window", None)
            if window is None:
                self._count = self.search.count()
            else:
                total, self._rows[(0, self.per_page)] = window(0, self.per_page)
                limit = count_limit()
                self.more = total > limit
                self._count = min(total, limit)
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

    * the number of matches is counted by the full-text index alone, up to
      :func:`count_limit` (then "more than");
    * a page of results is read newest first within each relevance tier,
      stopping after the rows shown (SQLite; PostgreSQL when there are more
      matches than the count limit; below it, it ranks the matches it
      counted with a top-N sort).

    Private parts of the site are left out by a subquery on Wagtail's view
    restrictions, and the rows shown are joined with the page table (live,
    this language), all in the same query: the first page of results is
    one query, plus one to load the pages shown (per page type).
    """

    _entry_query = None

    def window(self, start, stop):
        """``(number of matches, rows)`` of results ``start`` to ``stop``, best first.

        Rows are ``(page id, content type id)``; :meth:`load` gives the pages.
        The number is exact up to :func:`count_limit`, else the limit + 1.
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
        """``(number of matches, [(page id, content type id)])`` of results ``start`` to ``stop``.

        The number is exact up to :func:`count_limit`; past it, it is the limit + 1.
        """
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
        """The number of matches up to the count limit + 1, counted by FTS5 from its doclists (no row is read)."""
        where, bounds = self._where()
        return (
            f"SELECT COUNT(*) AS total FROM (SELECT 1 FROM {self.table} WHERE {where} LIMIT %s)",
            [self._base(), *bounds, count_limit() + 1],
        )

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


# Sort keys are signed 64-bit integers; these bound every key.
LOWEST, HIGHEST = -(2**63), 2**63 - 1


class PostgresQuery(EntryQuery):
    """tsqueries on ``search_searchentry`` through the functions of migration 0004.

    * ``search_entry_hits``: the matches (document GIN index), at most the
      count limit + 1 of them; under the limit they are all the matches,
      and the best come from a top-N sort of their tiers;
    * past the limit, the tiers are read separately, each stopping after the
      rows shown: the title tiers from ``search_entry_titled`` (title GIN
      index; titles holding a part of the query are a small share of the
      matches), text-only matches from ``search_entry_newest``, which walks
      the language's pages newest first. Neither reads every match, so the
      first page costs about the same at any size of site.

    The tiers come from the title's own tsvector: 7 the whole query as a
    phrase, 3 every part, 1 some part, 0 none (the FTS5 queries' tiers).
    """

    @staticmethod
    def _phrase(part):
        return "(" + " <-> ".join(f"'{term}'" for term in part) + ")"

    def _queries(self):
        """tsqueries ``(match, whole phrase, every part, some part)``.

        Terms hold only letters and digits (search.normalize), so they need no escaping.
        """
        parts = [self._phrase(part) for part in self.parts]
        every, some = " & ".join(parts), " | ".join(parts)
        whole = self._phrase([term for part in self.parts for term in part])
        return (every if self.search.operator == "and" else some), whole, every, some

    def _scope(self):
        """Arguments the functions share: language, ancestors, section itself, date bounds."""
        search = self.search
        inside = [page.pk for page in (search.root, search.section) if page is not None]
        outside = search.section.pk if search.section else 0
        low = LOWEST if self.low is None else self.low
        high = HIGHEST if self.high is None else self.high
        return [search.locale.pk, inside, outside, low, high]

    def _tier(self, alias):
        if not self.tiered:
            return "0", []
        _, whole, every, some = self._queries()
        sql = " + ".join(
            f"(CASE WHEN {alias}.title_terms @@ %s::tsquery THEN {weight} ELSE 0 END)"
            for weight in (4, 2, 1)
        )
        return f"({sql})", [whole, every, some]

    def _hits(self, cap):
        match = self._queries()[0]
        return (
            "SELECT * FROM search_entry_hits(%s::tsquery, %s, %s::integer[], %s, %s, %s, %s)",
            [match, *self._scope(), cap],
        )

    def count(self):
        hits, params = self._hits(count_limit() + 1)
        return _rows(f"SELECT COUNT(*) FROM ({hits}) h", params)[0][0]

    def window(self, start, stop):
        limit = count_limit()
        hits, hit_params = self._hits(limit + 1)
        tier, tier_params = self._tier("h")
        # The page table is joined to the rows shown only, not to every match.
        rows = _rows(
            f"WITH h AS MATERIALIZED ({hits}) "
            "SELECT c.total, r.page_id, r.content_type_id FROM (SELECT COUNT(*) AS total FROM h) c "
            "LEFT JOIN (SELECT w.tier, w.sort_key, e.page_id, p.content_type_id FROM ("
            f"SELECT h.sort_key, {tier} AS tier FROM h ORDER BY tier DESC, h.sort_key DESC "
            f"LIMIT %s OFFSET %s) w {SHOWN}) r ON true ORDER BY r.tier DESC, r.sort_key DESC",
            hit_params + tier_params + [stop - start, start, True, self.search.locale.pk],
        )
        total = rows[0][0]
        if total <= limit:
            return total, [(row[1], row[2]) for row in rows if row[1] is not None]
        return total, self._newest_in_each_tier(start, stop)

    def _newest_in_each_tier(self, start, stop):
        """Results ``start`` to ``stop`` read tier by tier, newest first, each tier stopping at ``stop``."""
        match, _, _, some = self._queries()
        scope = self._scope()
        selects, params, prefix = [], [], ""
        if self.tiered:
            tier, tier_params = self._tier("t")
            prefix = (
                f"WITH t AS MATERIALIZED (SELECT t.sort_key, {tier} AS tier FROM "
                "search_entry_titled(%s::tsquery, %s, %s::integer[], %s, %s, %s) t) "
            )
            params += tier_params + [some, *scope]
            # Every part in the title: the page matches. Only some part
            # (tier 1) of a query that wants every part: its text must hold the rest.
            needs_text = self.search.operator == "and" and len(self.parts) > 1
            selects.append(
                f"(SELECT t.sort_key, t.tier FROM t WHERE t.tier {'> 1' if needs_text else '> 0'} "
                "ORDER BY t.tier DESC, t.sort_key DESC LIMIT %s)"
            )
            params.append(stop)
            if needs_text:
                # Newest first, reading texts only until ``stop`` of them hold the rest.
                selects.append(
                    "(SELECT s.sort_key, s.tier FROM (SELECT * FROM t WHERE t.tier = 1 "
                    "ORDER BY t.sort_key DESC OFFSET 0) s WHERE EXISTS (SELECT 1 FROM search_searchentry d "
                    "WHERE d.sort_key = s.sort_key AND d.document @@ %s::tsquery) ORDER BY s.sort_key DESC LIMIT %s)"
                )
                params += [match, stop]
        selects.append(
            "(SELECT n.sort_key, 0 AS tier FROM "
            "search_entry_newest(%s::tsquery, %s::tsquery, %s, %s::integer[], %s, %s, %s, %s) n)"
        )
        params += [match, some if self.tiered else None, *scope, stop]
        # As in window(): only the rows shown are joined to the page table.
        rows = _rows(
            f"{prefix}SELECT e.page_id, p.content_type_id FROM (SELECT * FROM ({' UNION ALL '.join(selects)}) u "
            f"ORDER BY u.tier DESC, u.sort_key DESC LIMIT %s OFFSET %s) w {SHOWN} "
            "ORDER BY w.tier DESC, w.sort_key DESC",
            params + [stop - start, start, True, self.search.locale.pk],
        )
        return [(row[0], row[1]) for row in rows]


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
