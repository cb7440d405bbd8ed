"""What counts: one successful HTML view of a public page by a person; nothing else."""

import pytest
from django.contrib.auth import get_user_model
from django.test import Client

from tests.visits.conftest import BOT_UA, BROWSER_UA
from tests.visits.helpers import page_views, site_views, views, visitor_rows
from visits.models import Tally


def test_a_view_of_an_article_counts_once_for_the_site_and_once_for_the_article(visitor, article):
    response = visitor.get(article.url)
    assert response.status_code == 200
    assert site_views() == 1
    assert page_views(article) == 1
    assert visitor_rows() == 1


def test_views_in_every_language_count(visitor, demo_content):
    for language in ("vi", "en", "lo"):
        page = demo_content.articles[language][0]
        assert visitor.get(page.url).status_code == 200
        assert page_views(page) == 1
    assert site_views() == 3


def test_search_and_site_map_count_for_the_site_only(visitor):
    assert visitor.get("/vi/search/?q=Sơn La").status_code == 200
    assert visitor.get("/en/site-map/").status_code == 200
    assert site_views() == 2
    assert views(Tally.PAGE) == 0


@pytest.mark.parametrize(
    "user_agent",
    [
        BOT_UA,
        "Mozilla/5.0 (compatible; bingbot/2.0; +http://www.bing.com/bingbot.htm)",
        "Mozilla/5.0 (compatible; YandexBot/3.0)",
        "facebookexternalhit/1.1 (+http://www.facebook.com/externalhit_uatext.php)",
        "Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 HeadlessChrome/131.0 Safari/537.36",
        "curl/8.5.0",
        "python-requests/2.32",
        "Wget/1.21",
        "",
    ],
)
def test_bots_crawlers_and_scripts_do_not_count(article, user_agent):
    client = Client(HTTP_USER_AGENT=user_agent)
    assert client.get(article.url).status_code == 200
    assert site_views() == 0
    assert visitor_rows() == 0


def test_head_requests_do_not_count(visitor, article):
    assert visitor.head(article.url).status_code == 200
    assert site_views() == 0


def test_prefetches_do_not_count(visitor, article):
    assert visitor.get(article.url, HTTP_SEC_PURPOSE="prefetch").status_code == 200
    assert visitor.get(article.url, HTTP_PURPOSE="prefetch").status_code == 200
    assert site_views() == 0


def test_not_found_pages_do_not_count(visitor):
    response = visitor.get("/vi/khong-co-trang-nay/")
    assert response.status_code == 404
    assert site_views() == 0


def test_redirects_do_not_count(visitor, article):
    assert visitor.get("/", HTTP_ACCEPT_LANGUAGE="vi").status_code == 302
    assert visitor.get(article.url.rstrip("/")).status_code == 301
    assert site_views() == 0


def test_static_and_media_files_do_not_count(visitor):
    assert visitor.get("/static/css/portal.css").status_code == 200
    assert visitor.get("/static/visits/visits.css").status_code == 200
    assert site_views() == 0


def test_post_requests_do_not_count(visitor, article):
    visitor.post(article.url)
    assert site_views() == 0


@pytest.fixture
def admin_client(db):
    user = get_user_model().objects.create_superuser("thongke", "thongke@sonla.gov.vn", "mat-khau")
    client = Client(HTTP_USER_AGENT=BROWSER_UA)
    client.force_login(user)
    return client


def test_admin_pages_and_previews_do_not_count(admin_client, article):
    assert admin_client.get("/admin/").status_code == 200
    assert admin_client.get(f"/admin/pages/{article.pk}/").status_code == 200
    draft = admin_client.get(f"/admin/pages/{article.pk}/view_draft/")
    assert draft.status_code == 200
    # The preview is the article in the site frame, figures included...
    assert 'class="visit-stats__list"' in draft.content.decode()
    # ...but nobody visited the public site.
    assert site_views() == 0


def test_editors_reading_the_public_site_count_like_anyone(admin_client, article):
    assert admin_client.get(article.url).status_code == 200
    assert site_views() == 1


def test_the_same_visitor_is_online_once(visitor, demo_content):
    for page in demo_content.articles["vi"][:3]:
        visitor.get(page.url)
    assert site_views() == 3
    assert visitor_rows() == 1
