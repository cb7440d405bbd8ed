"""Which URLs stand for each public page type, read from the browser server's database.

Run as ``python -m tests.browser.site_pages [--pad]`` with the server's
environment (the ``browser_site`` fixture does, padding first); prints JSON::

    {"vi": {"home": "/vi/", "section": "/vi/.../", "section_page_2": "/vi/.../?page=2",
            "articles": [...], "article_features": {url: [block types...]},
            "content_pages": [...], "search_results": "/vi/search/?q=...",
            "search_none": ..., "search_filtered": ..., "not_found": ..., "site_map": ...},
     "en": {...}, "lo": {...}}

Articles are chosen so that together they show every body block type, the
main image, topics and related articles; the section is the one with the most
articles, so that it has a second page when any section has one.
"""

import datetime
import json
import os
import sys
from urllib.parse import urlencode

LANGUAGES = ("vi", "en", "lo")
ARTICLES_PER_PAGE = 10
NO_RESULTS_QUERY = "qzxjvw"


def _features(article):
    features = {f"block:{child.block_type}" for child in article.body}
    if article.image_id:
        features.add("main image")
    if article.related_articles.exists():
        features.add("related articles")
    if article.topics():
        features.add("topics")
    return features


def _cover(articles):
    """A few articles that together have every feature any article has (greedy set cover)."""
    features = {article.pk: _features(article) for article in articles}
    wanted = set().union(*features.values()) if features else set()
    chosen = []
    while wanted:
        best = max(articles, key=lambda article: len(features[article.pk] & wanted))
        gained = features[best.pk] & wanted
        if not gained:
            break
        chosen.append(best)
        wanted -= gained
    return chosen, features


def collect():
    import django

    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "site_project.settings.test")
    django.setup()

    from django.urls import reverse
    from django.utils import translation

    from home.models import ContentPage, HomePage
    from news.models import NewsPage, SectionPage

    result = {}
    for language in LANGUAGES:
        home = HomePage.objects.live().filter(locale__language_code=language).first()
        if home is None:
            continue
        with translation.override(language):
            search_url = reverse("search")
            site_map_url = reverse("site_map")
        sections = list(SectionPage.objects.live().public().descendant_of(home).order_by("path"))
        counted = sorted(sections, key=lambda section: -section.articles().count())
        section = counted[0] if counted else None
        # Oldest first, so that the demo's own articles come before padding copies.
        articles = list(NewsPage.objects.live().public().descendant_of(home).order_by("pk"))
        chosen, features = _cover(articles)
        query = chosen[0].title if chosen else home.title
        content_pages = ContentPage.objects.live().public().descendant_of(home).order_by("path")
        # An article with no live translation (the padding copies are such).
        untranslated = next(
            (article for article in reversed(articles) if not article.get_translations().live().exists()),
            None,
        )
        result[language] = {
            "home": home.url,
            "section": section.url if section else None,
            "section_page_2": (
                f"{section.url}?page=2"
                if section and section.articles().count() > ARTICLES_PER_PAGE
                else None
            ),
            "articles": [article.url for article in chosen],
            "article_features": {article.url: sorted(features[article.pk]) for article in chosen},
            "all_features": sorted(set().union(*features.values())) if features else [],
            "content_pages": [page.url for page in content_pages],
            "search_query": query,
            "search_results": f"{search_url}?{urlencode({'q': query})}",
            "search_none": f"{search_url}?{urlencode({'q': NO_RESULTS_QUERY})}",
            "search_filtered": f"{search_url}?"
            + urlencode(
                {
                    "q": query,
                    "section": section.pk if section else "",
                    "date_from": "2000-01-01",
                    "date_to": "2099-12-31",
                    "sort": "newest",
                }
            ),
            "not_found": f"/{language}/{NO_RESULTS_QUERY}-not-a-page/",
            "site_map": site_map_url,
            "untranslated": untranslated.url if untranslated else None,
        }
    return result


def pad_largest_section():
    """Copy articles into each language's largest section until it has a second page.

    Does nothing when the demo content already has a section that long.
    """
    import django

    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "site_project.settings.test")
    django.setup()

    from home.models import HomePage
    from news.models import SectionPage

    for home in HomePage.objects.live():
        sections = SectionPage.objects.live().public().descendant_of(home)
        section = max(sections, key=lambda section: section.articles().count(), default=None)
        if section is None:
            continue
        articles = list(section.articles())
        if not articles:
            continue
        oldest = min(article.published_at for article in articles)
        for number in range(ARTICLES_PER_PAGE + 1 - len(articles)):
            source = articles[number % len(articles)]
            source.copy(
                to=source.get_parent(),
                update_attrs={
                    "title": f"{source.title} ({number + 2})",
                    "slug": f"{source.slug}-{number + 2}",
                    # Older than the demo's own articles: the copies fill the end
                    # of the list, and the newest articles keep their translations.
                    "published_at": oldest - datetime.timedelta(days=number + 1),
                },
                keep_live=True,
                copy_revisions=False,
                log_action=None,
            )


if __name__ == "__main__":
    if sys.argv[1:] == ["--pad"]:
        pad_largest_section()
    json.dump(collect(), sys.stdout, ensure_ascii=False, indent=1)
