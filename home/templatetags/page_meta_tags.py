"""What a page says about itself in ``<head>``.

Canonical URL, ``hreflang`` alternates, feed links, Open Graph and Twitter
card tags, and the JSON-LD ``NewsArticle`` of an article. Everything that
needs the database is cached per page until the site changes (see
``portal_tags._cached_for_page``), so these tags add no query to a page view
once the page has been seen.
"""

import json

from django import template
from django.conf import settings
from django.templatetags.static import static
from django.urls import reverse
from django.utils import timezone
from django.utils.html import format_html
from django.utils.safestring import mark_safe
from django.utils.translation import get_language
from django.utils.translation import gettext as _

from home.templatetags.portal_tags import _cached_for_page, _page_of
from news.models import NewsPage, SectionPage

register = template.Library()

# Open Graph wants language_TERRITORY.
OPEN_GRAPH_LOCALES = {"vi": "vi_VN", "en": "en_US", "lo": "lo_LA"}

# The main image as shared to social sites: the rendition the article itself
# shows, so that sharing costs no extra image file.
SHARE_IMAGE_SPEC = "width-960"

# Characters that could end the <script> element or open an HTML comment
# inside it; JSON allows them escaped, so the data reads back unchanged.
JSON_SCRIPT_ESCAPES = {ord("<"): "\\u003C", ord(">"): "\\u003E", ord("&"): "\\u0026"}


def _absolute(request, url):
    if not url:
        return ""
    return request.build_absolute_uri(url) if request is not None else url


def _canonical(context, request, page):
    if page is None:
        return _absolute(request, request.path if request is not None else "")
    url = _absolute(request, page.get_url())
    articles = context.get("articles")
    number = getattr(articles, "number", 1)
    # Later pages of a section list are pages of their own.
    if isinstance(number, int) and number > 1:
        url = f"{url}?page={number}"
    return url


def _x_default(request, page, alternates):
    """Where a visitor whose language is none of ours should go.

    For the home page that is ``/``, which picks a language from the browser;
    elsewhere the Vietnamese original, else the first live version.
    """
    if page is not None and page.depth == 2:
        return _absolute(request, "/")
    by_code = dict(alternates)
    return by_code.get(settings.LANGUAGE_CODE) or (alternates[0][1] if alternates else "")


def _feeds(page):
    site_name = _("All news")
    feeds = [
        {"title": site_name, "type": "application/rss+xml", "url": reverse("site_feed_rss")},
        {"title": site_name, "type": "application/atom+xml", "url": reverse("site_feed_atom")},
    ]
    if isinstance(page, SectionPage):
        for name, mime in (("section_feed_rss", "application/rss+xml"), ("section_feed_atom", "application/atom+xml")):
            feeds.append(
                {"title": page.title, "type": mime, "url": reverse(name, args=[page.pk])}
            )
    return feeds


def _share_image(page, context):
    """URL, size and alt text of an article's main image, or None."""
    if not isinstance(page, NewsPage) or not page.image_id:
        return None

    def build():
        image = page.image
        if image is None:
            return None
        rendition = image.get_rendition(SHARE_IMAGE_SPEC)
        return {"url": rendition.url, "width": rendition.width, "height": rendition.height}

    found = _cached_for_page("share-image", page, build, context)
    if found is None:
        return None
    return {**found, "alt": "" if page.image_decorative else page.image_alt}


@register.simple_tag(takes_context=True)
def page_meta(context, language_links):
    """Everything ``home/includes/head_links.html`` writes, for the current view.

    ``language_links`` is the switcher's list (``portal_tags.language_links``):
    only languages with a live version become ``hreflang`` alternates.
    """
    request = context.get("request")
    page = _page_of(context)
    alternates = [
        (link["code"], _absolute(request, link["url"]))
        for link in language_links
        if link["translated"]
    ]
    canonical = _canonical(context, request, page)
    description = ""
    title = ""
    if page is not None:
        title = page.seo_title or page.title
        description = (
            page.search_description
            or getattr(page, "lead", "")
            or getattr(page, "intro", "")
            or ""
        )
    image = _share_image(page, context)
    if image is not None:
        image = {**image, "url": _absolute(request, image["url"])}
    language = get_language()
    return {
        "canonical": canonical,
        "alternates": alternates,
        "x_default": _x_default(request, page, alternates),
        "feeds": _feeds(page),
        "title": title,
        "description": " ".join(description.split()[:60]),
        "is_article": isinstance(page, NewsPage),
        "image": image,
        "og_locale": OPEN_GRAPH_LOCALES.get(language, language),
        "og_alternate_locales": [
            OPEN_GRAPH_LOCALES.get(code, code) for code, _url in alternates if code != language
        ],
    }


def _iso(value):
    """A date and time in Vietnam time, as the article's dateline shows it."""
    return timezone.localtime(value).isoformat(timespec="seconds") if value else None


def json_ld_script(data):
    """``data`` as a ``<script type="application/ld+json">`` element that text cannot break out of."""
    text = json.dumps(data, ensure_ascii=False, separators=(",", ":")).translate(
        JSON_SCRIPT_ESCAPES
    )
    return format_html('<script type="application/ld+json">{}</script>', mark_safe(text))


@register.simple_tag(takes_context=True)
def news_article_json_ld(context, meta, publisher_name):
    """The schema.org ``NewsArticle`` of the article being shown, else nothing."""
    page = _page_of(context)
    if not isinstance(page, NewsPage):
        return ""
    request = context.get("request")
    data = {
        "@context": "https://schema.org",
        "@type": "NewsArticle",
        "headline": page.title,
        "description": page.lead,
        "inLanguage": get_language(),
        "url": meta["canonical"],
        "mainEntityOfPage": {"@type": "WebPage", "@id": meta["canonical"]},
        "datePublished": _iso(page.published_at),
        "dateModified": _iso(page.last_published_at or page.published_at),
        "publisher": {
            "@type": "Organization",
            "name": publisher_name,
            "logo": {"@type": "ImageObject", "url": _absolute(request, static("img/emblem.svg"))},
        },
    }
    if page.author:
        data["author"] = {"@type": "Person", "name": page.author}
    else:
        data["author"] = {"@type": "Organization", "name": publisher_name}
    if meta.get("image"):
        data["image"] = [meta["image"]["url"]]
    return json_ld_script({key: value for key, value in data.items() if value is not None})
