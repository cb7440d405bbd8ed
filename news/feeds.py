"""RSS 2.0 and Atom feeds: one per language for the whole site, one per section.

Each item carries its article's topics, in the feed's language, as categories.

Feeds live under the language prefix (``/en/feeds/rss/``,
``/en/feeds/sections/<id>/atom/``), so their titles and descriptions are in
that language. They list only live, public articles of that language: a
draft, a page behind a view restriction or an unpublished translation never
appears, and a section of another language (or one not live) is a 404.
"""

from types import SimpleNamespace

from django.contrib.syndication.views import Feed
from django.http import Http404
from django.utils.feedgenerator import Atom1Feed, Rss201rev2Feed
from django.utils.translation import get_language
from django.utils.translation import gettext as _
from wagtail.models import Locale

from news.models import NewsPage, SectionPage
from news.topics import topics_by_page

FEED_ITEMS = 20
LARGEST_ID = 2**63 - 1


def _generic_portal_name(language_code):
    return _("Sơn La Province Electronic Information Portal")


def _articles(queryset, request):
    """The newest live public articles of ``queryset``, each with its URL."""
    articles = list(
        queryset.live().public().order_by("-published_at", "-pk")[:FEED_ITEMS]
    )
    topics = topics_by_page(articles)
    for article in articles:
        article.feed_url = article.get_url(request=request)
        article.feed_topics = [topic.name for topic in topics[article.pk]]
    return [article for article in articles if article.feed_url]


class SiteFeed(Feed):
    """The newest articles of the whole site in the address's language."""

    feed_type = Rss201rev2Feed

    def __init__(self, portal_name=None):
        """``portal_name(language_code)`` names the site in feed titles.

        The URL configuration passes the site identity's name; news itself
        does not read the site frame (``home`` builds on ``news``).
        """
        super().__init__()
        self.portal_name = portal_name or _generic_portal_name

    def get_object(self, request):
        language = get_language()
        locale = Locale.objects.filter(language_code=language).first()
        if locale is None:
            raise Http404(_("There is no news in this language."))
        return SimpleNamespace(
            language=language,
            portal=self.portal_name(language) or _generic_portal_name(language),
            link=f"/{language}/",
            articles=_articles(NewsPage.objects.filter(locale=locale), request),
        )

    def title(self, obj):
        return obj.portal

    def link(self, obj):
        return obj.link

    def description(self, obj):
        return _("The latest news from %(portal)s") % {"portal": obj.portal}

    def items(self, obj):
        return obj.articles

    def item_title(self, item):
        return item.title

    def item_description(self, item):
        return item.lead

    def item_link(self, item):
        return item.feed_url

    def item_pubdate(self, item):
        return item.published_at

    def item_updateddate(self, item):
        return item.last_published_at or item.published_at

    def item_author_name(self, item):
        return item.author or None

    def item_categories(self, item):
        return item.feed_topics


class SiteAtomFeed(SiteFeed):
    feed_type = Atom1Feed

    def subtitle(self, obj):
        return self.description(obj)


class SectionFeed(SiteFeed):
    """The newest articles anywhere below one section."""

    def get_object(self, request, section_id):
        language = get_language()
        if section_id > LARGEST_ID:
            # No row has it, and SQLite cannot even compare with it.
            raise Http404(_("There is no such section in this language."))
        section = (
            SectionPage.objects.live()
            .public()
            .filter(pk=section_id, locale__language_code=language)
            .first()
        )
        if section is None:
            raise Http404(_("There is no such section in this language."))
        return SimpleNamespace(
            language=language,
            portal=self.portal_name(language) or _generic_portal_name(language),
            section=section,
            link=section.get_url(request=request),
            articles=_articles(NewsPage.objects.descendant_of(section), request),
        )

    def title(self, obj):
        return _("%(section)s – %(portal)s") % {"section": obj.section.title, "portal": obj.portal}

    def description(self, obj):
        return _("The latest articles in %(section)s") % {"section": obj.section.title}


class SectionAtomFeed(SectionFeed):
    feed_type = Atom1Feed

    def subtitle(self, obj):
        return self.description(obj)
