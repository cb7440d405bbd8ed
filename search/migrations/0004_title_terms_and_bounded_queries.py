"""PostgreSQL: a title index and bounded queries, so a search's cost does not grow with the site.

The first page of a common word's results used to count and rank every
match (10,000 at 30,000 articles): 10-15 ms of the database's time per
search. Now (search.engine.PostgresQuery):

* ``search_entry_hits`` reads the matches through the GIN index and stops
  after the cap (``SEARCH_COUNT_LIMIT`` + 1): the number of matches is
  exact up to the cap, "more than" beyond it; under the cap these rows are
  every match, ranked as before;
* beyond the cap, the title tiers come from ``title_terms``, the title's
  own tsvector with its GIN index (``search_entry_titled``: titles that hold
  a part of the query are a small share of the matches), and text-only
  matches from ``search_entry_newest``, which walks the language's pages
  newest first (``search_entry_newest_pages``) and stops after the rows shown.

Each function fixes its own plan with planner settings (as
``search_entry_matches`` did, which they replace): documents are stored out
of line, so the planner under-rates reading them and would read every
document of the table. ``+ 0`` keeps a bitmap scan from combining
the match with the whole language's or date range's index entries.
"""

from django.db import connection, migrations

FUNCTIONS = """
CREATE FUNCTION search_entry_hits(query tsquery, locale integer, inside integer[], outside integer,
                                  low bigint, high bigint, cap integer)
RETURNS TABLE (sort_key bigint, title_terms tsvector)
LANGUAGE sql STABLE
SET enable_seqscan = off SET enable_indexscan = off
AS $$
    SELECT e.sort_key, e.title_terms FROM search_searchentry e
    WHERE e.document @@ query AND e.locale_id + 0 = locale AND e.sort_key + 0 >= low AND e.sort_key + 0 < high
      AND e.scope @> inside AND e.page_id <> outside
      AND NOT e.scope && ARRAY(SELECT page_id FROM wagtailcore_pageviewrestriction)
    LIMIT cap
$$;

CREATE FUNCTION search_entry_titled(query tsquery, locale integer, inside integer[], outside integer,
                                    low bigint, high bigint)
RETURNS TABLE (sort_key bigint, title_terms tsvector)
LANGUAGE sql STABLE ROWS 100
SET enable_seqscan = off SET enable_indexscan = off
AS $$
    SELECT e.sort_key, e.title_terms FROM search_searchentry e
    WHERE e.title_terms @@ query AND e.locale_id + 0 = locale AND e.sort_key + 0 >= low AND e.sort_key + 0 < high
      AND e.scope @> inside AND e.page_id <> outside
      AND NOT e.scope && ARRAY(SELECT page_id FROM wagtailcore_pageviewrestriction)
$$;

-- The cheap conditions come before the document's, which is read from out of line.
CREATE FUNCTION search_entry_newest(query tsquery, untitled tsquery, locale integer, inside integer[],
                                    outside integer, low bigint, high bigint, lim integer)
RETURNS TABLE (sort_key bigint)
LANGUAGE sql STABLE ROWS 10
SET enable_seqscan = off SET enable_bitmapscan = off
AS $$
    SELECT e.sort_key FROM search_searchentry e
    WHERE e.locale_id = locale AND e.sort_key >= low AND e.sort_key < high
      AND e.scope @> inside AND e.page_id <> outside
      AND (untitled IS NULL OR NOT e.title_terms @@ untitled)
      AND NOT e.scope && ARRAY(SELECT page_id FROM wagtailcore_pageviewrestriction)
      AND e.document @@ query
    ORDER BY e.sort_key DESC LIMIT lim
$$;
"""

DROP_FUNCTIONS = """
DROP FUNCTION IF EXISTS search_entry_hits(tsquery, integer, integer[], integer, bigint, bigint, integer);
DROP FUNCTION IF EXISTS search_entry_titled(tsquery, integer, integer[], integer, bigint, bigint);
DROP FUNCTION IF EXISTS search_entry_newest(tsquery, tsquery, integer, integer[], integer, bigint, bigint, integer);
"""

# The title's terms at positions 1, 2, ... as search.entries writes them (no text parsing).
TITLE_TERMS = """
ALTER TABLE search_searchentry ADD COLUMN title_terms tsvector NOT NULL DEFAULT ''::tsvector;
UPDATE search_searchentry e SET title_terms = COALESCE((
    SELECT string_agg(quote_literal(t.term) || ':' || t.position, ' ')
    FROM unnest(string_to_array(e.title, ' ')) WITH ORDINALITY AS t(term, position)
    WHERE t.term <> ''
), '')::tsvector;
CREATE INDEX search_entry_title_terms ON search_searchentry USING gin (title_terms);
CREATE INDEX search_entry_newest_pages ON search_searchentry (locale_id, sort_key);
"""

DROP_TITLE_TERMS = """
DROP INDEX IF EXISTS search_entry_newest_pages;
DROP INDEX IF EXISTS search_entry_title_terms;
ALTER TABLE search_searchentry DROP COLUMN title_terms;
"""

if connection.vendor == "postgresql":
    from importlib import import_module

    OLD_FUNCTION = import_module("search.migrations.0003_entry_matches_function").FUNCTION
    OPERATIONS = [
        migrations.RunSQL(TITLE_TERMS, DROP_TITLE_TERMS),
        migrations.RunSQL(FUNCTIONS, DROP_FUNCTIONS),
        migrations.RunSQL("DROP FUNCTION IF EXISTS search_entry_matches(tsquery);", OLD_FUNCTION),
    ]
else:
    OPERATIONS = []


class Migration(migrations.Migration):
    dependencies = [("search", "0003_entry_matches_function")]

    operations = OPERATIONS
