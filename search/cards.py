"""What a result of the search page shows of a page, kept between searches.

A result card (title, address, date, where the page sits, the texts an
excerpt is cut from) depends on the page, not on the query: only the marks
do. Loading the specific pages shown (one query per page type, each a join
Django compiles anew, about 1.5 ms of CPU apiece) and reading a
StreamField body to strip it of HTML cost more than the search itself, so
cards are kept in the cache under the one cache generation, which changes
whenever any page is published, unpublished, moved or deleted or a view
restriction changes (``core.purge``), as the cached pages do. A search
reads its ten cards with one look-up and loads only the pages whose card
is missing.
"""

from django.core.cache import cache

from core import generation
from search.highlight import MAX_SCANNED
from search.indexing import text_fields

CARD_TIMEOUT = 60 * 60


class Card:
    """One page as a search result lists it; the view adds the marked title and excerpt."""

    def __init__(self, page, url):
        self.pk = page.pk
        self.title = page.title
        self.path = page.path
        self.steplen = page.steplen
        self.search_url = url
        self.search_date = page.search_date
        self.texts = [text[:MAX_SCANNED] for text in text_fields(page)]

    def __str__(self):
        return self.title


def loader(request, load_pages):
    """A ``load(rows)`` for :class:`search.engine.IndexSearch` that gives cards, cached.

    ``load_pages`` is the search's own loader (rows to specific pages).
    """

    def load(rows):
        # Addresses depend on the site the request came to (relative or not).
        keys = {pk: generation.host_key("search-card", request, pk) for pk, _ in rows}
        found = cache.get_many(list(keys.values())) if keys else {}
        cards = {pk: found[key] for pk, key in keys.items() if key in found}
        missing = [row for row in rows if row[0] not in cards]
        if missing:
            fresh = {page.pk: Card(page, page.get_url(request)) for page in load_pages(missing)}
            cache.set_many({keys[pk]: card for pk, card in fresh.items()}, CARD_TIMEOUT)
            cards.update(fresh)
        return [cards[pk] for pk, _ in rows if pk in cards]

    return load
