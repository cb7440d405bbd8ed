"""Running a parsed query against the search index.

:class:`IndexSearch` reads the index that Wagtail's database backend keeps
(SQLite FTS5 or PostgreSQL tsvectors) directly, so that both databases rank
results the same way, without depending on their different scoring
functions:

1. a page matches when each word and "exact phrase" of the query is in its
   title or its text (or, for the fall-back search, when any of them is);
2. relevance is a tier: the whole query as a phrase in the title (7), every
   part in the title (3), some part in the title (1), text only (0);
3. within a tier, newer pages come first.

Only live, public pages of one language below its home page are searched,
whatever the index holds: drafts, private pages and other languages never
appear, and a change of state shows at once.

:class:`BackendSearch` uses Wagtail's search API instead; it serves deployments
that switch the search backend to Elasticsearch or OpenSearch.
"""

import datetime
from django.db import connection
from django.utils import timezone
from modelsearch.conf import get_app_config
from modelsearch.utils import get_descendants_content_types_pks
from wagtail.models import Page
from wagtail.search.backends import get_search_backend
from wagtail.search.query import And, Or, Phrase, PlainText

from news.models import NewsPage

RELEVANCE = "relevance"
NEWEST = "newest"
# A page's date: an article's own, else when the page was first published.
DATE = "COALESCE(n.published_at, p.first_published_at, p.last_published_at)"


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
    """Search that reads Wagtail's database index tables (SQLite FTS5 or PostgreSQL).

    One query finds the matching index entries, joins their pages with the
    conditions of :meth:`pages` written out on the page table (no list of
    allowed pages is built), orders them by relevance tier and date, and
    returns one page of results together with the number of matches
    (``COUNT(*) OVER ()``). The database sorts with a bounded top-N sort,
    so a query matching every page of a language costs one pass over its
    matches and no transfer of them.
    """

    def window(self, start, stop):
        """``(number of matches, specific pages from start to stop)``, best first.

        The number is ``None`` when ``start`` is past the last match.
        """
        rows = self._window_rows(start, stop)
        if not rows:
            return (0 if start == 0 else None), []
        total = rows[0][2]
        pages = Page.objects.filter(pk__in=[pk for pk, _, _ in rows]).specific().in_bulk()
        found = []
        for pk, date, _ in rows:
            if pk in pages:
                page = pages[pk]
                page.search_date = _as_datetime(date)
                found.append(page)
        return total, found

    def count(self):
        sql, params = self._matches()
        return self._rows(f"SELECT COUNT(*) {sql}", params)[0][0]

    def fetch(self, start, stop):
        return self.window(start, stop)[1]

    def _window_rows(self, start, stop):
        """``(page id, date, number of matches)`` of results ``start`` to ``stop``."""
        if stop is not None and stop <= start:
            return []
        tier, tier_params = self._tier() if self.order == RELEVANCE else (None, [])
        sql, params = self._matches()
        # Undated pages last on both databases (their NULL ordering differs).
        order = f"CASE WHEN {DATE} IS NULL THEN 1 ELSE 0 END, {DATE} DESC, p.id DESC"
        if tier:
            order = f"{tier} DESC, {order}"
        limit = " LIMIT %s OFFSET %s" if stop is not None else " LIMIT -1 OFFSET %s"
        if stop is None and connection.vendor == "postgresql":
            limit = " OFFSET %s"
        bounds = [stop - start, start] if stop is not None else [start]
        return self._rows(
            f"SELECT p.id, {DATE}, COUNT(*) OVER () {sql} ORDER BY {order}{limit}",
            params + tier_params + bounds,
        )

    @staticmethod
    def _rows(sql, params):
        with connection.cursor() as cursor:
            cursor.execute(sql, params)
            return cursor.fetchall()

    def _allowed(self):
        """Conditions on ``p`` equal to :meth:`pages`: live, public, this language, below the roots."""
        from wagtail.models import PageViewRestriction

        conditions = ["p.locale_id = %s", "p.live = %s"]
        params = [self.locale.pk, True]
        if self.root:
            conditions.append("p.path LIKE %s")
            params.append(self.root.path + "%")
        else:
            conditions.append("p.depth > 1")
        if self.section:
            conditions.append("p.path LIKE %s AND p.depth > %s")
            params += [self.section.path + "%", self.section.depth]
        # Pages below a view restriction are private (Wagtail's PageQuerySet.public()).
        for path in PageViewRestriction.objects.values_list("page__path", flat=True):
            conditions.append("p.path NOT LIKE %s")
            params.append(path + "%")
        return " AND ".join(conditions), params

    def _matches(self):
        """``FROM ... WHERE ...`` of the matching pages (aliases: ``h`` hits, ``p`` pages, ``n`` news)."""
        entries = get_app_config().get_model("IndexEntry")._meta.db_table
        if connection.vendor == "postgresql":
            hits, params = self._postgres_hits(entries)
        else:
            hits, params = self._sqlite_hits(entries)
        content_types = sorted(get_descendants_content_types_pks(Page))
        params += content_types
        hits = f"{hits} AND e.content_type_id IN ({', '.join(['%s'] * len(content_types))})"
        if connection.vendor == "postgresql":
            # Evaluated once: with stale statistics (after a bulk import) the
            # planner may otherwise rerun the full-text scan for every page.
            hits = f"WITH hits AS MATERIALIZED ({hits}) SELECT * FROM hits"
        allowed, allowed_params = self._allowed()
        sql = (
            f"FROM ({hits}) h JOIN {Page._meta.db_table} p ON p.id = h.page_id "
            f"LEFT JOIN {NewsPage._meta.db_table} n ON n.page_ptr_id = p.id "
            f"WHERE {allowed}"
        )
        params += allowed_params
        ops = connection.ops
        if self.date_from:
            sql += f" AND {DATE} >= %s"
            params.append(ops.adapt_datetimefield_value(_day_start(self.date_from)))
        if self.date_to:
            sql += f" AND {DATE} < %s"
            end = _day_start(self.date_to + datetime.timedelta(days=1))
            params.append(ops.adapt_datetimefield_value(end))
        return sql, params

    def _sqlite_hits(self, entries):
        # The title is read from the autocomplete column, which holds the same
        # normalised title (pages declare no other autocomplete field): the
        # title column comes after the long body, and reading it would cost a
        # read of the body's overflow pages for every match.
        fts = f"{entries}_fts"
        sql = (
            f"SELECT CAST(e.object_id AS INTEGER) AS page_id, ' ' || e.autocomplete || ' ' AS title "
            f"FROM {fts} f JOIN {entries} e ON e.id = f.rowid WHERE {fts} MATCH %s"
        )
        # Terms hold only letters and digits (see search.normalize), so
        # quoting each part is all the escaping FTS5 needs.
        joiner = " AND " if self.operator == "and" else " OR "
        expression = joiner.join('"' + " ".join(part) + '"' for part in self.parsed.parts)
        return sql, [f"{{title body}} : ({expression})"]

    def _postgres_hits(self, entries):
        # One condition per part, so that a phrase must sit within one column,
        # as in FTS5 ("title || body" would let it run from one into the other).
        conditions, params = [], []
        for part in self.parsed.parts:
            tsquery = " <-> ".join(f"'{term}'" for term in part)
            conditions.append(
                "(e.title @@ to_tsquery('simple', %s) OR e.body @@ to_tsquery('simple', %s))"
            )
            params += [tsquery, tsquery]
        joiner = " AND " if self.operator == "and" else " OR "
        sql = (
            f"SELECT e.object_id::integer AS page_id, ' ' || e.title_text || ' ' AS title "
            f"FROM {entries} e WHERE ({joiner.join(conditions)})"
        )
        return sql, params

    def _tier(self):
        """Relevance tier from the normalised title (terms joined by single spaces).

        7: the whole query is a phrase in the title; 3: every part is in the
        title; 1: some part is; 0: none.
        """
        contains = "instr(h.title, %s) > 0" if connection.vendor == "sqlite" else "strpos(h.title, %s) > 0"
        parts = [f" {' '.join(part)} " for part in self.parsed.parts]
        words = f" {' '.join(term for part in self.parsed.parts for term in part)} "
        tiers = [
            (4, [words]),
            (2, parts),
            (1, parts),
        ]
        sql, params = [], []
        for weight, needles in tiers:
            joiner = " OR " if weight == 1 else " AND "
            sql.append(f"(CASE WHEN {joiner.join([contains] * len(needles))} THEN {weight} ELSE 0 END)")
            params += needles
        return "(" + " + ".join(sql) + ")", params


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
