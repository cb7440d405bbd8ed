"""The ``official_documents`` app: the register of the agency's official documents."""

from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class OfficialDocumentsConfig(AppConfig):
    name = "official_documents"
    verbose_name = _("Official documents")

    def ready(self):
        from core import page_cache
        from official_documents import signals  # noqa: F401
        from official_documents.filters import MAX_LENGTHS

        # The register is a Wagtail page taking its own filters in the query
        # string; the page cache keeps its answers for those parameters only.
        page_cache.cache_query_view("wagtail_serve", MAX_LENGTHS)
