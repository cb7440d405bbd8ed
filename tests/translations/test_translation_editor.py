"""What wagtail-localize's editor is given, through the admin's HTTP views.

The React editor renders the ``data-props`` the page carries, and the
portal's footer is plain HTML: both are read here as the browser gets them.
"""

import html
import json
import re

import pytest

from news.models import NewsPage

from .conftest import put_string, translation_into

pytestmark = pytest.mark.django_db

STATISTICS = {
    "type": "statistics",
    "id": "11111111-2222-4333-8444-555555555555",
    "value": {
        "heading": "Kết quả cải cách hành chính",
        "figures": [
            {"type": "item", "id": "aaaaaaaa-0000-4000-8000-000000000001",
             "value": {"value": "98.5", "unit": "%", "label": "Hồ sơ giải quyết đúng hạn",
                       "source": "Văn phòng Ủy ban nhân dân tỉnh", "as_of": None}},
            {"type": "item", "id": "aaaaaaaa-0000-4000-8000-000000000002",
             "value": {"value": "1250", "unit": "hồ sơ", "label": "Hồ sơ trực tuyến",
                       "source": "Sở Nội vụ tỉnh Sơn La", "as_of": None}},
        ],
    },
}


@pytest.fixture
def statistics_article(demo_content, django_capture_on_commit_callbacks):
    section = demo_content.sections["vi"][0]
    page = NewsPage(title="Sơn La công bố chỉ số cải cách hành chính", slug="chi-so-cai-cach-hanh-chinh",
                    lead="Kết quả năm 2026.", body=[STATISTICS])
    with django_capture_on_commit_callbacks(execute=True):
        section.add_child(instance=page)
        page.save_revision().publish()
    return NewsPage.objects.get(pk=page.pk)


def editor_page(client, page):
    response = client.get(f"/admin/pages/{page.pk}/edit/")
    assert response.status_code == 200
    return response.content.decode()


def editor_props(content):
    match = re.search(r'class="js-translation-editor" data-props="([^"]*)"', content)
    return json.loads(html.unescape(match.group(1)))


def lao_target(page, locales):
    translation = translation_into(page, locales.lo)
    return translation, translation.get_target_instance()


def test_each_statistics_string_has_its_own_label(clients, locales, statistics_article):
    _, lao_page = lao_target(statistics_article, locales)
    props = editor_props(editor_page(clients.translator_lo, lao_page))
    labels = {
        segment["source"]: (segment["location"]["field"], segment["location"]["subField"])
        for segment in props["segments"]
        if segment["contentPath"].startswith("body.")
    }
    assert labels["Kết quả cải cách hành chính"] == ("Statistics", "Heading")
    assert labels["%"] == ("Statistics", "Figure 1 › Unit")
    assert labels["Hồ sơ giải quyết đúng hạn"] == ("Statistics", "Figure 1 › Label")
    assert labels["Văn phòng Ủy ban nhân dân tỉnh"] == ("Statistics", "Figure 1 › Source")
    assert labels["hồ sơ"] == ("Statistics", "Figure 2 › Unit")
    assert labels["Sở Nội vụ tỉnh Sơn La"] == ("Statistics", "Figure 2 › Source")


def test_the_vietnamese_admin_labels_statistics_strings_in_vietnamese(clients, users, locales, statistics_article):
    from wagtail.users.models import UserProfile

    UserProfile.objects.filter(user=users.translator_lo).update(preferred_language="vi")
    _, lao_page = lao_target(statistics_article, locales)
    props = editor_props(editor_page(clients.translator_lo, lao_page))
    sub_fields = {segment["source"]: segment["location"]["subField"] for segment in props["segments"]}
    assert sub_fields["Sở Nội vụ tỉnh Sơn La"] == "Số liệu 2 › Nguồn"
    assert len({sub_fields[text] for text in ("hồ sơ", "Hồ sơ trực tuyến", "Sở Nội vụ tỉnh Sơn La")}) == 3


def test_the_translators_footer_leads_with_submit_and_keeps_delete_in_the_menu(clients, locales, statistics_article):
    translation, lao_page = lao_target(statistics_article, locales)
    content = editor_page(clients.translator_lo, lao_page)
    footer = content[content.index("data-translation-footer"):]
    main = re.search(r'<div class="w-dropdown-button">\s*(<button[^>]*>.*?</button>)', footer, re.S).group(1)
    assert "Submit for review" in main
    assert "disabled" in main  # nothing translated yet
    menu = footer[footer.index("w-dropdown__content"):]
    assert f'href="/admin/pages/{lao_page.pk}/delete/"' in menu
    # The React footer, hidden, is not given the destructive actions at all.
    props = editor_props(content)
    assert props["perms"]["canDelete"] is False
    assert props["links"]["convertToAliasUrl"] is None


def footer_main(content):
    footer = content[content.index("data-translation-footer"):]
    return re.search(r'<div class="w-dropdown-button">\s*(<button[^>]*>.*?</button>)', footer, re.S).group(1)


def test_a_live_translation_offers_submitting_until_it_is_in_review(clients, users, demo_content):
    # Live (a demo article's Lao translation): the translator's next step is "Submit for review".
    lao_page = NewsPage.objects.filter(locale__language_code="lo", live=True).order_by("path").first()
    main = footer_main(editor_page(clients.translator_lo, lao_page))
    assert "Submit for review" in main and "disabled" not in main
    # In review it cannot be submitted again: saving a draft is what is left,
    # and the footer does not offer a submit the view would refuse.
    lao_page.get_workflow().start(lao_page, users.translator_lo)
    content = editor_page(clients.translator_lo, NewsPage.objects.get(pk=lao_page.pk))
    assert "Save draft" in footer_main(content)
    assert "Submit for review" not in content[content.index("data-translation-footer"):]


def test_progress_follows_the_strings_saved(clients, locales, statistics_article):
    translation, _ = lao_target(statistics_article, locales)
    url = f"/admin/translations/review/{translation.pk}/progress/"
    before = clients.translator_lo.get(url).json()
    assert before["done"] < before["total"] and before["complete"] is False
    for segment in translation.source.stringsegment_set.select_related("string", "context"):
        value = f"{segment.string.data}-lo" if segment.context.path == "slug" else "ແຂວງຫົວພັນ"
        assert put_string(clients.translator_lo, translation, segment, value).status_code in (200, 201)
    after = clients.translator_lo.get(url).json()
    assert after == {"done": before["total"], "total": before["total"], "complete": True}


def test_progress_is_refused_outside_the_translators_language(clients, locales, statistics_article):
    translation, _ = lao_target(statistics_article, locales)
    response = clients.translator_en.get(f"/admin/translations/review/{translation.pk}/progress/")
    # The admin answers a refusal with a redirect to the dashboard and a message.
    assert response.status_code in (302, 403)
    assert b"done" not in response.content


def test_save_draft_keeps_the_strings_as_a_draft(clients, locales, statistics_article):
    translation, lao_page = lao_target(statistics_article, locales)
    revisions = lao_page.revisions.count()
    response = clients.translator_lo.post(f"/admin/translations/review/{translation.pk}/save/")
    assert response.status_code == 302
    assert lao_page.revisions.count() == revisions + 1
    assert NewsPage.objects.get(pk=lao_page.pk).live is False
