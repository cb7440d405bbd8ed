"""Invisible direction-control characters never reach a public page (issue 12, item 8).

A right-to-left override (U+202E) pasted into a title reversed what visitors
read. Such characters are now removed from everything sent to the admin
(pages, blocks, snippets) with a notice naming them, and from translated
strings saved through wagtail-localize; Vietnamese and Lao text, including
Lao's zero-width space and joiners, passes untouched.
"""

import pytest
from wagtail.test.utils.form_data import streamfield
from wagtail_localize.models import StringSegment, StringTranslation

from core import text_rules
from home.models import SiteIdentity
from news.models import NewsPage, Topic
from tests.news.article_form import article_edit_form
from tests.translations.conftest import (  # noqa: F401  (fixtures)
    clients,
    locales,
    new_article,
    put_string,
    roles,
    translation_into,
    users,
)

RLO = "\u202e"
TITLE = "Sơn La tiếp đoàn công tác tỉnh Hủa Phăn"


def edit_form(page, **overrides):
    return article_edit_form(page, **{"action-publish": "publish", **overrides})


@pytest.mark.parametrize(
    "character", ["\u202e", "\u202a", "\u202b", "\u202c", "\u202d", "\u200e", "\u200f",
                  "\u2066", "\u2067", "\u2068", "\u2069", "\ufeff", "\u2060", "\u061c"]
)
def test_every_direction_control_and_invisible_format_character_is_recognised(character):
    assert text_rules.strip_invisible(f"Sơn{character} La") == "Sơn La"


@pytest.mark.parametrize(
    "text",
    [
        "Sơn La tiếp đoàn công tác tỉnh Hủa Phăn",
        "ແຂວງຫົວພັນ",
        "ແຂວງ\u200bຫົວພັນ",  # a zero-width space, a line-break hint in Lao
        "ຫຼວງພະບາງ\u200c\u200d",  # joiners, which some keyboards type
        "Điện Biên\t\nSơn La",
    ],
)
def test_vietnamese_and_lao_text_is_left_alone(text):
    assert text_rules.strip_invisible(text) == text


def test_a_right_to_left_override_in_a_title_and_a_block_is_removed_with_a_notice(
    vietnamese_editor, article, client
):
    page = NewsPage.objects.get(pk=article.pk)
    response = vietnamese_editor.post(
        f"/admin/pages/{page.pk}/edit/",
        edit_form(
            page,
            title=f"Sơn La{RLO} tiếp đoàn công tác tỉnh Hủa Phăn",
            lead=f"Ngày 10/3{RLO}\u2066, hai tỉnh ký biên bản hợp tác.",
            body=streamfield([("heading", {"text": f"Tăng cường{RLO} hợp tác", "level": "h2"})]),
        ),
        follow=True,
    )
    assert response.status_code == 200
    page.refresh_from_db()
    assert page.title == TITLE
    assert page.lead == "Ngày 10/3, hai tỉnh ký biên bản hợp tác."
    assert page.body[0].value["text"] == "Tăng cường hợp tác"
    html = response.content.decode()
    assert "Đã xóa 4 ký tự vô hình" in html and "U+202E RIGHT-TO-LEFT OVERRIDE" in html
    public = client.get(page.url).content.decode()
    assert TITLE in public and RLO not in public


def test_snippets_lose_invisible_characters_too(vietnamese_editor, demo_content):
    identity = SiteIdentity.objects.get(locale__language_code="vi")
    response = vietnamese_editor.post(
        f"/admin/snippets/home/siteidentity/edit/{identity.pk}/",
        {
            "portal_name": f"{RLO}Cổng thông tin điện tử tỉnh Sơn La",
            "agency_name": identity.agency_name,
            "address": f"Số 1 đường Tô Hiệu{RLO}, phường Tô Hiệu",
            "phone": identity.phone,
            "email": identity.email,
            "editor_in_charge": identity.editor_in_charge,
            "licence": identity.licence,
        },
    )
    assert response.status_code == 302, response.content.decode()[:3000]
    identity.refresh_from_db()
    assert identity.portal_name == "Cổng thông tin điện tử tỉnh Sơn La"
    assert identity.address == "Số 1 đường Tô Hiệu, phường Tô Hiệu"

    topic = Topic.objects.filter(locale__language_code="vi").first()
    response = vietnamese_editor.post(
        f"/admin/snippets/news/topic/edit/{topic.pk}/",
        {"name": f"du lịch{RLO}\u200f", "action-publish": "action-publish"},
    )
    assert response.status_code == 302, response.content.decode()[:3000]
    topic.refresh_from_db()
    assert topic.name == "du lịch"


def test_passwords_are_never_rewritten(rf):
    from core.admin_input import AdminInputMiddleware

    seen = {}

    def view(request):
        seen.update(request.POST.dict())

    request = rf.post(
        "/admin/account/change_password/",
        {"new_password1": f"mật{RLO}khẩu", "first_name": f"Minh{RLO} Anh"},
    )
    AdminInputMiddleware(view)(request)
    assert seen["new_password1"] == f"mật{RLO}khẩu"
    assert seen["first_name"] == "Minh Anh"


def test_a_translated_string_loses_invisible_characters_when_the_translator_saves_it(
    clients, locales, new_article  # noqa: F811  (pytest fixtures imported above)
):
    page = new_article()
    translation = translation_into(page, locales.lo)
    segment = StringSegment.objects.get(source=translation.source, context__path="title")
    response = put_string(clients.translator_lo, translation, segment, f"ແຂວງ{RLO}ຫົວພັນ\u200bຮ່ວມມື")
    assert response.status_code in (200, 201)
    stored = StringTranslation.objects.get(
        translation_of=segment.string, locale=locales.lo, context=segment.context
    )
    assert stored.data == "ແຂວງຫົວພັນ\u200bຮ່ວມມື"
    assert response.json()["data"] == stored.data
