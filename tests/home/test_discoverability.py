"""Sitemaps, robots.txt, canonical URLs, Open Graph, Twitter cards and JSON-LD."""

import json
import re
import xml.etree.ElementTree as ET

import pytest

from tests.home.helpers import draft_translation, head, make_private, publish_vietnamese_article

SITEMAP = "{http://www.sitemaps.org/schemas/sitemap/0.9}"
XHTML = "{http://www.w3.org/1999/xhtml}"


def sitemap_entries(client, language):
    """{location: {hreflang: href}} of one language's sitemap."""
    response = client.get(f"/sitemap-{language}.xml")
    assert response.status_code == 200
    root = ET.fromstring(response.content)
    return {
        url.findtext(f"{SITEMAP}loc"): {
            link.get("hreflang"): link.get("href") for link in url.findall(f"{XHTML}link")
        }
        for url in root.findall(f"{SITEMAP}url")
    }


def meta(html, key):
    found = re.search(rf'<meta (?:property|name)="{re.escape(key)}" content="([^"]*)">', html)
    return found.group(1) if found else None


def test_sitemap_index_has_one_sitemap_per_language(client, demo_content):
    root = ET.fromstring(client.get("/sitemap.xml").content)
    locations = [item.findtext(f"{SITEMAP}loc") for item in root.findall(f"{SITEMAP}sitemap")]
    assert locations == [f"http://testserver/sitemap-{code}.xml" for code in ("vi", "en", "lo")]


@pytest.mark.parametrize("language", ["vi", "en", "lo"])
def test_each_language_sitemap_lists_its_pages_with_every_translation(client, demo_content, article, language):
    entries = sitemap_entries(client, language)
    home = demo_content.homes[language]
    assert entries[f"http://testserver{home.url}"]["x-default"] == "http://testserver/"
    # Every live page of the language and nothing else.
    from wagtail.models import Page

    live = Page.objects.live().public().filter(locale=home.locale, depth__gt=1)
    assert set(entries) == {f"http://testserver{page.url}" for page in live}
    translations = {page.locale.language_code: page for page in article.get_translations(inclusive=True)}
    alternates = entries[f"http://testserver{translations[language].url}"]
    assert alternates == {
        "vi": f"http://testserver{translations['vi'].url}",
        "en": f"http://testserver{translations['en'].url}",
        "lo": f"http://testserver{translations['lo'].url}",
        "x-default": f"http://testserver{translations['vi'].url}",
    }


def test_sitemaps_leave_out_drafts_private_pages_and_unpublished_translations(client, demo_content):
    untranslated = publish_vietnamese_article(demo_content.sections["vi"][0], "Chỉ tiếng Việt", "chi-tieng-viet")
    draft = draft_translation(untranslated, "en", "Draft only")
    private = demo_content.articles["lo"][0]
    make_private(private)

    english = sitemap_entries(client, "en")
    assert f"http://testserver{draft.get_url()}" not in english
    assert not any(draft.get_url() in href for links in english.values() for href in links.values())
    vietnamese = sitemap_entries(client, "vi")
    assert vietnamese[f"http://testserver{untranslated.url}"] == {
        "vi": f"http://testserver{untranslated.url}",
        "x-default": f"http://testserver{untranslated.url}",
    }
    lao = sitemap_entries(client, "lo")
    assert f"http://testserver{private.url}" not in lao
    assert not any(private.url in href for links in vietnamese.values() for href in links.values())


def test_robots_txt(client):
    response = client.get("/robots.txt")
    assert response.status_code == 200
    assert response["Content-Type"] == "text/plain; charset=utf-8"
    lines = response.content.decode().splitlines()
    assert "User-agent: *" in lines
    assert "Disallow: /admin/" in lines
    for language in ("vi", "en", "lo"):
        assert f"Disallow: /{language}/search/" in lines
    assert "Sitemap: http://testserver/sitemap.xml" in lines


def test_article_head_canonical_open_graph_and_twitter(client, demo_content):
    article = next(page for page in demo_content.articles["lo"] if page.image_id)
    html = head(client.get(article.url).content.decode())
    url = f"http://testserver{article.url}"
    assert f'<link rel="canonical" href="{url}">' in html
    assert meta(html, "og:url") == url
    assert meta(html, "og:type") == "article"
    assert meta(html, "og:title") == article.title
    assert meta(html, "og:locale") == "lo_LA"
    assert meta(html, "og:site_name") == "ປະຕູຂໍ້ມູນຂ່າວສານເອເລັກໂຕຣນິກ ແຂວງເຊີນລາ"
    assert meta(html, "og:image").startswith("http://testserver/media/images/")
    assert meta(html, "og:image:alt") == article.image_alt
    assert meta(html, "twitter:card") == "summary_large_image"
    assert meta(html, "twitter:title") == article.title
    assert re.findall(r'<meta property="og:locale:alternate" content="([^"]+)">', html) == ["vi_VN", "en_US"]


def test_later_list_pages_are_their_own_canonical(client, demo_content):
    section = demo_content.sections["vi"][0]
    html = client.get(section.url).content.decode()
    assert f'<link rel="canonical" href="http://testserver{section.url}">' in html
    assert meta(html, "og:type") == "website"
    html = client.get(f"{section.url}?page=1&utm_source=x").content.decode()
    assert f'<link rel="canonical" href="http://testserver{section.url}">' in html


def json_ld(html):
    found = re.findall(r'<script type="application/ld\+json">(.*?)</script>', html, re.S)
    assert len(found) == 1
    return json.loads(found[0])


def test_article_has_news_article_json_ld(client, demo_content):
    article = demo_content.articles["en"][0]
    data = json_ld(client.get(article.url).content.decode())
    assert data["@type"] == "NewsArticle"
    assert data["headline"] == article.title
    assert data["inLanguage"] == "en"
    assert data["url"] == f"http://testserver{article.url}"
    assert data["datePublished"] == article.published_at.astimezone(
        __import__("zoneinfo").ZoneInfo("Asia/Ho_Chi_Minh")
    ).isoformat(timespec="seconds")
    assert data["author"] == {"@type": "Person", "name": article.author}
    assert data["publisher"]["@type"] == "Organization"


def test_json_ld_text_cannot_break_out_of_its_script(client, demo_content):
    hostile = '</script><script>alert(1)</script><!-- & "quoted"'
    page = publish_vietnamese_article(demo_content.sections["vi"][0], hostile, "tieu-de-doc-hai")
    page.author = "</SCRIPT><img src=x onerror=alert(2)>"
    page.save_revision().publish()
    html = client.get(page.url).content.decode()
    data = json_ld(html)
    assert data["headline"] == hostile
    assert data["author"]["name"] == page.author
    script = re.search(r'<script type="application/ld\+json">(.*?)</script>', html, re.S).group(1)
    assert "<" not in script and ">" not in script
    assert "<script>alert(1)" not in html
    assert "<img src=x" not in html


def test_other_pages_have_no_json_ld(client, demo_content):
    assert "application/ld+json" not in client.get("/vi/").content.decode()
    assert "application/ld+json" not in client.get("/vi/site-map/").content.decode()
