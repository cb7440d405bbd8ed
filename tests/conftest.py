"""Shared fixtures: the demo content, loaded once per test run.

Every database test starts from the same three-language demo site that
``make run`` shows, inside a transaction rolled back after the test.
"""

from types import SimpleNamespace

import pytest
from django.contrib.auth import get_user_model
from django.core.cache import cache
from django.core.management import call_command
from wagtail.users.models import UserProfile

LANGUAGES = ("vi", "en", "lo")


@pytest.fixture(scope="session")
def django_db_setup(django_db_setup, django_db_blocker):
    with django_db_blocker.unblock():
        call_command("load_demo_content", verbosity=0)


@pytest.fixture(autouse=True)
def _clear_cache():
    # The site frame is cached; a test must never see another test's pages.
    cache.clear()
    yield
    cache.clear()


@pytest.fixture
def demo_content(db):
    """The demo site's home pages, sections and articles by language."""
    from home.models import HomePage
    from news.models import NewsPage, SectionPage

    def by_language(model):
        result = {code: [] for code in LANGUAGES}
        for page in model.objects.live().select_related("locale").order_by("path"):
            result[page.locale.language_code].append(page)
        return result

    homes = {code: pages[0] for code, pages in by_language(HomePage).items() if pages}
    return SimpleNamespace(
        homes=homes,
        sections=by_language(SectionPage),
        articles=by_language(NewsPage),
    )


@pytest.fixture
def article(demo_content):
    """A Vietnamese article with a live English and Lao translation."""
    return demo_content.articles["vi"][0]


@pytest.fixture
def vietnamese_editor(client, db):
    """A superuser signed in to the Vietnamese admin."""
    user = get_user_model().objects.create_superuser("bientap", "bientap@sonla.gov.vn", "mat-khau")
    UserProfile.objects.filter(user=user).update(preferred_language="vi")
    client.force_login(user)
    return client
