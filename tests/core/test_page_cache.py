"""The public page cache, through HTTP: fast for everyone, stale for no one.

A second anonymous view of a page is answered from the cache (the
``X-Page-Cache: hit`` header says so); anything the page shows changing
makes the very next view fresh.
"""

import datetime
import re
from urllib.parse import urlsplit

import pytest
from django.contrib.auth import get_user_model
from django.core.checks import run_checks
from django.test import Client
from django.utils import timezone
from wagtail.contrib.frontend_cache.backends.base import BaseBackend
from wagtail.images import get_image_model
from wagtail.images.tests.utils import get_test_image_file
from wagtail.models import Locale, PageViewRestriction

from home.models import SiteIdentity
from news.models import NewsPage

BROWSER_UA = "Mozilla/5.0 (X11; Linux x86_64; rv:140.0) Gecko/20100101 Firefox/140.0"
TOTAL_VISITS = re.compile(r'visit-stats__list">\s*<div><dt>[^<]+</dt><dd><data value="(\d+)"')


@pytest.fixture(autouse=True)
def page_cache_on(settings):
    settings.PAGE_CACHE_SECONDS = 300
    # Count in the database whatever the environment says, to read the tallies.
    settings.VISITS_REDIS_URL = ""


@pytest.fixture
def visitor(db):
    return Client(HTTP_USER_AGENT=BROWSER_UA, REMOTE_ADDR="198.51.100.7")


def hit(response):
    return response.get("X-Page-Cache") == "hit"


def cached(client, url):
    """Views ``url`` twice; the second answer, which must come from the cache."""
    first = client.get(url)
    assert first.status_code == 200
    second = client.get(url)
    assert hit(second), url
    return second


def publish_new_title(page, title):
    page.title = title
    page.save_revision().publish()


# -- what is cached -------------------------------------------------------------


def test_a_second_anonymous_view_comes_from_the_cache(visitor, article):
    first = visitor.get(article.url)
    assert first.status_code == 200 and not hit(first)
    second = visitor.get(article.url)
    assert hit(second)
    assert article.title in second.content.decode()
    assert second["Content-Type"].startswith("text/html")
    assert second["Content-Language"] == "vi"
    assert "Set-Cookie" not in second


def test_visits_are_counted_and_figures_current_on_cache_hits(visitor, article):
    totals, hits = [], []
    for _ in range(3):
        response = visitor.get(article.url)
        hits.append(hit(response))
        totals.append(int(TOTAL_VISITS.search(response.content.decode()).group(1)))
    assert hits == [False, True, True]
    # The demo total continues the old portal's; each view adds one.
    assert [total - totals[0] for total in totals] == [0, 1, 2]
    # The figures are filled in for each visitor, never stored in the page.
    assert "<!--visits:figures" not in response.content.decode()


def test_figures_on_a_cached_page_are_in_the_page_language(visitor, demo_content):
    english_home = demo_content.homes["en"]
    cached(visitor, demo_content.homes["vi"].url)
    response = cached(visitor, english_home.url)
    assert "Total visits" in response.content.decode()
    vietnamese = visitor.get(demo_content.homes["vi"].url)
    assert hit(vietnamese)
    assert "Total visits" not in vietnamese.content.decode()


def test_head_is_answered_from_the_cache(visitor, article):
    visitor.get(article.url)
    response = visitor.head(article.url)
    assert response.status_code == 200 and hit(response)


def test_allowed_page_parameter_is_cached_per_value(visitor, demo_content):
    section = demo_content.sections["vi"][0]
    cached(visitor, section.url + "?page=1")
    assert not hit(visitor.get(section.url))


@pytest.mark.parametrize(
    "query", ["?utm_source=mail", "?page=1&page=2", "?page=1&x=1", "?q=<script>"]
)
def test_other_query_strings_are_never_cached(visitor, demo_content, query):
    section = demo_content.sections["vi"][0]
    for _ in range(2):
        response = visitor.get(section.url + query)
        assert not hit(response)


def test_the_site_map_is_cached(visitor):
    response = cached(visitor, "/vi/site-map/")
    assert response.status_code == 200


def test_search_results_are_cached_too(visitor):
    # Purges and bounds are tested in tests/search/test_search_cache.py.
    response = cached(visitor, "/vi/search/?q=h%E1%BB%99i+ngh%E1%BB%8B")
    assert response.status_code == 200


def test_errors_are_never_cached(visitor):
    for _ in range(2):
        response = visitor.get("/vi/khong-co-trang-nay/")
        assert response.status_code == 404 and not hit(response)


def test_page_cache_can_be_turned_off(settings, visitor, article):
    settings.PAGE_CACHE_SECONDS = 0
    for _ in range(2):
        assert not hit(visitor.get(article.url))


# -- never one visitor's page for another ------------------------------------------


@pytest.fixture
def editor(db):
    user = get_user_model().objects.create_superuser("cache-editor", "e@example.org", "x")
    client = Client(HTTP_USER_AGENT=BROWSER_UA)
    client.force_login(user)
    return client


def test_logged_in_users_neither_read_nor_fill_the_cache(visitor, editor, article):
    cached(visitor, article.url)
    for _ in range(2):
        response = editor.get(article.url)
        assert response.status_code == 200 and not hit(response)
    assert hit(visitor.get(article.url))


def test_an_editors_view_is_not_stored_for_visitors(visitor, editor, demo_content):
    url = demo_content.sections["vi"][1].url
    editor.get(url)
    # What an editor was shown is never what a visitor gets.
    assert not hit(visitor.get(url))
    assert hit(visitor.get(url))


def test_admin_and_previews_are_never_cached(editor, article):
    for url in ("/admin/", f"/admin/pages/{article.pk}/edit/preview/"):
        for _ in range(2):
            assert not hit(editor.get(url))


def test_a_password_protected_page_is_never_cached(visitor, article):
    cached(visitor, article.url)
    PageViewRestriction.objects.create(
        page=article, restriction_type=PageViewRestriction.PASSWORD, password="s3cret"
    )
    for _ in range(2):
        response = visitor.get(article.url)
        assert not hit(response)
        html = response.content.decode()
        assert 'name="password"' in html
        assert article.lead.splitlines()[0] not in html


# -- purged the moment the content changes -----------------------------------------


def test_publishing_an_article_updates_it_its_section_and_the_home_page(visitor, demo_content):
    section = demo_content.sections["vi"][0]
    article = section.specific.articles().first()
    home = demo_content.homes["vi"]
    for url in (article.url, section.url, home.url):
        cached(visitor, url)

    publish_new_title(article, "Tiêu đề mới sau khi xuất bản")

    for url in (article.url, section.url, home.url):
        response = visitor.get(url)
        assert not hit(response), url
        assert "Tiêu đề mới sau khi xuất bản" in response.content.decode(), url


def test_a_new_article_appears_at_once_in_its_section(visitor, demo_content):
    section = demo_content.sections["vi"][0]
    cached(visitor, section.url)
    page = NewsPage(title="Bài mới nhất của mục", lead="Mở đầu.", published_at=timezone.now())
    section.add_child(instance=page)
    assert "Bài mới nhất của mục" not in visitor.get(section.url).content.decode()
    page.save_revision().publish()
    assert "Bài mới nhất của mục" in visitor.get(section.url).content.decode()


def test_unpublishing_removes_the_article_at_once(visitor, demo_content):
    section = demo_content.sections["vi"][0]
    article = section.specific.articles().first()
    cached(visitor, article.url)
    cached(visitor, section.url)
    article.unpublish()
    assert visitor.get(article.url).status_code == 404
    assert f'href="{article.url}"' not in visitor.get(section.url).content.decode()


def test_deleting_removes_the_article_at_once(visitor, demo_content):
    section = demo_content.sections["vi"][0]
    article = section.specific.articles().first()
    url = article.url
    cached(visitor, url)
    cached(visitor, section.url)
    article.delete()
    assert visitor.get(url).status_code == 404
    assert f'href="{url}"' not in visitor.get(section.url).content.decode()


def test_moving_an_article_updates_both_sections(visitor, demo_content):
    source, target = demo_content.sections["vi"][0], demo_content.sections["vi"][1]
    article = source.specific.articles().first()
    old_url = article.url
    for url in (old_url, source.url, target.url):
        cached(visitor, url)
    article.move(target, pos="last-child")
    article.refresh_from_db()
    # Wagtail leaves a redirect at the old address.
    moved = visitor.get(old_url)
    assert moved.status_code == 301 and moved["Location"] == article.url
    assert f'href="{old_url}"' not in visitor.get(source.url).content.decode()
    assert f'href="{article.url}"' in visitor.get(target.url).content.decode()


def test_changing_the_site_identity_updates_every_cached_page(visitor, article):
    cached(visitor, article.url)
    identity = SiteIdentity.objects.get(locale__language_code="vi")
    identity.phone = "0212 999 8888"
    identity.save()
    response = visitor.get(article.url)
    assert not hit(response)
    assert "0212 999 8888" in response.content.decode()


def test_a_new_reform_article_reaches_the_sidebar_of_cached_pages(visitor, demo_content, article):
    home = demo_content.homes["vi"].specific
    reform = home.reform_section
    assert reform is not None
    cached(visitor, article.url)
    page = NewsPage(
        title="Cải cách thủ tục hành chính mới nhất",
        lead="Mở đầu.",
        published_at=timezone.now() + datetime.timedelta(minutes=1),
    )
    reform.add_child(instance=page)
    page.save_revision().publish()
    assert "Cải cách thủ tục hành chính mới nhất" in visitor.get(article.url).content.decode()


def test_unpublishing_a_translation_updates_the_language_switcher(visitor, article):
    english = article.get_translation(Locale.objects.get(language_code="en"))
    assert f'href="{english.url}"' in cached(visitor, article.url).content.decode()
    english.unpublish()
    html = visitor.get(article.url).content.decode()
    assert f'href="{english.url}"' not in html


def test_making_a_page_private_takes_effect_at_once(visitor, demo_content):
    section = demo_content.sections["vi"][0]
    cached(visitor, section.url)
    PageViewRestriction.objects.create(page=section, restriction_type=PageViewRestriction.LOGIN)
    response = visitor.get(section.url)
    assert response.status_code == 302 and not hit(response)


def test_deleting_an_image_updates_pages_that_showed_it(visitor, article):
    image = get_image_model().objects.create(title="Ảnh thử", file=get_test_image_file())
    article.image = image
    article.image_alt = "Ảnh chụp thử nghiệm bộ nhớ đệm"
    article.save_revision().publish()
    assert "Ảnh chụp thử nghiệm bộ nhớ đệm" in cached(visitor, article.url).content.decode()
    image.delete()
    response = visitor.get(article.url)
    assert response.status_code == 200 and not hit(response)
    assert "Ảnh chụp thử nghiệm bộ nhớ đệm" not in response.content.decode()


# -- set-up -------------------------------------------------------------------------


def test_the_page_cache_must_sit_below_the_visit_counter(settings):
    counter = "visits.middleware.VisitCounterMiddleware"
    page_cache = "core.page_cache.PageCacheMiddleware"
    assert not [e for e in run_checks() if e.id == "home.E001"]
    middleware = [name for name in settings.MIDDLEWARE if name != page_cache]
    middleware.insert(middleware.index(counter), page_cache)
    settings.MIDDLEWARE = middleware
    assert [e.id for e in run_checks() if e.id.startswith("home.")] == ["home.E001"]


# -- a CDN in front ----------------------------------------------------------------


class RecordingBackend(BaseBackend):
    """A CDN that writes down what it is told to forget."""

    purged = []

    def purge(self, url):
        self.purged.append(url)


def test_publishing_purges_the_cdn_once_committed(
    settings, article, django_capture_on_commit_callbacks
):
    settings.WAGTAILFRONTENDCACHE = {"cdn": {"BACKEND": f"{__name__}.RecordingBackend"}}
    settings.WAGTAILFRONTENDCACHE_LANGUAGES = []
    RecordingBackend.purged = []
    with django_capture_on_commit_callbacks(execute=False) as callbacks:
        publish_new_title(article, "Tiêu đề gửi tới CDN")
    assert RecordingBackend.purged == []  # nothing before the commit
    for callback in callbacks:
        callback()
    paths = {urlsplit(url).path for url in RecordingBackend.purged}
    english = article.get_translation(Locale.objects.get(language_code="en"))
    assert {article.url, article.get_parent().url, english.url, english.get_parent().url} <= paths
    assert {"/vi/", "/en/", "/lo/", "/vi/site-map/"} <= paths

