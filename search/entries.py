"""The search page's own index of live pages, shaped for its queries.

Wagtail's index (kept by :mod:`search.backend`) serves the admin's page
search. The search page reads this one instead, because it can answer
"how many pages match, and which ten come first" without visiting every
match:

* ``sort_key`` puts pages in date order (newest first), with the page id as
  tie-break, in one integer. On SQLite it is the row id of the full-text
  table ``search_entry_fts``, which FTS5 walks in row id order and stops
  after the rows asked for.
* ``scope`` holds the ids of the page and of its ancestors, so that "below
  this home page", "in this section" and "not in a private part of the
  site" are conditions of the full-text query itself.
* Only live pages have an entry: publishing and unpublishing re-index the
  page (Wagtail's save signal), deleting it removes the entry.

Entries are written by the search backend whenever Wagtail indexes pages
(publishing, ``update_index``), in one statement per batch, from the same
normalised text Wagtail's index gets (computed once per batch, see
:func:`search.normalize.remembering`). Moving a page changes its
descendants' ancestors, so :func:`refresh_subtree` rewrites their entries.
"""

from django.db import connection, transaction
from wagtail.models import Page

from search.indexing import NormalisedSearchField
from search.models import SearchEntry

# Seconds since 1970 times 2**22, plus the low 22 bits of the page id, fit a
# signed 64-bit integer for every date from the year 1 to 9999; undated
# pages sort below all of them.
ID_BITS = 22
UNDATED = -(2**62)
# Every dated page's key is at least this (year 1 is about -2**58).
DATED = -(2**61)
FTS_TABLE = "search_entry_fts"


def page_date(page):
    """The date a page is listed under: an article's own date, else when it was first published."""
    return (
        getattr(page, "published_at", None) or page.first_published_at or page.last_published_at
    )


def date_key(moment):
    """The smallest sort key of pages dated at or after ``moment``."""
    return int(moment.timestamp()) << ID_BITS


def sort_key(page):
    date = page_date(page)
    low_bits = page.pk & ((1 << ID_BITS) - 1)
    if date is None:
        return UNDATED + low_bits
    return date_key(date) + low_bits


def _texts(page):
    """``(normalised title, normalised other text)`` from the page's search fields."""
    title, body = [], []
    for field in type(page).get_search_fields():
        if isinstance(field, NormalisedSearchField):
            value = field.get_value(page)
            if value:
                (title if field.field_name == "title" else body).append(value)
    return " ".join(title), " ".join(body)


def _ancestor_ids(pages):
    """``{path: id}`` of every ancestor of ``pages`` (and of the pages themselves)."""
    paths = set()
    for page in pages:
        for end in range(page.steplen, len(page.path) + 1, page.steplen):
            paths.add(page.path[:end])
    found = {}
    paths = sorted(paths)
    for start in range(0, len(paths), 500):
        found.update(Page.objects.filter(path__in=paths[start : start + 500]).values_list("path", "pk"))
    return found


def _scope(page, ids_by_path):
    return [
        ids_by_path[page.path[:end]]
        for end in range(page.steplen, len(page.path) + 1, page.steplen)
        if page.path[:end] in ids_by_path
    ]


def _tsvector(title, body):
    """A tsvector literal of the terms with positions; body positions leave a gap after the title.

    The gap keeps a phrase from running from the title into the text, as
    FTS5 columns do on SQLite. Terms hold only letters and digits (see
    search.normalize), so they need no escaping.
    """
    positions = {}
    title_terms = title.split()
    for number, term in enumerate(title_terms, start=1):
        positions.setdefault(term, []).append(number)
    offset = len(title_terms) + 2
    for number, term in enumerate(body.split(), start=offset):
        # PostgreSQL keeps positions up to 16383; later words still match.
        positions.setdefault(term, []).append(min(number, 16383))
    return " ".join(
        f"'{term}':{','.join(str(p) for p in sorted(set(places))[:256])}"
        for term, places in positions.items()
    )


def write(pages):
    """Index ``pages`` (specific Page instances): live ones are written, others removed."""
    pages = [page for page in pages if isinstance(page, Page) and page.pk]
    if not pages:
        return
    live = [page for page in pages if page.live]
    with transaction.atomic():
        remove([page.pk for page in pages if not page.live])
        if not live:
            return
        ids_by_path = _ancestor_ids(live)
        rows = []
        taken = set()
        for page in live:
            key = sort_key(page)
            # Two pages of the same second whose ids share their low bits:
            # the later one moves down a step (a tie-break, not a date change).
            while key in taken:
                key -= 1
            taken.add(key)
            title, body = _texts(page)
            rows.append((page, key, title, body, _scope(page, ids_by_path)))
        _resolve_clashes(rows, taken)
        if connection.vendor == "postgresql":
            _write_postgres(rows)
        else:
            _write_sqlite(rows)


def _resolve_clashes(rows, taken):
    """Move keys that other pages' entries already use (rare: see ``write``)."""
    ids = {row[0].pk for row in rows}
    keys = [row[1] for row in rows]
    used = {}
    for start in range(0, len(keys), 500):
        used.update(
            SearchEntry.objects.filter(sort_key__in=keys[start : start + 500])
            .exclude(page_id__in=ids)
            .values_list("sort_key", "page_id")
        )
    for index, (page, key, title, body, scope) in enumerate(rows):
        if key in used:
            while key in used or key in taken:
                key -= 1
            taken.add(key)
            rows[index] = (page, key, title, body, scope)


def _write_sqlite(rows):
    with connection.cursor() as cursor:
        _delete_sqlite(cursor, [row[0].pk for row in rows])
        cursor.executemany(
            "INSERT INTO search_searchentry (page_id, sort_key, locale_id, title) VALUES (%s, %s, %s, %s)",
            [(page.pk, key, page.locale_id, title) for page, key, title, _, _ in rows],
        )
        cursor.executemany(
            f"INSERT INTO {FTS_TABLE} (rowid, title, body, scope) VALUES (%s, %s, %s, %s)",
            [(key, title, body, _scope_tokens(page, scope)) for page, key, title, body, scope in rows],
        )


def _scope_tokens(page, scope):
    """FTS5 words for the page's place: ``a`` + each ancestor id, ``s`` + its own, ``l`` + its language."""
    return " ".join([f"a{pk}" for pk in scope if pk != page.pk] + [f"s{page.pk}", f"l{page.locale_id}"])


def _delete_sqlite(cursor, page_ids):
    for start in range(0, len(page_ids), 500):
        chunk = page_ids[start : start + 500]
        marks = ", ".join(["%s"] * len(chunk))
        cursor.execute(
            f"DELETE FROM {FTS_TABLE} WHERE rowid IN "
            f"(SELECT sort_key FROM search_searchentry WHERE page_id IN ({marks}))",
            chunk,
        )
        cursor.execute(f"DELETE FROM search_searchentry WHERE page_id IN ({marks})", chunk)


def _write_postgres(rows):
    with connection.cursor() as cursor:
        cursor.execute(
            "DELETE FROM search_searchentry WHERE page_id = ANY(%s)", [[row[0].pk for row in rows]]
        )
        # title_terms: the title alone, so a title match is found without reading documents.
        cursor.executemany(
            "INSERT INTO search_searchentry (page_id, sort_key, locale_id, title, document, title_terms, scope) "
            "VALUES (%s, %s, %s, %s, %s::tsvector, %s::tsvector, %s)",
            [
                (page.pk, key, page.locale_id, title, _tsvector(title, body), _tsvector(title, ""), scope)
                for page, key, title, body, scope in rows
            ],
        )


def remove(page_ids):
    """Remove the entries of pages ``page_ids``."""
    page_ids = list(page_ids)
    if not page_ids:
        return
    with connection.cursor() as cursor:
        if connection.vendor == "postgresql":
            cursor.execute("DELETE FROM search_searchentry WHERE page_id = ANY(%s)", [page_ids])
        else:
            _delete_sqlite(cursor, page_ids)


def remove_stale():
    """Remove entries whose page is gone or no longer live, and full-text rows without an entry."""
    stale = SearchEntry.objects.exclude(page__live=True).values_list("page_id", flat=True)
    remove(list(stale))
    if connection.vendor == "sqlite":
        with connection.cursor() as cursor:
            cursor.execute(
                f"DELETE FROM {FTS_TABLE} WHERE rowid NOT IN (SELECT sort_key FROM search_searchentry)"
            )


def reset():
    """Empty the index."""
    with connection.cursor() as cursor:
        if connection.vendor == "sqlite":
            cursor.execute(f"DELETE FROM {FTS_TABLE}")
        cursor.execute("DELETE FROM search_searchentry")


def refresh_subtree(page):
    """Rewrite the entries of ``page`` and its descendants (after a move: their ancestors changed)."""
    pages = Page.objects.descendant_of(page, inclusive=True).live().specific().iterator(chunk_size=500)
    batch = []
    for item in pages:
        batch.append(item)
        if len(batch) == 500:
            write(batch)
            batch = []
    write(batch)
