"""Building pages the demo content lacks: untranslated, draft-translated, private."""

import re

from django.utils import timezone
from wagtail.models import Locale, PageViewRestriction
from wagtail_localize.operations import TranslationCreator

from news.models import NewsPage
from translations import automation


def publish_vietnamese_article(section, title, slug):
    """A live Vietnamese article with no translation at all."""
    with automation.paused():
        page = NewsPage(title=title, slug=slug, lead=f"{title}.", published_at=timezone.now())
        section.add_child(instance=page)
        page.save_revision().publish()
    return page


def draft_translation(page, language, title):
    """A draft (never published) translation of ``page``, titled ``title``."""
    locale = Locale.objects.get(language_code=language)
    with automation.paused():
        TranslationCreator(None, [locale]).create_translations(page, include_related_objects=False)
    translated = page.get_translation(locale).specific
    translated.title = title
    translated.save_revision()
    translated.refresh_from_db()
    assert not translated.live
    return translated


def make_private(page):
    PageViewRestriction.objects.create(
        page=page, restriction_type=PageViewRestriction.PASSWORD, password="mat-khau"
    )


def language_switcher(html):
    """{language code: the switcher's <li> HTML} of a rendered page."""
    nav = re.search(r'<nav class="languages".*?</nav>', html, re.S).group(0)
    items = re.findall(r"<li[^>]*>.*?</li>", nav, re.S)
    return {re.search(r'hreflang="([^"]+)"', item).group(1): item for item in items}


def head(html):
    return html[: html.index("</head>")]


def alternates(html):
    """{hreflang: href} of the <link rel="alternate" hreflang> tags in <head>."""
    return dict(
        re.findall(r'<link rel="alternate" hreflang="([^"]+)" href="([^"]+)">', head(html))
    )
