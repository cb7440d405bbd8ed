"""Drafts, private pages, previews and unpublished translations never reach visitors or search."""

import pytest
from django.test import Client
from wagtail.models import Locale, PageViewRestriction

from news.models import NewsPage
from tests.articles import new_article

SECRET = "Bimatchuacongbo"


def visible_to_anonymous(url, word=SECRET, language="vi"):
    """What an anonymous visitor can see: ``word`` on the page, the page among the results for it.

    The results page repeats the query, so a result is recognised by its link.
    """
    client = Client()
    page = client.get(url)
    found = client.get(f"/{language}/search/", {"q": word}).content.decode()
    return {
        "status": page.status_code,
        "on_page": word in page.content.decode(),
        "in_search": f'href="{url}"' in found,
    }


@pytest.mark.django_db
def test_a_draft_of_a_live_article_stays_hidden(demo_content):
    article = demo_content.articles["vi"][0]
    published_title = article.title
    article.title = f"{SECRET} draft title"
    article.lead = f"{SECRET} draft lead"
    article.save_revision()  # saved, not published
    seen = visible_to_anonymous(article.url)
    assert seen == {"status": 200, "on_page": False, "in_search": False}
    assert published_title in Client().get(article.url).content.decode()


@pytest.mark.django_db
def test_a_never_published_article_is_not_found(demo_content):
    section = demo_content.sections["vi"][0]
    draft = new_article(section, f"{SECRET}Moi", live=False)
    seen = visible_to_anonymous(section.url.rstrip("/") + f"/{draft.slug}/", word=f"{SECRET}Moi")
    assert seen["status"] == 404 and not seen["in_search"]
    assert f"{SECRET}Moi" not in Client().get(section.url).content.decode()


@pytest.mark.django_db
def test_a_private_article_asks_for_a_login_and_is_not_listed(demo_content):
    section = demo_content.sections["vi"][0]
    private = new_article(section, f"{SECRET}Rieng")
    PageViewRestriction.objects.create(page=private, restriction_type=PageViewRestriction.LOGIN)
    seen = visible_to_anonymous(private.url, word=f"{SECRET}Rieng")
    assert seen["status"] == 302 and not seen["on_page"] and not seen["in_search"]
    assert f"{SECRET}Rieng" not in Client().get(section.url).content.decode()
    assert f"{SECRET}Rieng" not in Client().get("/vi/site-map/").content.decode()


@pytest.mark.django_db
def test_an_unpublished_translation_is_not_shown(demo_content):
    section = demo_content.sections["vi"][0]
    source = new_article(section, f"{SECRET}Dich")
    english = source.copy_for_translation(Locale.objects.get(language_code="en"), copy_parents=True)
    english.title = f"{SECRET}Dich in English"
    english.save_revision()
    assert not NewsPage.objects.get(pk=english.pk).live
    seen = visible_to_anonymous(english.get_url(), word=f"{SECRET}Dich", language="en")
    assert seen["status"] == 404 and not seen["in_search"]


@pytest.mark.django_db
def test_previews_need_an_admin_login(demo_content):
    article = demo_content.articles["vi"][0]
    article.title = f"{SECRET} preview"
    article.save_revision()
    client = Client()
    for url in (
        f"/admin/pages/{article.pk}/edit/preview/",
        f"/admin/pages/{article.pk}/revisions/{article.latest_revision_id}/view/",
    ):
        response = client.get(url)
        assert response.status_code == 302 and "/admin/login/" in response.url
        assert SECRET not in response.content.decode()


@pytest.mark.django_db
def test_the_same_checks_see_a_published_article(demo_content):
    """The control: once published, the page and its search result are there."""
    section = demo_content.sections["vi"][0]
    live = new_article(section, f"{SECRET}Congkhai")
    assert visible_to_anonymous(live.url, word=f"{SECRET}Congkhai") == {
        "status": 200,
        "on_page": True,
        "in_search": True,
    }
