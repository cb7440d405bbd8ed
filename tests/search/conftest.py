"""A small three-language site to search, on top of whatever the database holds.

Articles use made-up words ("zorvex", "quillon") so that the demo content
never matches the queries of these tests.
"""

import datetime
import uuid

import pytest
from django.utils import timezone
from wagtail.models import Locale, Page, Site

from home.models import HomePage
from news.models import NewsPage, SectionPage

LANGUAGES = ("vi", "en", "lo")


def _home(code, key):
    locale, _ = Locale.objects.get_or_create(language_code=code)
    home = HomePage.objects.filter(locale=locale, depth=2).first()
    if home is None:
        home = HomePage(title=f"Home {code}", slug=f"home-{code}", locale=locale, translation_key=key)
        Page.get_first_root_node().add_child(instance=home)
        home.save_revision().publish()
    return home


class SearchSite:
    """Home pages by language, a test section in each, and helpers to add articles."""

    def __init__(self):
        key = uuid.uuid4()
        self.homes = {code: _home(code, key) for code in LANGUAGES}
        site = Site.objects.filter(is_default_site=True).first()
        if site is None:
            Site.objects.create(hostname="localhost", root_page=self.homes["vi"], is_default_site=True)
        elif site.root_page.specific_class is not HomePage:
            site.root_page = self.homes["vi"]
            site.save()
        # The test sections are translations of each other, so articles can be translated.
        section_key = uuid.uuid4()
        self.sections = {
            code: self.section(code, f"Test section {code}", translation_key=section_key)
            for code in LANGUAGES
        }

    def section(self, code, title, parent=None, translation_key=None):
        parent = parent or self.homes[code]
        section = SectionPage(title=title, slug=f"search-test-{uuid.uuid4().hex[:8]}",
                              locale=parent.locale, translation_key=translation_key or uuid.uuid4())
        parent.add_child(instance=section)
        section.save_revision().publish()
        return section

    def article(self, code, title, lead="", body="", *, section=None, days_ago=0, live=True):
        section = section or self.sections[code]
        page = NewsPage(
            title=title,
            slug=f"search-test-{uuid.uuid4().hex[:8]}",
            lead=lead or title,
            body=[("paragraph", f"<p>{body}</p>")] if body else [],
            published_at=timezone.now() - datetime.timedelta(days=days_ago),
            locale=section.locale,
        )
        if not live:
            page.live = False
        section.add_child(instance=page)
        if live:
            page.save_revision().publish()
        return page


@pytest.fixture
def search_site(db):
    return SearchSite()
