"""The translators' dashboard panel: work waiting in the user's languages."""

from django.urls import reverse
from django.utils.http import urlencode
from wagtail.admin.ui.components import Component

from translations.status import AWAITING_REVIEW, TODO_ORDER, StatusBoard


class TranslatorTasksPanel(Component):
    """Outdated, unfinished and in-review translations, per target language.

    Listed for everyone whose page permissions reach a non-Vietnamese tree;
    each item links to wagtail-localize's editor and its PO download, and a
    finished one can be submitted for review from here.
    """

    name = "translator_tasks"
    template_name = "translations/panels/translator_tasks.html"
    order = 90  # before Wagtail's own workflow panels (200+)
    limit = 15

    def __init__(self, locales):
        self.locales = locales

    def get_context_data(self, parent_context):
        request = parent_context["request"]
        context = super().get_context_data(parent_context)
        board = StatusBoard(self.locales)
        rows = [row for row in board.rows() if row.status in TODO_ORDER]
        rows.sort(key=lambda row: (TODO_ORDER[row.status], -int(row.changes_requested), row.source.pk))
        overview = reverse("translations:overview")
        languages = []
        for locale in self.locales:
            items = [row for row in rows if row.locale.pk == locale.pk]
            languages.append(
                {
                    "locale": locale,
                    "items": items[: self.limit],
                    "count": len(items),
                    "overview_url": f"{overview}?{urlencode({'language': locale.language_code})}",
                }
            )
        context.update(
            {
                "languages": languages,
                "awaiting_review": AWAITING_REVIEW,
                "next_url": request.get_full_path(),
                "csrf_token": parent_context.get("csrf_token"),
                "request": request,
            }
        )
        return context
