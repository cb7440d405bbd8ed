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


def _day_start(day):
    return timezone.make_aware(datetime.datetime.combine(day, datetime.time.min))


class Results:
    """Results for a Django ``Paginator``: ``count()``, and slices fetched one page at a time.

    Each fetch also gives the total, so showing page 1 takes one query.
    """

    def __init__(self, search, per_page):
        self.search = search
        self.per_page = per_page
        self._total = None
        self._pages = {}

    def count(self):
        if self._total is None:
            self[0 : self.per_page]
        return self._total

    def __len__(self):
        return self.count()

    def __getitem__(self, item):
        if not isinstance(item, slice):
            return self[item : item + 1][0]
        key = (item.start or 0, item.stop)
        if key not in self._pages:
            self._pages[key], total = self.search.fetch(*key)
            if total is not None:
                self._total = total
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

    def results(self, per_page):
        return Results(self, per_page)

    def fetch(self, start, stop):
        """The specific pages from ``start`` to ``stop``, best first, and the total (or None)."""
        raise NotImplementedError


class IndexSearch(BaseSearch):
    """Search that reads Wagtail's database index tables (SQLite FTS5 or PostgreSQL).

    One query finds the matching index entries, joins their pages, keeps
    those :meth:`pages` allows, ranks them and counts them.
    """

    def fetch(self, start, stop):
        sql, params = self.sql(start, stop)
        with connection.cursor() as cursor:
            cursor.execute(sql, params)
            rows = cursor.fetchall()
        pages = Page.objects.filter(pk__in=[row[0] for row in rows]).specific().in_bulk()
        found = []
        for pk, date, _ in rows:
            if pk in pages:
                page = pages[pk]
                page.search_date = _as_datetime(date)
                found.append(page)
        return found, rows[0][2] if rows else (0 if start == 0 else None)

    def sql(self, start, stop):
        """The SQL and parameters giving ``(page id, date, total)`` rows, best first."""
        entries = get_app_config().get_model("IndexEntry")._meta.db_table
        content_types = sorted(get_descendants_content_types_pks(Page))
        if connection.vendor == "postgresql":
            hits, params = self._postgres_hits(entries)
        else:
            hits, params = self._sqlite_hits(entries)
        params += content_types
        allowed, allowed_params = self.pages().values("pk").query.sql_with_params()
        params += allowed_params
        page_table = Page._meta.db_table
        news_table = NewsPage._meta.db_table
        date = "COALESCE(n.published_at, p.first_published_at, p.last_published_at)"
        conditions = []
        ops = connection.ops
        if self.date_from:
            conditions.append(f"{date} >= %s")
            params.append(ops.adapt_datetimefield_value(_day_start(self.date_from)))
        if self.date_to:
            conditions.append(f"{date} < %s")
            end = _day_start(self.date_to + datetime.timedelta(days=1))
            params.append(ops.adapt_datetimefield_value(end))
        order = "search_date DESC NULLS LAST, p.id DESC"
        if self.order == RELEVANCE:
            tier, tier_params = self._tier()
            order = f"{tier} DESC, {order}"
            params += tier_params
        params += [stop - start, start]
        extra = "".join(f" AND {condition}" for condition in conditions)
        placeholders = ", ".join(["%s"] * len(content_types))
        sql = f"""
            WITH hits AS ({hits} AND e.content_type_id IN ({placeholders}))
            SELECT p.id, {date} AS search_date, COUNT(*) OVER () AS total
            FROM hits h
            JOIN {page_table} p ON p.id = h.page_id
            LEFT JOIN {news_table} n ON n.page_ptr_id = p.id
            WHERE p.id IN ({allowed}){extra}
            ORDER BY {order}
            LIMIT %s OFFSET %s
        """
        return sql, params

    def _sqlite_hits(self, entries):
        fts = f"{entries}_fts"
        sql = (
            f"SELECT CAST(e.object_id AS INTEGER) AS page_id, ' ' || e.title || ' ' AS title "
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

    def fetch(self, start, stop):
        results = self.matched()
        pages = [page.specific for page in results[start:stop]]
        for page in pages:
            published_at = getattr(page, "published_at", None)
            page.search_date = published_at or page.first_published_at
        return pages, results.count()


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
    """Return :class:`Results` for ``parsed`` (a :class:`search.normalize.ParsedQuery`)."""
    engine = IndexSearch if uses_index_tables() else BackendSearch
    return engine(parsed, **options).results(per_page)
