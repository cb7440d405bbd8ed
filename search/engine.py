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
from django.db.models import Case, F, IntegerField, Value, When
from django.db.models.expressions import RawSQL
from django.db.models.functions import Coalesce
from django.utils import timezone
from modelsearch.conf import get_app_config
from modelsearch.utils import get_descendants_content_types_pks
from wagtail.models import Page
from wagtail.search.backends import get_search_backend
from wagtail.search.query import And, Or, Phrase, PlainText

RELEVANCE = "relevance"
NEWEST = "newest"


def _day_start(day):
    return timezone.make_aware(datetime.datetime.combine(day, datetime.time.min))


class Results:
    """Lazy results for a Django ``Paginator``: ``count()`` and slicing."""

    def __init__(self, search):
        self.search = search
        self._count = None

    def count(self):
        if self._count is None:
            self._count = self.search.count()
        return self._count

    def __len__(self):
        return self.count()

    def __getitem__(self, item):
        if not isinstance(item, slice):
            return self[item : item + 1][0]
        return self.search.fetch(item.start or 0, item.stop)


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

    def fetch(self, start, stop):
        rows = list(self.ordered()[start:stop])
        pages = Page.objects.filter(pk__in=[pk for pk, _ in rows]).specific().in_bulk()
        found = []
        for pk, date in rows:
            if pk in pages:
                page = pages[pk]
                page.search_date = date
                found.append(page)
        return found


class IndexSearch(BaseSearch):
    """Search that reads Wagtail's database index tables (SQLite FTS5 or PostgreSQL)."""

    def matched(self):
        """The matching pages, unordered."""
        pages = self.pages().annotate(
            search_date=Coalesce("newspage__published_at", "first_published_at", "last_published_at")
        )
        if self.date_from:
            pages = pages.filter(search_date__gte=_day_start(self.date_from))
        if self.date_to:
            pages = pages.filter(search_date__lt=_day_start(self.date_to + datetime.timedelta(days=1)))
        return pages.filter(pk__in=self.matching(self.parsed.parts, self.operator))

    def count(self):
        return self.matched().count()

    def ordered(self):
        """``(id, date)`` of the matching pages, best first."""
        pages = self.matched()
        parts = self.parsed.parts
        if self.order == NEWEST:
            return pages.order_by(F("search_date").desc(nulls_last=True), "-pk").values_list(
                "pk", "search_date"
            )
        tiers = [
            When(pk__in=self.matching(parts, "or", title_only=True), then=Value(1)),
        ]
        words = [term for part in parts for term in part]
        if len(parts) > 1:
            tiers.append(When(pk__in=self.matching(parts, "and", title_only=True), then=Value(2)))
        if len(words) > 1:
            tiers.append(When(pk__in=self.matching([words], "and", title_only=True), then=Value(4)))
        tier = sum(
            (Case(when, default=Value(0), output_field=IntegerField()) for when in tiers),
            Value(0),
        )
        return (
            pages.annotate(search_tier=tier)
            .order_by("-search_tier", F("search_date").desc(nulls_last=True), "-pk")
            .values_list("pk", "search_date")
        )

    # Matching pages, as a subquery giving page ids ----------------------------

    @staticmethod
    def _page_content_types():
        return sorted(get_descendants_content_types_pks(Page))

    def matching(self, parts, operator, title_only=False):
        """A subquery of the ids of pages whose index entry has ``parts`` (each a list of terms)."""
        content_types = self._page_content_types()
        placeholders = ", ".join(["%s"] * len(content_types))
        entries = get_app_config().get_model("IndexEntry")._meta.db_table
        if connection.vendor == "postgresql":
            condition, params = self._tsquery_condition(parts, operator, title_only)
            sql = (
                f"SELECT e.object_id::integer FROM {entries} e "
                f"WHERE e.content_type_id IN ({placeholders}) AND ({condition})"
            )
            return RawSQL(sql, [*content_types, *params])
        fts = f"{entries}_fts"
        sql = (
            f"SELECT CAST(e.object_id AS INTEGER) FROM {fts} f JOIN {entries} e ON e.id = f.rowid "
            f"WHERE {fts} MATCH %s AND e.content_type_id IN ({placeholders})"
        )
        return RawSQL(sql, [self._fts_match(parts, operator, title_only), *content_types])

    @staticmethod
    def _fts_match(parts, operator, title_only):
        # Terms hold only letters and digits (see search.normalize), so
        # quoting each part is all the escaping FTS5 needs.
        joiner = " AND " if operator == "and" else " OR "
        expression = joiner.join('"' + " ".join(part) + '"' for part in parts)
        columns = "title" if title_only else "title body"
        return f"{{{columns}}} : ({expression})"

    @staticmethod
    def _tsquery_condition(parts, operator, title_only):
        # One condition per part, so a phrase must sit within one column, as
        # FTS5 requires: "title || body" would let it run from one into the other.
        columns = ["e.title"] if title_only else ["e.title", "e.body"]
        conditions, params = [], []
        for part in parts:
            tsquery = " <-> ".join(f"'{term}'" for term in part)
            conditions.append(
                "(" + " OR ".join(f"{column} @@ to_tsquery('simple', %s)" for column in columns) + ")"
            )
            params.extend([tsquery] * len(columns))
        joiner = " AND " if operator == "and" else " OR "
        return joiner.join(conditions), params


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
