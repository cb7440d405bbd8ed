"""The search page's own index: a table of live pages and, per database, its full-text part."""

import django.db.models.deletion
from django.db import connection, migrations, models

if connection.vendor == "postgresql":
    FULL_TEXT = [
        migrations.RunSQL(
            "ALTER TABLE search_searchentry ADD COLUMN document tsvector NOT NULL DEFAULT ''::tsvector, "
            "ADD COLUMN scope integer[] NOT NULL DEFAULT '{}';"
            "CREATE INDEX search_entry_document ON search_searchentry USING gin (document);",
            "DROP INDEX IF EXISTS search_entry_document;"
            "ALTER TABLE search_searchentry DROP COLUMN document, DROP COLUMN scope;",
        )
    ]
elif connection.vendor == "sqlite":
    FULL_TEXT = [
        migrations.RunSQL(
            # The row id is the entry's sort_key, so rows come newest first.
            "CREATE VIRTUAL TABLE search_entry_fts USING fts5(title, body, scope);",
            "DROP TABLE IF EXISTS search_entry_fts;",
        )
    ]
else:
    FULL_TEXT = []


class Migration(migrations.Migration):
    dependencies = [
        ("search", "0001_editors_picks_and_search_terms"),
        ("wagtailcore", "0098_apitoken"),
    ]

    operations = [
        migrations.CreateModel(
            name="SearchEntry",
            fields=[
                (
                    "page",
                    models.OneToOneField(
                        db_constraint=False,
                        on_delete=django.db.models.deletion.DO_NOTHING,
                        primary_key=True,
                        related_name="+",
                        serialize=False,
                        to="wagtailcore.page",
                    ),
                ),
                ("sort_key", models.BigIntegerField(unique=True)),
                ("title", models.TextField()),
                (
                    "locale",
                    models.ForeignKey(
                        on_delete=django.db.models.deletion.CASCADE,
                        related_name="+",
                        to="wagtailcore.locale",
                    ),
                ),
            ],
            options={
                "verbose_name": "search index entry",
                "verbose_name_plural": "search index entries",
            },
        ),
        *FULL_TEXT,
    ]
