"""Body images need alt text someone wrote (issue 12, item 8).

Wagtail fills a body image's alt text with the image's title the moment it
is chosen, so "every image is described or marked decorative" was met
without anyone describing anything. An alt text that is only the image's
title or file name is now refused with a message on the alt-text field.
"""

import os

import pytest
from wagtail.images.models import Image
from wagtail.images.tests.utils import get_test_image_file
from wagtail.test.utils.form_data import inline_formset, nested_form_data, streamfield

from news.models import NewsPage

COPIED = "Văn bản thay thế này chỉ là tiêu đề hoặc tên tệp của ảnh."


@pytest.fixture
def image(db):
    return Image.objects.create(
        title="Cửa khẩu Chiềng Khương", file=get_test_image_file(filename="cua-khau-chieng-khuong.png")
    )


def body_image_form(page, body_image, alt_text, decorative=False, **overrides):
    data = {
        "title": page.title,
        "slug": page.slug,
        "lead": page.lead,
        "published_at": page.published_at.strftime("%Y-%m-%d %H:%M"),
        "author": page.author,
        "image": "",
        "image_alt": "",
        "image_caption": "",
        "body": streamfield(
            [
                (
                    "image",
                    {
                        "image": {
                            "image": body_image.pk,
                            "alt_text": alt_text,
                            "decorative": "on" if decorative else "",
                        },
                        "caption": "Đoàn công tác tỉnh Hủa Phăn tại cửa khẩu",
                    },
                )
            ]
        ),
        "topic_links": inline_formset([]),
        "related_articles": inline_formset([]),
        "action-publish": "publish",
    }
    data.update(overrides)
    return nested_form_data(data)


@pytest.mark.parametrize(
    "alt_text",
    [
        "Cửa khẩu Chiềng Khương",  # the title, as Wagtail pre-fills it
        "  cửa khẩu   chiềng khương ",  # the same with other spacing and case
        "{file}",  # the stored file name
        "{stem}",  # the file name without its extension
    ],
)
def test_a_body_image_alt_text_that_copies_the_title_or_file_name_is_refused(
    vietnamese_editor, article, image, alt_text
):
    page = NewsPage.objects.get(pk=article.pk)
    revision = page.latest_revision_id
    file_name = os.path.basename(image.file.name)
    alt_text = alt_text.format(file=file_name, stem=os.path.splitext(file_name)[0])
    response = vietnamese_editor.post(
        f"/admin/pages/{page.pk}/edit/", body_image_form(page, image, alt_text)
    )
    assert response.status_code == 200
    errors = response.context["form"].errors
    assert list(errors) == ["body"]
    assert COPIED in str(errors["body"].as_data()[0].as_json_data())
    page.refresh_from_db()
    assert page.latest_revision_id == revision, "nothing was saved"


def test_written_alt_text_or_an_explicit_decorative_choice_is_accepted(
    vietnamese_editor, article, client, image
):
    page = NewsPage.objects.get(pk=article.pk)
    written = "Lãnh đạo hai tỉnh bắt tay trước cổng cửa khẩu Chiềng Khương"
    response = vietnamese_editor.post(f"/admin/pages/{page.pk}/edit/", body_image_form(page, image, written))
    assert response.status_code == 302
    assert f'alt="{written}"' in client.get(NewsPage.objects.get(pk=page.pk).url).content.decode()

    response = vietnamese_editor.post(
        f"/admin/pages/{page.pk}/edit/",
        body_image_form(page, image, "Cửa khẩu Chiềng Khương", decorative=True),
    )
    assert response.status_code == 302


def test_the_main_image_alt_text_may_not_copy_the_image_title_either(vietnamese_editor, article, image):
    page = NewsPage.objects.get(pk=article.pk)
    response = vietnamese_editor.post(
        f"/admin/pages/{page.pk}/edit/",
        body_image_form(page, image, "Ảnh đoàn công tác đứng trước cửa khẩu", image=image.pk,
                        image_alt="Cửa khẩu Chiềng Khương"),
    )
    assert response.status_code == 200
    assert list(response.context["form"].errors) == ["image_alt"]
    assert COPIED in response.content.decode()
