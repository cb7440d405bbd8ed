"""The parts of the site frame every public page shows, cached per language.

The header, menu, footer and sidebar need the same few rows on every page
view; they are read once per language and kept until an editor changes a
page or the site identity (``core.purge`` bumps ``core.generation``).
"""

from django.core.cache import cache
from wagtail.models import Locale, Page

from core import generation, request_memo
from core.privacy import public
from news.models import NewsPage

FRAME_CACHE_TIMEOUT = 60 * 60
REFORM_ITEMS = 5


def _build(language_code):
    from home.models import HomePage, SiteIdentity

    locale = Locale.objects.filter(language_code=language_code).first()
    default_locale = Locale.get_default()
    home = None
    if locale is not None:
        home = HomePage.objects.live().filter(locale=locale).select_related("reform_section").first()

    identity = None
    identities = {item.locale_id: item for item in SiteIdentity.objects.all()}
    if locale is not None:
        identity = identities.get(locale.pk)
    if identity is None:
        identity = identities.get(default_locale.pk) or next(iter(identities.values()), None)

    menu, reform_items, reform_section = [], [], None
    if home is not None:
        menu = [
            {"title": page.title, "url": page.url, "path": page.path}
            for page in public(Page.objects.live().in_menu().child_of(home)).specific()
        ]
        reform_section = home.reform_section
        if reform_section is not None and reform_section.live:
            reform_items = [
                {"title": item.title, "url": item.url, "published_at": item.published_at}
                for item in public(NewsPage.objects.live())
                .descendant_of(reform_section)
                .order_by("-published_at", "-pk")[:REFORM_ITEMS]
            ]
    return {
        "home": {"title": home.title, "url": home.url, "path": home.path} if home else None,
        "identity": identity,
        "menu": menu,
        "reform_section": (
            {"title": reform_section.title, "url": reform_section.url} if reform_section else None
        ),
        "reform_items": reform_items,
    }


def get_frame(language_code):
    """The frame of one language; ``version`` keys template fragments cached with it."""
    current = generation.current()
    key = generation.key("site-frame", language_code)

    def read():
        frame = cache.get(key)
        if frame is None:
            frame = _build(language_code)
            frame["version"] = current
            cache.set(key, frame, FRAME_CACHE_TIMEOUT)
        return frame

    return request_memo.remember(key, read)
