"""Editors' picks and the counts behind the popular-searches report.

Both are kept per language and matched on a query's normalised form, so
"Hội nghị", "hoi nghi" and "HỘI NGHỊ" are one query. Nothing about the
visitor is stored: only what was searched, in which language, and how many
times a day.
"""

import re

from django.core.cache import cache
from django.core.exceptions import ValidationError
from django.db import connection, models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from wagtail.models import Locale, Page

from search.normalize import MAX_QUERY_LENGTH, clean, parse_query

KEY_LENGTH = 255
PICKED_KEYS = "search:picked-keys"
# Bounds how long another process may miss a new pick if its cache is not shared.
PICKED_KEYS_SECONDS = 300
# Queries that may identify someone (an e-mail address, a phone or ID number)
# are searched but never counted.
_PERSONAL = re.compile(r"@|\d[\d .-]{6,}\d")


def query_key(query, ordered=True):
    """The normalised form of ``query`` that identifies it: its terms, space-separated.

    With ``ordered=False`` the terms are sorted, so word order does not matter.
    """
    terms = [term for part in parse_query(query).parts for term in part]
    if not ordered:
        terms = sorted(set(terms))
    return " ".join(terms)[:KEY_LENGTH]


class EditorsPick(models.Model):
    """A page shown first, before the results, when visitors search for some words."""

    locale = models.ForeignKey(
        Locale, verbose_name=_("language"), on_delete=models.CASCADE, related_name="+"
    )
    query = models.CharField(
        _("search words"),
        max_length=MAX_QUERY_LENGTH,
        help_text=_("Accents, letter case and word order do not matter."),
    )
    query_key = models.CharField(max_length=KEY_LENGTH, editable=False, db_index=True)
    page = models.ForeignKey(
        "wagtailcore.Page", verbose_name=_("page"), on_delete=models.CASCADE, related_name="+"
    )
    description = models.TextField(
        _("description"), blank=True, help_text=_("Shown under the title instead of an excerpt.")
    )
    sort_order = models.IntegerField(
        _("order"), default=0, help_text=_("Picks for the same words are shown lowest number first.")
    )

    class Meta:
        ordering = ["locale", "query_key", "sort_order", "pk"]
        verbose_name = _("editor's pick")
        verbose_name_plural = _("editors' picks")

    def __str__(self):
        return f"{self.query} → {self.page.title}"

    def clean(self):
        super().clean()
        if self.query and not query_key(self.query, ordered=False):
            raise ValidationError({"query": _("Type at least one word.")})
        if self.page_id and self.locale_id and self.page.locale_id != self.locale_id:
            raise ValidationError({"page": _("Choose a page in the pick's language.")})

    def save(self, *args, **kwargs):
        self.query_key = query_key(self.query, ordered=False)
        super().save(*args, **kwargs)

    @classmethod
    def picked_keys(cls):
        """``{(locale id, query key)}`` of every pick, cached: most searches have no pick.

        Saving or deleting a pick empties the cache (see search.signals).
        """
        keys = cache.get(PICKED_KEYS)
        if keys is None:
            keys = set(cls.objects.values_list("locale_id", "query_key"))
            cache.set(PICKED_KEYS, keys, PICKED_KEYS_SECONDS)
        return keys

    @classmethod
    def for_query(cls, query, locale):
        """Live, public picks for ``query`` in ``locale``, as pages with the pick's description."""
        key = query_key(query, ordered=False)
        if not key or (locale.pk, key) not in cls.picked_keys():
            return []
        picks = list(cls.objects.filter(locale=locale, query_key=key))
        if not picks:
            return []
        pages = (
            Page.objects.live()
            .public()
            .filter(locale=locale, pk__in=[pick.page_id for pick in picks])
            .specific()
            .in_bulk()
        )
        result = []
        for pick in picks:
            if pick.page_id in pages:
                page = pages[pick.page_id]
                page.pick_description = pick.description
                result.append(page)
        return result


class SearchTerm(models.Model):
    """A query visitors searched for in one language."""

    locale = models.ForeignKey(
        Locale, verbose_name=_("language"), on_delete=models.CASCADE, related_name="+"
    )
    key = models.CharField(max_length=KEY_LENGTH)
    text = models.CharField(_("search words"), max_length=MAX_QUERY_LENGTH)

    class Meta:
        constraints = [models.UniqueConstraint(fields=["locale", "key"], name="search_term_unique")]
        verbose_name = _("search term")
        verbose_name_plural = _("search terms")

    def __str__(self):
        return self.text

    @classmethod
    def record(cls, query, locale, hits=1):
        """Count ``hits`` searches for ``query`` today; personal-looking queries are not counted."""
        text = " ".join(clean(query).lower().split())[:MAX_QUERY_LENGTH]
        key = query_key(text)
        if not key or _PERSONAL.search(text):
            return
        # Two upserts, safe when two requests count the same words at once.
        days = SearchTermDay._meta.db_table
        with connection.cursor() as cursor:
            cursor.execute(
                f"INSERT INTO {cls._meta.db_table} (locale_id, key, text) VALUES (%s, %s, %s) "
                "ON CONFLICT (locale_id, key) DO UPDATE SET key = EXCLUDED.key RETURNING id",
                [locale.pk, key, text],
            )
            term_id = cursor.fetchone()[0]
            cursor.execute(
                f"INSERT INTO {days} (term_id, date, hits) VALUES (%s, %s, %s) "
                f"ON CONFLICT (term_id, date) DO UPDATE SET hits = {days}.hits + EXCLUDED.hits",
                [term_id, connection.ops.adapt_datefield_value(timezone.localdate()), hits],
            )


class SearchTermDay(models.Model):
    """How many times a search term was searched for on one day."""

    term = models.ForeignKey(SearchTerm, on_delete=models.CASCADE, related_name="days")
    date = models.DateField(_("date"))
    hits = models.PositiveIntegerField(_("searches"), default=0)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["term", "date"], name="search_term_day_unique")
        ]


class SearchEntry(models.Model):
    """One live page in the search page's own index (see :mod:`search.entries`).

    ``sort_key`` orders pages newest first and is unique: the page's date
    in seconds, times 2**22, plus the page id's low bits. On SQLite it is
    also the row id of the page's row in the full-text table
    ``search_entry_fts``; on PostgreSQL the table has two more columns,
    ``document`` (a tsvector of title and text) and ``scope`` (the ids of
    the page and its ancestors), created by the migration.
    """

    # No database cascade: deleting a page must leave its entry for the
    # search backend's delete (post_delete) to find its full-text row.
    page = models.OneToOneField(
        "wagtailcore.Page",
        on_delete=models.DO_NOTHING,
        db_constraint=False,
        primary_key=True,
        related_name="+",
    )
    sort_key = models.BigIntegerField(unique=True)
    # No index of its own: PostgreSQL would walk it and test every page of a
    # language against the query instead of using the full-text index.
    locale = models.ForeignKey(Locale, on_delete=models.CASCADE, related_name="+", db_index=False)
    # The normalised title: search terms joined by single spaces.
    title = models.TextField()

    class Meta:
        verbose_name = _("search index entry")
        verbose_name_plural = _("search index entries")
