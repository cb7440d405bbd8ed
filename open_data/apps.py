from django.apps import AppConfig


class OpenDataConfig(AppConfig):
    name = "open_data"
    verbose_name = "Open data"

    def ready(self):
        from core.page_cache import cache_query_view

        # The open-data page is the same for every anonymous visitor: kept in
        # the page cache and purged with it (it takes no query parameters).
        cache_query_view("open_data", {})
