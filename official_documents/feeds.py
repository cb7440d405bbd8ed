"""RSS feed of the newest official documents in the address's language (``/<lang>/feeds/documents/rss/``)."""

from django.contrib.syndication.views import Feed
from django.http import Http404
from django.utils import timezone
from django.utils.translation import get_language
from django.utils.translation import gettext as _
from wagtail.models import Locale

from .models import OfficialDocumentPage

FEED_ITEMS = 20


class DocumentFeed(Feed):
    def get_object(self, request):
        locale = Locale.objects.filter(language_code=get_language()).first()
        if locale is None:
            raise Http404(_("There are no documents in this language."))
        documents = list(
            OfficialDocumentPage.objects.live().public().filter(locale=locale).order_by("-issue_date", "-pk")[
                :FEED_ITEMS
            ]
        )
        for document in documents:
            document.feed_url = document.get_url(request=request)
        return [document for document in documents if document.feed_url]

    def title(self, obj):
        return _("New documents")

    def link(self, obj):
        return f"/{get_language()}/"

    def description(self, obj):
        return _("Documents newly published in the documents register")

    def items(self, obj):
        return obj

    def item_title(self, item):
        return f"{item.number_symbol} – {item.title}"

    def item_description(self, item):
        return item.abstract

    def item_link(self, item):
        return item.feed_url

    def item_pubdate(self, item):
        return item.first_published_at or timezone.now()

    def item_updateddate(self, item):
        return item.last_published_at
