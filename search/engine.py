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
from collections import defaultdict

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
EPOCH = datetime.datetime(1, 1, 1, tzinfo=datetime.timezone.utc)
# Page ids per query when reading dates (well below SQLite's variable limit).
ID_CHUNK = 2000


def _day_start(day):
    return timezone.make_aware(datetime.datetime.combine(day, datetime.time.min))


class Results:
    """Results for a Django ``Paginator``: ``count()`` and slicing, each run once."""

    def __init__(self, search):
        self.search = search
        self._count = None
        self._pages = {}

    def count(self):
        if self._count is None:
            self._count = self.search.count()
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

    def results(self):
        return Results(self)

    def count(self):
        raise NotImplementedError

    def fetch(self, start, stop):
        """The specific pages from ``start`` to ``stop``, best first."""
        raise NotImplementedError


class IndexSearch(BaseSearch):
    """Search that reads Wagtail's database index tables (SQLite FTS5 or PostgreSQL).

    One query finds the matching index entries and joins their pages, keeping
    those :meth:`pages` allows, with each page's relevance tier; it gives the
    count too. Dates are then read only for the tiers holding the page of
    results asked for: reading the date of every match is what costs most
    when a query matches thousands of pages.
    """

    _hits = None

    def hits(self):
        """``(page id, tier)`` of every matching page (tier 0 when sorting by date)."""
        if self._hits is None:
            tier, tier_params = self._tier() if self.order == RELEVANCE else ("0", [])
            sql, params = self._matches(with_dates=bool(self.date_from or self.date_to))
            self._hits = self._rows(f"SELECT p.id, {tier} {sql}", tier_params + params)
        return self._hits

    def count(self):
        return len(self.hits())

    def fetch(self, start, stop):
        by_tier = defaultdict(list)
        for pk, tier in self.hits():
            by_tier[tier].append(pk)
        dated, position = [], 0
        for tier in sorted(by_tier, reverse=True):
            ids = by_tier[tier]
            if position + len(ids) > start:
                dated += sorted(self._dates(ids), key=_newest_first, reverse=True)[
                    max(0, start - position) : stop - position
                ]
            position += len(ids)
            if position >= stop:
                break
        pages = Page.objects.filter(pk__in=[pk for pk, _ in dated]).specific().in_bulk()
        found = []
        for pk, date in dated:
            if pk in pages:
                page = pages[pk]
                page.search_date = date
                found.append(page)
        return found

    def _dates(self, ids):
        """``(page id, date)`` of pages ``ids``."""
        rows = []
        for chunk in range(0, len(ids), ID_CHUNK):
            batch = ids[chunk : chunk + ID_CHUNK]
            rows += self._rows(
                f"SELECT p.id, {DATE} FROM {Page._meta.db_table} p "
                f"LEFT JOIN {NewsPage._meta.db_table} n ON n.page_ptr_id = p.id "
                f"WHERE p.id IN ({', '.join(['%s'] * len(batch))})",
                batch,
            )
        return [(pk, _as_datetime(date)) for pk, date in rows]

    @staticmethod
    def _rows(sql, params):
        with connection.cursor() as cursor:
            cursor.execute(sql, params)
            return cursor.fetchall()

    def _matches(self, with_dates):
        """``FROM ... WHERE ...`` of the matching pages (aliases: ``h`` hits, ``p`` pages, ``n`` news)."""
        entries = get_app_config().get_model("IndexEntry")._meta.db_table
        if connection.vendor == "postgresql":
            hits, params = self._postgres_hits(entries)
        else:
            hits, params = self._sqlite_hits(entries)
        content_types = sorted(get_descendants_content_types_pks(Page))
        params += content_types
        allowed, allowed_params = self.pages().order_by().values("pk").query.sql_with_params()
        params += allowed_params
        hits = f"{hits} AND e.content_type_id IN ({', '.join(['%s'] * len(content_types))})"
        if connection.vendor == "postgresql":
            # Evaluated once: with stale statistics (after a bulk import) the
            # planner may otherwise rerun the full-text scan for every page.
            hits = f"WITH hits AS MATERIALIZED ({hits}) SELECT * FROM hits"
        sql = f"FROM ({hits}) h JOIN {Page._meta.db_table} p ON p.id = h.page_id "
        if with_dates:
            sql += f"LEFT JOIN {NewsPage._meta.db_table} n ON n.page_ptr_id = p.id "
        sql += f"WHERE p.id IN ({allowed})"
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


def _newest_first(row):
    """Sort key (used reversed) for ``(page id, date)``: newest first, undated last."""
    pk, date = row
    return (date is not None, date or EPOCH, pk)


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


def search(parsed, **options):
    """Return :class:`Results` for ``parsed`` (a :class:`search.normalize.ParsedQuery`)."""
    engine = IndexSearch if uses_index_tables() else BackendSearch
    return engine(parsed, **options).results()
