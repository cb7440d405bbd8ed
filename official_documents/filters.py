"""The register's filters: reading them from the address, and the names they show.

Every filter is a plain GET parameter, so a filtered register is an address
one can share, and the form works without JavaScript. A value that is not
one the register offers (a word where a number belongs, an unknown type, a
year from another millennium) is ignored and the page says so; it never
costs the visitor a server error.

Types, issuers and fields are translated snippets. A document points at the
Vietnamese one (the link is synchronised); its name is shown in the
visitor's language through the translation key. The names of all of them,
in one language, are one cached value under the cache generation, which
changes whenever a snippet changes (``CACHE_PURGE_MODELS``).
"""

from dataclasses import dataclass, field

from django.conf import settings
from django.db import connection
from django.db.models import Exists, OuterRef, Q
from django.db.models.functions import Coalesce, ExtractYear

from core import generation

from . import keys
from .models import (
    STATUS_LABELS,
    DocumentField,
    DocumentType,
    DocumentWord,
    IssuingBody,
    OfficialDocumentPage,
    status_q,
)

SNIPPETS = {"type": DocumentType, "issuer": IssuingBody, "field": DocumentField}
FOREIGN_KEYS = {"type": "document_type_id", "issuer": "issuing_body_id", "field": "document_field_id"}
# Longest value worth a page-cache entry, per parameter (core/page_cache.py).
MAX_LENGTHS = {"type": 12, "issuer": 12, "field": 12, "year": 4, "status": 12, "q": 200}
MAX_QUERY_LENGTH = 200
FIRST_YEAR = 1945
# How far a word search counts its matches; past it the page says "more than".
# Below it, the matches are few enough to be sorted by date; above it they
# are common enough for the date index to reach twenty of them quickly.
COUNT_LIMIT = 1000
# How far a word's documents are counted to pick the rarest word of a search.
POSTINGS_LIMIT = 20_000


def _labels(language):
    result = {}
    for name, model in SNIPPETS.items():
        rows = list(model.objects.values_list("pk", "translation_key", "locale__language_code", "name"))
        by_key = {}
        for pk, translation_key, code, label in rows:
            entry = by_key.setdefault(translation_key, {"pks": [], "names": {}, "source": pk})
            entry["pks"].append(pk)
            entry["names"][code] = label
            if code == settings.LANGUAGE_CODE:
                entry["source"] = pk
        options, pks_by_value, name_by_pk = [], {}, {}
        for entry in by_key.values():
            label = entry["names"].get(language) or entry["names"].get(settings.LANGUAGE_CODE) or next(
                iter(entry["names"].values())
            )
            options.append((entry["source"], label))
            pks_by_value[entry["source"]] = entry["pks"]
            for pk in entry["pks"]:
                name_by_pk[pk] = label
        order = {pk: (sort, label) for pk, sort, label in model.objects.values_list("pk", "sort_order", "name")}
        options.sort(key=lambda option: (order[option[0]][0], option[1]))
        result[name] = {"options": options, "pks": pks_by_value, "names": name_by_pk}
    return result


def labels(language):
    """{"type"|"issuer"|"field": {"options": [(value, name)], "pks": {value: [pk]}, "names": {pk: name}}}."""
    return generation.remember("documents:labels", lambda: _labels(language), language)


def names_for(language, document):
    found = labels(language)
    return {
        name: found[name]["names"].get(getattr(document, FOREIGN_KEYS[name]))
        for name in SNIPPETS
    }


def years(register):
    """The years documents below ``register`` were issued in, newest first."""

    def build():
        return sorted(
            set(
                register.documents()
                .annotate(year=ExtractYear("issue_date"))
                .values_list("year", flat=True)
                .distinct()
            ),
            reverse=True,
        )

    return generation.remember("documents:years", build, register.pk)


@dataclass
class Filters:
    """The filters one address asks for, cleaned; ``ignored`` names what could not be used."""

    values: dict = field(default_factory=dict)
    query: str = ""
    ignored: list = field(default_factory=list)

    def params(self):
        """The cleaned filters as (name, value) pairs for links (pagination, CSV)."""
        pairs = [(name, str(value)) for name, value in self.values.items()]
        if self.query:
            pairs.append(("q", self.query))
        return pairs

    @property
    def active(self):
        return bool(self.values or self.query)


def _single(data, name):
    values = data.getlist(name)
    values = [value.strip() for value in values if value.strip()]
    if not values:
        return None
    return values[0]


def parse(data, language, register):
    """The filters in ``data`` (request.GET) that the register can apply."""
    found = labels(language)
    filters = Filters()
    for name in SNIPPETS:
        value = _single(data, name)
        if value is None:
            continue
        if value.isascii() and value.isdigit() and len(value) <= MAX_LENGTHS[name] and int(value) in found[name]["pks"]:
            filters.values[name] = int(value)
        else:
            filters.ignored.append(name)
    year = _single(data, "year")
    if year is not None:
        if year.isascii() and year.isdigit() and len(year) == 4 and int(year) in years(register):
            filters.values["year"] = int(year)
        else:
            filters.ignored.append("year")
    status = _single(data, "status")
    if status is not None:
        if status in STATUS_LABELS:
            filters.values["status"] = status
        else:
            filters.ignored.append("status")
    query = _single(data, "q")
    if query is not None:
        query = " ".join(query.split())[:MAX_QUERY_LENGTH]
        if keys.patterns(query):
            filters.query = query
        else:
            filters.ignored.append("q")
    return filters


def apply(queryset, filters, language, today=None, walk=False):
    """``queryset`` narrowed to ``filters`` (``walk``: see ``_query_condition``)."""
    found = labels(language)
    for name in SNIPPETS:
        if name in filters.values:
            pks = found[name]["pks"][filters.values[name]]
            queryset = queryset.filter(**{f"{FOREIGN_KEYS[name]}__in": pks})
    if "year" in filters.values:
        year = filters.values["year"]
        queryset = queryset.filter(issue_date__gte=f"{year}-01-01", issue_date__lte=f"{year}-12-31")
    if "status" in filters.values:
        queryset = queryset.filter(status_q(filters.values["status"], today))
    if filters.query:
        queryset = queryset.filter(_query_condition(filters.query, walk))
        if keys.leading_number(filters.query) is None and not walk:
            # Newest first still, but not by walking the date index: a rare
            # word would make SQLite read every document to find 20 of them.
            # The matches found through the word index are sorted instead.
            queryset = queryset.order_by(Coalesce("issue_date", "effective_date").desc(), "-pk")
    return queryset


def word_search(filters):
    """Whether ``filters`` search by words (not by a document number): the counted, capped kind."""
    return bool(filters.query) and keys.leading_number(filters.query) is None


def _postings(words):
    """How many documents have each of ``words``, counted up to ``POSTINGS_LIMIT``: one query."""
    table = connection.ops.quote_name(DocumentWord._meta.db_table)
    column = connection.ops.quote_name("word")
    parts = [
        f"(SELECT COUNT(*) FROM (SELECT 1 FROM {table} WHERE {column} = %s LIMIT {POSTINGS_LIMIT}) AS p{index})"
        for index in range(len(words))
    ]
    with connection.cursor() as cursor:
        cursor.execute("SELECT " + ", ".join(parts), words)
        return dict(zip(words, cursor.fetchone()))


def _has(word, outer):
    return Exists(DocumentWord.objects.filter(word=word, document_id=OuterRef(outer)))


def _query_condition(query, walk=False):
    """Documents matching every word of ``query`` (see the module of ``keys``).

    A query starting with a number is a document number ("3039",
    "3039/QD-UBND", "3039 qđ ubnd"): the indexed number narrows the rows,
    and its other words must be in the document's key. Otherwise each Latin
    word must be a word of the document (the word index), each Lao one
    inside its text.

    Words are found from the rarest one's postings, the others looked up
    for each of them, so that a common word ("tỉnh", in one abstract of
    six) is never read whole. With ``walk`` each document is asked whether
    it has every word instead: for the rows shown when the matches are
    many, read newest first along the date index.
    """
    found = keys.words(query)[: keys.MAX_TERMS]
    number = keys.leading_number(query)
    condition = Q()
    if number is not None:
        condition &= Q(number_value=number)
        found = found[1:]
        for pattern in keys.patterns(" ".join(found)):
            condition &= Q(search_key__contains=pattern)
        return condition
    latin = []
    for word in found:
        if keys.is_lao(word):
            condition &= Q(search_key__contains=word)
        elif word[:64] not in latin:
            latin.append(word[:64])
    if not latin:
        return condition
    if walk:
        for word in latin:
            condition &= _has(word, "pk")
        return condition
    if len(latin) > 1:
        counts = _postings(latin)
        latin.sort(key=lambda word: counts[word])
    postings = DocumentWord.objects.filter(word=latin[0])
    for word in latin[1:]:
        postings = postings.filter(_has(word, "document_id"))
    # Few matches (most searches): read them here, so that the count and
    # the rows look them up by key instead of the database choosing to read
    # the register and ask each document about the words.
    found = list(postings.values_list("document_id", flat=True)[: COUNT_LIMIT + 1])
    if len(found) <= COUNT_LIMIT:
        return condition & Q(pk__in=found)
    return condition & Q(pk__in=postings.values("document_id"))


__all__ = ["OfficialDocumentPage", "Filters", "apply", "labels", "parse", "years"]
