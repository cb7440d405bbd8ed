"""PostgreSQL: the full-text part of a search always goes through the GIN index.

Documents are stored out of line (TOAST), so the table looks small and the
planner prefers reading it whole, testing each page's document: tens of
milliseconds per thousand pages. ``search_entry_matches`` runs the match with
sequential scans switched off (a setting of the function alone), so the GIN
index finds the pages; the caller filters and sorts the few columns it gives.
The language column loses its index for the same reason.
"""

from django.db import connection, migrations, models

FUNCTION = """
CREATE OR REPLACE FUNCTION search_entry_matches(query tsquery)
RETURNS TABLE (page_id integer, sort_key bigint, locale_id integer, title text, scope integer[])
LANGUAGE sql STABLE
SET enable_seqscan = off
AS $$
    SELECT e.page_id, e.sort_key, e.locale_id, e.title, e.scope
    FROM search_searchentry e
    WHERE e.document @@ query
$$;
"""

if connection.vendor == "postgresql":
    FUNCTIONS = [migrations.RunSQL(FUNCTION, "DROP FUNCTION IF EXISTS search_entry_matches(tsquery);")]
else:
    FUNCTIONS = []


class Migration(migrations.Migration):
    dependencies = [("search", "0002_search_entries")]

    operations = [
        migrations.AlterField(
            model_name="searchentry",
            name="locale",
            field=models.ForeignKey(
                db_index=False,
                on_delete=models.deletion.CASCADE,
                related_name="+",
                to="wagtailcore.locale",
            ),
        ),
        *FUNCTIONS,
    ]
