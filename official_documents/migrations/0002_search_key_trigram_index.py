"""On PostgreSQL, a trigram index lets ``search_key LIKE '% word%'`` skip most rows.

SQLite has no such index; its scan of the folded keys is measured in
bench/documents.py. Where the pg_trgm extension cannot be created (no
rights), the register still works, only slower.
"""

from django.db import migrations

INDEX = "offdoc_search_key_trgm"


def create(apps, schema_editor):
    if schema_editor.connection.vendor != "postgresql":
        return
    with schema_editor.connection.cursor() as cursor:
        cursor.execute("SAVEPOINT offdoc_trgm")
        try:
            cursor.execute("CREATE EXTENSION IF NOT EXISTS pg_trgm")
        except Exception:
            cursor.execute("ROLLBACK TO SAVEPOINT offdoc_trgm")
            return
        cursor.execute(
            f"CREATE INDEX IF NOT EXISTS {INDEX} ON official_documents_officialdocumentpage "
            "USING gin (search_key gin_trgm_ops)"
        )


def drop(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute(f"DROP INDEX IF EXISTS {INDEX}")


class Migration(migrations.Migration):
    dependencies = [("official_documents", "0001_initial")]

    operations = [migrations.RunPython(create, drop)]
