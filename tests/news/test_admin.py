"""Editors build articles in the Wagtail admin."""

import pytest
from django.contrib.auth import get_user_model
from wagtail.images.models import Image
from wagtail.images.tests.utils import get_test_image_file
from wagtail.test.utils.form_data import inline_formset, nested_form_data, streamfield
from wagtail.users.models import UserProfile

from news.models import NewsPage


@pytest.fixture
def editor_client(client, db):
    user = get_user_model().objects.create_superuser("bientap", "bientap@sonla.gov.vn", "mat-khau-thu")
    # New accounts get a Vietnamese admin; this one chose English, as the assertions read.
    UserProfile.objects.filter(user=user).update(preferred_language="en")
    client.force_login(user)
    return client


def article_form(**overrides):
    data = {
        "title": "Tỉnh Sơn La đón đoàn công tác tỉnh Hủa Phăn",
        "slug": "don-doan-cong-tac-hua-phan",
        "lead": "Sáng nay, lãnh đạo tỉnh tiếp đoàn công tác nước bạn Lào.",
        "published_at": "2026-11-20 09:30",
        "author": "Minh Anh",
        "image": "",
        "image_alt": "",
        "image_caption": "",
        "body": streamfield([("heading", {"text": "Tăng cường hợp tác", "level": "h2"})]),
        "topic_links": inline_formset([]),
        "related_articles": inline_formset([]),
        "action-publish": "publish",
    }
    data.update(overrides)
    return nested_form_data(data)


def test_editor_publishes_an_article_that_visitors_can_read(editor_client, client, demo_content):
    section = demo_content.sections["vi"][0]
    response = editor_client.post(f"/admin/pages/add/news/newspage/{section.pk}/", article_form())
    assert response.status_code == 302, response.content.decode()[:2000]
    page = NewsPage.objects.get(slug="don-doan-cong-tac-hua-phan")
    assert page.live and page.locale.language_code == "vi"
    html = editor_client.get(page.url).content.decode()
    assert "Tỉnh Sơn La đón đoàn công tác tỉnh Hủa Phăn" in html
    assert "Thứ Sáu, 20/11/2026 09:30 | GMT+7" in html
    assert "Tỉnh Sơn La đón đoàn công tác tỉnh Hủa Phăn" in editor_client.get(section.url).content.decode()


def test_main_image_without_alt_text_is_refused_in_the_admin(editor_client, demo_content):
    image = Image.objects.create(title="Cửa khẩu Chiềng Khương", file=get_test_image_file())
    section = demo_content.sections["vi"][0]
    response = editor_client.post(
        f"/admin/pages/add/news/newspage/{section.pk}/", article_form(image=image.pk)
    )
    assert response.status_code == 200
    assert "Add alt text describing the main image, or mark it as decorative." in response.content.decode()
    assert not NewsPage.objects.filter(slug="don-doan-cong-tac-hua-phan").exists()

    response = editor_client.post(
        f"/admin/pages/add/news/newspage/{section.pk}/",
        article_form(image=image.pk, image_alt="Cổng cửa khẩu quốc tế Chiềng Khương"),
    )
    assert response.status_code == 302
    page = NewsPage.objects.get(slug="don-doan-cong-tac-hua-phan")
    assert 'alt="Cổng cửa khẩu quốc tế Chiềng Khương"' in editor_client.get(page.url).content.decode()
