"""Visitors and translations: the switcher, hreflang alternates and the 404 of a missing translation."""

import pytest

from tests.home.helpers import (
    alternates,
    draft_translation,
    language_switcher,
    make_private,
    publish_vietnamese_article,
)

VI_TITLE = "Sơn La khai trương chợ phiên biên giới"
VI_SLUG = "khai-truong-cho-phien-bien-gioi"


@pytest.fixture
def untranslated(demo_content):
    """A live Vietnamese article that has no live English or Lao version."""
    return publish_vietnamese_article(demo_content.sections["vi"][0], VI_TITLE, VI_SLUG)


def test_switcher_says_where_no_translation_exists_in_the_visitors_language(client, untranslated, demo_content):
    html = client.get(untranslated.url).content.decode()
    links = language_switcher(html)

    # Vietnamese: the page itself, marked current, with no note.
    assert f'href="{untranslated.url}"' in links["vi"]
    assert 'aria-current="true"' in links["vi"]
    assert "languages__note" not in links["vi"]

    # English and Lao: their home pages, saying so in Vietnamese (the visitor's language).
    english, lao = links["en"], links["lo"]
    assert f'href="{demo_content.homes["en"].url}"' in english
    assert 'lang="en" hreflang="en"' in english
    assert '<span class="languages__note" lang="vi">: chưa được dịch – về trang chủ tiếng Anh</span>' in english
    assert f'href="{demo_content.homes["lo"].url}"' in lao
    assert "chưa được dịch – về trang chủ tiếng Lào" in lao
    assert "aria-current" not in english + lao


def test_switcher_note_follows_the_language_of_the_page(client, demo_content):
    """An English page with no Lao version says so in English."""
    english = demo_content.articles["en"][0]
    lao = english.get_translation(demo_content.homes["lo"].locale)
    lao.unpublish()
    html = client.get(english.url).content.decode()
    links = language_switcher(html)
    assert "English: not translated yet" not in html
    assert '<span class="languages__note" lang="en">: not translated yet – go to the Lao home page</span>' in links["lo"]
    assert f'href="{demo_content.homes["lo"].url}"' in links["lo"]
    assert f'href="{english.get_translation(demo_content.homes["vi"].locale).url}"' in links["vi"]


def test_translated_page_links_each_live_translation_and_alternates(client, article):
    translations = {page.locale.language_code: page for page in article.get_translations(inclusive=True)}
    html = client.get(translations["lo"].url).content.decode()
    links = language_switcher(html)
    for code, page in translations.items():
        assert f'href="{page.url}"' in links[code]
        assert "languages__note" not in links[code]
    assert 'aria-current="true"' in links["lo"]
    assert alternates(html) == {
        "vi": f"http://testserver{translations['vi'].url}",
        "en": f"http://testserver{translations['en'].url}",
        "lo": f"http://testserver{translations['lo'].url}",
        "x-default": f"http://testserver{translations['vi'].url}",
    }


def test_home_pages_x_default_is_the_language_chooser(client, demo_content):
    found = alternates(client.get("/en/").content.decode())
    assert found["x-default"] == "http://testserver/"
    assert set(found) == {"vi", "en", "lo", "x-default"}


def test_draft_and_private_translations_are_never_linked(client, untranslated, demo_content):
    draft = draft_translation(untranslated, "en", "BẢN NHÁP TIẾNG ANH – chưa duyệt")
    html = client.get(untranslated.url).content.decode()
    assert draft.get_url() not in html
    assert "BẢN NHÁP TIẾNG ANH" not in html
    assert set(alternates(html)) == {"vi", "x-default"}
    assert "chưa được dịch – về trang chủ tiếng Anh" in language_switcher(html)["en"]

    # A live translation behind a password is no version for the public either.
    english = demo_content.articles["en"][0]
    make_private(english)
    vietnamese = english.get_translation(demo_content.homes["vi"].locale)
    html = client.get(vietnamese.url).content.decode()
    assert english.url not in html
    assert set(alternates(html)) == {"vi", "lo", "x-default"}


def test_english_address_of_a_vietnamese_only_page_is_a_404_linking_the_original(client, untranslated, demo_content):
    vietnamese_path = untranslated.url.removeprefix("/vi/")
    response = client.get(f"/en/{vietnamese_path}")
    html = response.content.decode()
    assert response.status_code == 404
    assert '<html lang="en"' in html
    assert "This page is not available in this language yet. You can read it in:" in html
    assert f'<a href="{untranslated.url}" lang="vi" hreflang="vi">Tiếng Việt: {VI_TITLE}</a>' in html
    # The switcher sends Vietnamese readers to the page too, and says English has none.
    links = language_switcher(html)
    assert f'href="{untranslated.url}"' in links["vi"]
    assert "not translated yet – go to the English home page" in links["en"]
    assert 'aria-current="true"' in links["en"]
    assert '<meta name="robots" content="noindex">' in html
    assert 'rel="canonical"' not in html


def test_unpublished_translation_is_a_404_in_its_language_without_leaking_the_draft(client, untranslated):
    draft = draft_translation(untranslated, "lo", "ຮ່າງ ບໍ່ທັນເຜີຍແຜ່")
    response = client.get(draft.get_url())
    html = response.content.decode()
    assert response.status_code == 404
    assert '<html lang="lo"' in html
    assert "ຮ່າງ ບໍ່ທັນເຜີຍແຜ່" not in html
    assert f'href="{untranslated.url}" lang="vi" hreflang="vi">Tiếng Việt: {VI_TITLE}' in html
    assert "ໜ້ານີ້ຍັງບໍ່ມີໃນພາສານີ້" in html


def test_unknown_address_is_a_plain_404(client, demo_content):
    response = client.get("/en/no-such-page-anywhere/")
    html = response.content.decode()
    assert response.status_code == 404
    assert "Sorry, we could not find the page you asked for." in html
    assert "not available in this language" not in html
    links = language_switcher(html)
    assert f'href="{demo_content.homes["vi"].url}"' in links["vi"]
    assert "languages__note" not in html


def test_list_page_past_the_end_is_not_called_a_missing_translation(client, demo_content):
    section = demo_content.sections["en"][0]
    response = client.get(f"{section.url}?page=99")
    assert response.status_code == 404
    assert "not available in this language" not in response.content.decode()


@pytest.mark.parametrize(
    "path",
    ["/en/" + "a/" * 600, "/en/%00/", "/lo/../../etc/passwd/", "/vi/%F0%9F%98%80/", "/en/a'b\"c/"],
)
def test_hostile_404_addresses_stay_404(client, demo_content, path):
    assert client.get(path).status_code == 404
