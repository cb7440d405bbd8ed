"""The "Most read" block: the week's top five articles of the visitor's language."""

import datetime
import re

from django.core.management import call_command
from django.utils import timezone

from visits.figures import today
from visits.models import Tally
from visits.stores.database import DatabaseStore

ITEM = re.compile(r'<li><a href="([^"]+)">([^<]+)</a></li>')


def most_read(client, url):
    html = client.get(url).content.decode()
    block = html[html.index('id="most-read-heading"') :]
    return ITEM.findall(block[: block.index("</section>")])


def read(page, views, days_ago=0):
    DatabaseStore().add([(Tally.PAGE, today() - datetime.timedelta(days=days_ago), page.pk, "", views)], timezone.now())


def test_top_five_articles_of_the_week_in_the_visitors_language(client, demo_content):
    vi, lo = demo_content.articles["vi"], demo_content.articles["lo"]
    for rank, page in enumerate(vi[:6]):
        read(page, 60 - 10 * rank, days_ago=rank)
    read(lo[2], 5)
    # Old news and pages that are not articles stay out.
    read(vi[7], 1000, days_ago=7)
    read(demo_content.homes["vi"], 1000)
    read(demo_content.sections["vi"][0], 1000)

    items = most_read(client, demo_content.homes["vi"].url)
    assert [title for _, title in items] == [page.title for page in vi[:5]]
    assert items[0][0] == vi[0].url
    assert [title for _, title in most_read(client, demo_content.homes["lo"].url)] == [lo[2].title]
    # Nothing read in English: no block at all, not an empty one.
    assert 'id="most-read-heading"' not in client.get(demo_content.homes["en"].url).content.decode()


def test_the_list_is_cached_but_forgets_unpublished_articles(client, demo_content):
    vi = demo_content.articles["vi"]
    read(vi[0], 10)
    home = demo_content.homes["vi"].url
    assert [title for _, title in most_read(client, home)] == [vi[0].title]
    read(vi[1], 20)
    # Cached for a few minutes: a new leader shows up later...
    assert [title for _, title in most_read(client, home)] == [vi[0].title]
    # ...but an unpublished article leaves the list at once.
    vi[0].unpublish()
    assert [title for _, title in most_read(client, home)] == [vi[1].title]


def test_an_article_made_private_leaves_the_list_at_once(client, demo_content):
    from wagtail.models import PageViewRestriction

    vi = demo_content.articles["vi"]
    read(vi[0], 30)
    read(vi[1], 20)
    home = demo_content.homes["vi"].url
    assert [title for _, title in most_read(client, home)] == [vi[0].title, vi[1].title]
    # An editor sets "Private, accessible with a password" on the article.
    PageViewRestriction.objects.create(page=vi[0], restriction_type=PageViewRestriction.PASSWORD, password="mật-khẩu")
    assert [title for _, title in most_read(client, home)] == [vi[1].title]


def test_a_moved_article_is_listed_at_its_new_address_at_once(client, demo_content):
    vi = demo_content.articles["vi"]
    article = vi[0]
    read(article, 30)
    home = demo_content.homes["vi"].url
    assert most_read(client, home)[0][0] == article.url
    other_section = next(
        section for section in demo_content.sections["vi"] if not article.is_descendant_of(section)
    )
    article.move(other_section, pos="last-child")
    article.refresh_from_db()
    new_url = article.get_url()
    assert new_url.startswith(other_section.get_url())
    assert most_read(client, home)[0][0] == new_url


def test_deleted_pages_keep_their_days_in_the_total(client, demo_content):
    page = demo_content.articles["vi"][0]
    store = DatabaseStore()
    now = timezone.now()
    store.count(day=today(), page_id=page.pk, visitor="d" * 32, now=now)
    page.delete()
    assert Tally.objects.get(kind=Tally.SITE).views == 1
    assert Tally.objects.get(kind=Tally.PAGE).views == 1
    call_command("visit_figures")
