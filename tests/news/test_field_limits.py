"""A pasted document never costs the editor the rest of the form (issue 12, item 7).

A 1 MB paste into the lead used to be autosaved, then the next save failed
with "request too big" and the image just chosen was gone. Now every text
field has a length limit the server checks with a message on that field,
the request limit is far above any form that keeps to them, and a form over
it gets a clear answer instead of a bare "Bad Request".
"""

import json

import pytest
from django.test import override_settings
from wagtail.images.models import Image
from wagtail.images.tests.utils import get_test_image_file
from wagtail.models import Page
from wagtail.test.utils.form_data import (
    rich_text,
    streamfield,
)

from core import text_rules
from home.models import ContentPage, HomePage
from news.models import NewsPage, SectionPage
from tests.news.article_form import article_edit_form

# About 1 MB of Vietnamese text, as pasted from a Word document.
PASTED_DOCUMENT = ("Sơn La tiếp đoàn công tác tỉnh Hủa Phăn. " * 25_000)[:1_000_000]

def test_a_1_mb_paste_into_the_lead_is_refused_on_the_lead_and_the_rest_survives(
    vietnamese_editor, article
):
    page = NewsPage.objects.get(pk=article.pk)
    stored_lead = page.lead
    image = Image.objects.create(title="Cửa khẩu Chiềng Khương", file=get_test_image_file())

    response = vietnamese_editor.post(
        f"/admin/pages/{page.pk}/edit/",
        article_edit_form(
            page,
            title="Sơn La tiếp đoàn công tác tỉnh Hủa Phăn",
            lead=PASTED_DOCUMENT,
            image=image.pk,
            image_alt="Lãnh đạo hai tỉnh bắt tay tại cửa khẩu",
            image_caption="Đón đoàn tại cửa khẩu Chiềng Khương",
        ),
    )

    # Not a "request too big" page: the edit view, with the error on the lead.
    assert response.status_code == 200
    form = response.context["form"]
    assert list(form.errors) == ["lead"]
    message = form.errors["lead"][0]
    assert "1000" in message.replace(".", "") and "1000000" in message.replace(".", "")
    html = response.content.decode()
    assert message in html or message.replace("'", "&#x27;") in html
    # What the editor chose is still in the form, ready to save once shortened.
    assert str(form["image"].value()) == str(image.pk)
    assert form["title"].value() == "Sơn La tiếp đoàn công tác tỉnh Hủa Phăn"
    assert form["image_alt"].value() == "Lãnh đạo hai tỉnh bắt tay tại cửa khẩu"
    assert form["lead"].value() == PASTED_DOCUMENT
    # Nothing was stored, not even as a draft.
    page.refresh_from_db()
    assert page.lead == stored_lead
    assert page.image_id != image.pk


def test_the_lead_field_tells_the_browser_its_limit(vietnamese_editor, article):
    html = vietnamese_editor.get(f"/admin/pages/{article.pk}/edit/").content.decode()
    assert f'maxlength="{text_rules.LEAD_MAX_LENGTH}"' in html


@pytest.mark.parametrize(
    ("model", "field", "limit"),
    [
        (NewsPage, "lead", text_rules.LEAD_MAX_LENGTH),
        (NewsPage, "author", 255),
        (NewsPage, "image_alt", text_rules.ALT_TEXT_MAX_LENGTH),
        (NewsPage, "image_caption", text_rules.CAPTION_MAX_LENGTH),
        (SectionPage, "intro", text_rules.INTRO_MAX_LENGTH),
        (HomePage, "intro", text_rules.INTRO_MAX_LENGTH),
        (ContentPage, "intro", text_rules.INTRO_MAX_LENGTH),
        (Page, "title", 255),
    ],
)
def test_every_plain_text_page_field_has_a_limit(model, field, limit):
    assert model._meta.get_field(field).max_length == limit


def test_body_blocks_refuse_a_pasted_document_with_a_message(vietnamese_editor, article):
    page = NewsPage.objects.get(pk=article.pk)
    for block in [
        ("paragraph", rich_text(f"<p>{PASTED_DOCUMENT[:20_000]}</p>")),
        ("quote", {"text": PASTED_DOCUMENT[:5000], "attribution": "Chủ tịch UBND tỉnh"}),
        ("image", {"image": {"image": "", "alt_text": "", "decorative": ""},
                   "caption": PASTED_DOCUMENT[:1000]}),
    ]:
        response = vietnamese_editor.post(
            f"/admin/pages/{page.pk}/edit/", article_edit_form(page, body=streamfield([block]))
        )
        assert response.status_code == 200, block[0]
        assert "body" in response.context["form"].errors, block[0]


def test_a_table_cell_holding_a_pasted_document_is_refused():
    from wagtail.blocks import StreamBlockValidationError

    from core.blocks import BodyStreamBlock

    body = BodyStreamBlock()
    table = {
        "data": [["Chỉ tiêu", "Năm 2026"], ["Dân số", PASTED_DOCUMENT[:5000]]],
        "first_row_is_table_header": True,
        "table_caption": "Số liệu",
    }
    with pytest.raises(StreamBlockValidationError) as refused:
        body.clean(body.to_python([{"type": "table", "value": table}]))
    assert "1000" in str(refused.value.as_json_data())
    table["data"][1][1] = "1.248.415"
    body.clean(body.to_python([{"type": "table", "value": table}]))


def test_the_request_limit_is_far_above_a_long_article_that_keeps_to_the_limits(settings):
    # 40 full paragraphs of Vietnamese text (3 bytes a letter at most), as
    # Draftail's JSON, plus every plain field at its limit.
    paragraph = json.dumps({"blocks": [{"text": "ệ" * text_rules.PARAGRAPH_MAX_LENGTH}]})
    size = 40 * len(paragraph.encode()) + 3 * len(("ệ" * text_rules.INTRO_MAX_LENGTH).encode())
    assert size < settings.DATA_UPLOAD_MAX_MEMORY_SIZE


@override_settings(DATA_UPLOAD_MAX_MEMORY_SIZE=100_000)
def test_a_form_over_the_request_limit_gets_a_clear_413_in_the_admins_language(
    vietnamese_editor, article
):
    page = NewsPage.objects.get(pk=article.pk)
    response = vietnamese_editor.post(
        f"/admin/pages/{page.pk}/edit/", article_edit_form(page, lead=PASTED_DOCUMENT[:200_000])
    )
    assert response.status_code == 413
    html = response.content.decode()
    assert '<html lang="vi">' in html
    assert "Không lưu được: nội dung quá lớn" in html and "nút Quay lại" in html


@override_settings(DATA_UPLOAD_MAX_MEMORY_SIZE=100_000)
def test_an_oversized_autosave_gets_a_json_answer_the_editor_can_show(vietnamese_editor, article):
    page = NewsPage.objects.get(pk=article.pk)
    response = vietnamese_editor.post(
        f"/admin/pages/{page.pk}/edit/",
        article_edit_form(page, lead=PASTED_DOCUMENT[:200_000]),
        headers={"accept": "application/json"},
    )
    assert response.status_code == 413
    answer = response.json()
    assert answer["success"] is False and answer["error_code"] == "request_too_big"
    assert "0,1 MB" in answer["error_message"] or "0.1 MB" in answer["error_message"]
