"""RSS 2.0 and Atom feeds per language and per section."""

import xml.etree.ElementTree as ET

import pytest

from tests.home.helpers import draft_translation, make_private, publish_vietnamese_article

ATOM = "{http://www.w3.org/2005/Atom}"


def rss_items(response):
    channel = ET.fromstring(response.content).find("channel")
    return channel, [(item.findtext("title"), item.findtext("link")) for item in channel.findall("item")]


def atom_entries(response):
    feed = ET.fromstring(response.content)
    return feed, [
        (entry.findtext(f"{ATOM}title"), entry.find(f"{ATOM}link").get("href"))
        for entry in feed.findall(f"{ATOM}entry")
    ]


@pytest.mark.parametrize("language", ["vi", "en", "lo"])
def test_site_feed_lists_the_languages_articles_newest_first(client, demo_content, language):
    response = client.get(f"/{language}/feeds/rss/")
    assert response.status_code == 200
    assert response["Content-Type"].startswith("application/rss+xml")
    channel, items = rss_items(response)
    assert channel.findtext("language") == language
    articles = sorted(demo_content.articles[language], key=lambda page: page.published_at, reverse=True)
    assert items == [(page.title, f"http://testserver{page.url}") for page in articles]


def test_feed_titles_are_in_the_feeds_language(client, demo_content):
    channel, _items = rss_items(client.get("/vi/feeds/rss/"))
    identity = "Cổng thông tin điện tử tỉnh Sơn La"
    assert channel.findtext("title").startswith(identity)
    assert channel.findtext("description").startswith("Tin mới nhất từ")
    feed, _entries = atom_entries(client.get("/lo/feeds/atom/"))
    assert feed.findtext(f"{ATOM}subtitle").startswith("ຂ່າວຫຼ້າສຸດຈາກ")


def test_section_feeds_rss_and_atom(client, demo_content):
    section = demo_content.sections["en"][0]
    expected = sorted(section.articles(), key=lambda page: page.published_at, reverse=True)
    channel, items = rss_items(client.get(f"/en/feeds/sections/{section.pk}/rss/"))
    assert channel.findtext("title").startswith(f"{section.title} – ")
    assert channel.findtext("link") == f"http://testserver{section.url}"
    assert items == [(page.title, f"http://testserver{page.url}") for page in expected]

    response = client.get(f"/en/feeds/sections/{section.pk}/atom/")
    assert response["Content-Type"].startswith("application/atom+xml")
    feed, entries = atom_entries(response)
    assert feed.findtext(f"{ATOM}subtitle") == f"The latest articles in {section.title}"
    assert entries == [(page.title, f"http://testserver{page.url}") for page in expected]


def test_section_of_another_language_or_unknown_is_a_404(client, demo_content):
    vietnamese = demo_content.sections["vi"][0]
    assert client.get(f"/en/feeds/sections/{vietnamese.pk}/rss/").status_code == 404
    assert client.get("/en/feeds/sections/999999/atom/").status_code == 404
    article = demo_content.articles["en"][0]
    assert client.get(f"/en/feeds/sections/{article.pk}/rss/").status_code == 404


def test_drafts_private_pages_and_unpublished_translations_stay_out_of_feeds(client, demo_content):
    section = demo_content.sections["vi"][0]
    untranslated = publish_vietnamese_article(section, "Tin chỉ có tiếng Việt", "tin-chi-co-tieng-viet")
    draft = draft_translation(untranslated, "en", "UNPUBLISHED ENGLISH DRAFT")
    private = demo_content.articles["en"][1]
    make_private(private)
    withdrawn = demo_content.articles["en"][2]
    withdrawn.unpublish()

    english_section = section.get_translation(demo_content.homes["en"].locale)
    for url in ("/en/feeds/rss/", "/en/feeds/atom/", f"/en/feeds/sections/{english_section.pk}/rss/"):
        body = client.get(url).content.decode()
        assert "UNPUBLISHED ENGLISH DRAFT" not in body
        assert draft.get_url() not in body
        assert private.title not in body and private.url not in body
        assert withdrawn.title not in body
    # The Vietnamese original is published, so its own feed has it.
    assert "Tin chỉ có tiếng Việt" in client.get("/vi/feeds/rss/").content.decode()


def test_pages_link_their_feeds(client, demo_content):
    section = demo_content.sections["lo"][0]
    html = client.get(section.url).content.decode()
    assert '<link rel="alternate" type="application/rss+xml" title="ຂ່າວທັງໝົດ" href="/lo/feeds/rss/">' in html
    assert '<link rel="alternate" type="application/atom+xml" title="ຂ່າວທັງໝົດ" href="/lo/feeds/atom/">' in html
    assert (
        f'<link rel="alternate" type="application/rss+xml" title="{section.title}" '
        f'href="/lo/feeds/sections/{section.pk}/rss/">'
    ) in html
    home = client.get("/en/").content.decode()
    assert 'type="application/rss+xml" title="All news" href="/en/feeds/rss/"' in home
    assert "/feeds/sections/" not in home


@pytest.mark.parametrize(
    "path",
    [
        "/en/feeds/sections/99999999999999999999999/rss/",
        "/lo/feeds/sections/0/atom/",
        "/vi/feeds/sections/-1/rss/",
        "/en/feeds/sections/abc/rss/",
        "/en/feeds/sections//rss/",
    ],
)
def test_odd_feed_addresses_are_404(client, demo_content, path):
    assert client.get(path).status_code == 404


def test_items_carry_their_topics_in_the_feeds_language(client, demo_content, article):
    english = article.get_translation(demo_content.homes["en"].locale)
    channel, _items = rss_items(client.get("/en/feeds/rss/"))
    item = next(item for item in channel.findall("item") if item.findtext("title") == english.title)
    assert [category.text for category in item.findall("category")] == ["foreign information", "conference"]
    feed, _entries = atom_entries(client.get("/lo/feeds/atom/"))
    lao = article.get_translation(demo_content.homes["lo"].locale)
    entry = next(entry for entry in feed.findall(f"{ATOM}entry") if entry.findtext(f"{ATOM}title") == lao.title)
    assert [category.get("term") for category in entry.findall(f"{ATOM}category")] == [
        "ຂໍ້ມູນຂ່າວສານການຕ່າງປະເທດ",
        "ກອງປະຊຸມ",
    ]
