"""Addresses made from Vietnamese titles are their ASCII transliteration.

Editors rarely type a slug: the server makes one from the title when it is
left empty. Every Vietnamese letter, with one mark or two, in either case and
typed composed or decomposed, must come out as its base letter, and đ as d.
"""

import json
import re
import unicodedata
from html import unescape

import pytest
from django.contrib.auth import get_user_model
from wagtail.test.utils.form_data import inline_formset, nested_form_data, streamfield

from news.models import NewsPage, SectionPage
from search.normalize import slugify

# The twelve Vietnamese vowels (several already carry a mark: ă â ê ô ơ ư)
# and the base letter each address must show.
VOWELS = {"a": "a", "ă": "a", "â": "a", "e": "e", "ê": "e", "i": "i",
          "o": "o", "ô": "o", "ơ": "o", "u": "u", "ư": "u", "y": "y"}
# No tone, huyền, sắc, hỏi, ngã, nặng.
TONES = ["", "\u0300", "\u0301", "\u0309", "\u0303", "\u0323"]


def every_vietnamese_letter():
    for vowel, base in VOWELS.items():
        for tone in TONES:
            letter = unicodedata.normalize("NFC", vowel + tone)
            yield letter, base
            yield letter.upper(), base
    yield "đ", "d"
    yield "Đ", "d"


@pytest.mark.parametrize("form", ["NFC", "NFD"])
def test_every_vietnamese_letter_becomes_its_base_letter(form):
    letters = list(every_vietnamese_letter())
    assert len(letters) == 12 * 6 * 2 + 2
    for letter, base in letters:
        typed = unicodedata.normalize(form, f"x{letter}x")
        assert slugify(typed) == f"x{base}x", (letter, form)


@pytest.mark.parametrize(
    "title, address",
    [
        ("Sơn La tiếp đoàn công tác tỉnh Hủa Phăn", "son-la-tiep-doan-cong-tac-tinh-hua-phan"),
        ("ĐẠI HỘI ĐẠI BIỂU ĐẢNG BỘ TỈNH SƠN LA LẦN THỨ XVI", "dai-hoi-dai-bieu-dang-bo-tinh-son-la-lan-thu-xvi"),
        ("Hội nghị sơ kết 5 năm thực hiện chương trình hành động", "hoi-nghi-so-ket-5-nam-thuc-hien-chuong-trinh-hanh-dong"),
        ("Ứng dụng công nghệ số: Mường La, Thuận Châu – Quỳnh Nhai", "ung-dung-cong-nghe-so-muong-la-thuan-chau-quynh-nhai"),
        ("  “Đẩy mạnh” thông tin đối ngoại…  ", "day-manh-thong-tin-doi-ngoai"),
    ],
)
def test_real_titles_give_readable_addresses(title, address):
    assert slugify(title) == address
    assert slugify(unicodedata.normalize("NFD", title)) == address


@pytest.fixture
def editor_client(client, db):
    user = get_user_model().objects.create_superuser("bientap", "bientap@sonla.gov.vn", "mat-khau-thu")
    client.force_login(user)
    return client


def article_form(title, slug=""):
    return nested_form_data({
        "title": title,
        "slug": slug,
        "lead": "Sáng nay, lãnh đạo tỉnh tiếp đoàn công tác nước bạn Lào.",
        "published_at": "2026-11-20 09:30",
        "author": "Minh Anh",
        "image": "",
        "image_alt": "",
        "image_caption": "",
        "body": streamfield([]),
        "topic_links": inline_formset([]),
        "related_articles": inline_formset([]),
        "action-publish": "publish",
    })


def test_an_article_saved_with_an_empty_address_gets_its_titles_transliteration(editor_client, demo_content):
    section = demo_content.sections["vi"][0]
    title = "Sơn La tiếp đoàn công tác tỉnh Hủa Phăn"
    for expected in ["son-la-tiep-doan-cong-tac-tinh-hua-phan", "son-la-tiep-doan-cong-tac-tinh-hua-phan-2"]:
        response = editor_client.post(f"/admin/pages/add/news/newspage/{section.pk}/", article_form(title))
        assert response.status_code == 302, response.content.decode()[:3000]
        page = NewsPage.objects.filter(title=title).order_by("-pk").first()
        assert page.slug == expected
        assert editor_client.get(page.url).status_code == 200


def test_a_vietnamese_address_typed_without_javascript_is_transliterated_as_the_editor_would(
    editor_client, demo_content
):
    section = demo_content.sections["vi"][0]
    response = editor_client.post(
        f"/admin/pages/add/news/newspage/{section.pk}/", article_form("Tiếp đoàn Hủa Phăn", slug="Tiếp-Đoàn-Hủa-Phăn")
    )
    assert response.status_code == 302
    assert NewsPage.objects.get(title="Tiếp đoàn Hủa Phăn").slug == "tiep-doan-hua-phan"


def test_a_section_made_in_code_without_a_slug_gets_the_transliteration(demo_content):
    home = demo_content.homes["vi"]
    section = home.add_child(instance=SectionPage(title="Đời sống – Đặc sản Tây Bắc"))
    assert section.slug == "doi-song-dac-san-tay-bac"


def test_existing_demo_addresses_stay_as_written(demo_content):
    from demo.data import ARTICLES_BY_SECTION, SECTIONS

    written = {section.slug.vi for section in SECTIONS}
    written |= {article.slug.vi for articles in ARTICLES_BY_SECTION.values() for article in articles}
    stored = {page.slug for page in demo_content.sections["vi"] + demo_content.articles["vi"]}
    assert written <= stored


def test_the_editors_slug_field_carries_the_servers_rule(editor_client, demo_content):
    """The live slug's rules, as sent to the browser, already spell the title in ASCII
    (Wagtail's controller then lower-cases and joins words; Chromium checks the whole)."""
    section = demo_content.sections["vi"][0]
    html = editor_client.get(f"/admin/pages/add/news/newspage/{section.pk}/").content.decode()
    found = re.search(r'name="slug"[^>]*data-w-slug-formatters-value="([^"]+)"', html) or re.search(
        r'data-w-slug-formatters-value="([^"]+)"[^>]*name="slug"', html
    )
    assert found, "the slug field has no transliteration rules"
    formatters = json.loads(unescape(found.group(1)))
    for title in ["Sơn La tiếp đoàn công tác tỉnh Hủa Phăn", "ĐẠI HỘI ĐẢNG BỘ"]:
        for form in ("NFC", "NFD"):
            text = unicodedata.normalize(form, title)
            for (pattern, _flags), replacement in formatters:
                text = re.sub(pattern, replacement, text)
            assert text.isascii() and re.sub(r"\s+", "-", text.lower()) == slugify(title)
