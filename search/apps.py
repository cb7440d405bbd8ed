"""The ``search`` app: its checks, its index receivers, and its pages in the page cache."""

from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _

MAX_SEARCH_FILTER_LENGTH = 20


class SearchConfig(AppConfig):
    name = "search"
    verbose_name = _("Search")

    def ready(self):
        from search import checks, signals  # noqa: F401

        self.cache_search_pages()

    @staticmethod
    def cache_search_pages():
        """Let the page cache keep search results, for the form's parameters only (core/page_cache.py)."""
        from core import page_cache
        from search.forms import SearchForm
        from search.normalize import MAX_QUERY_LENGTH

        # Filter values are a section id, a date, an order or a page number.
        max_lengths = dict.fromkeys(SearchForm.base_fields, MAX_SEARCH_FILTER_LENGTH)
        max_lengths["q"] = MAX_QUERY_LENGTH
        page_cache.cache_query_view("search", max_lengths)
