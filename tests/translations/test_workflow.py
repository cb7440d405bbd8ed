"""The whole path, through the admin's views, one role at a time:

editor writes and submits -> moderator publishes -> drafts appear -> Lao
translator translates and submits -> Lao reviewer publishes -> a visitor
reads it at /lo/...
"""

from django.core import mail
from wagtail.models import WorkflowState
from wagtail.test.utils.form_data import inline_formset, nested_form_data, rich_text, streamfield

from news.models import NewsPage
from translations.status import AWAITING_REVIEW, IN_PROGRESS, PUBLISHED, StatusBoard

from .conftest import translate_all, translation_into, workflow_action

LAO_TITLE = "ແຂວງເຊີນລາ ແລະ ແຂວງຫົວພັນ ລົງນາມການຮ່ວມມື"
LAO_SENTENCE = "ສອງແຂວງໄດ້ຕົກລົງເພີ່ມທະວີການແລກປ່ຽນຂໍ້ມູນຂ່າວສານ."


def new_article_form():
    return nested_form_data(
        {
            "title": "Sơn La và Hủa Phăn ký kết hợp tác",
            "slug": "son-la-hua-phan-ky-ket-hop-tac",
            "lead": "Hai tỉnh thống nhất kế hoạch hợp tác năm 2027.",
            "published_at": "2027-03-10 09:00",
            "author": "Minh Anh",
            "image": "",
            "image_alt": "",
            "image_caption": "",
            "body": streamfield([("paragraph", rich_text("<p>Hai tỉnh tăng cường trao đổi thông tin.</p>"))]),
            "topic_links": inline_formset([]),
            "related_articles": inline_formset([]),
            "action-submit": "submit",
        }
    )


def lao_text(segment, language_code):
    if segment.context.path == "slug":
        return "son-la-houaphanh-sign-cooperation"
    if segment.context.path == "title":
        return LAO_TITLE
    return LAO_SENTENCE


def status_of(page, locale):
    return next(row for row in StatusBoard([locale]).page_rows() if row.source.pk == page.pk)


def test_from_vietnamese_draft_to_lao_readers(clients, users, locales, demo_content, client,
                                              django_capture_on_commit_callbacks):
    section = demo_content.sections["vi"][0]

    # The editor writes and submits; nothing is live yet.
    response = clients.editor.post(f"/admin/pages/add/news/newspage/{section.pk}/", new_article_form())
    assert response.status_code == 302, response.content.decode()[:2000]
    page = NewsPage.objects.get(slug="son-la-hua-phan-ky-ket-hop-tac", locale=locales.vi)
    assert not page.live
    assert page.current_workflow_state.workflow.name == "Quy trình duyệt tiếng Việt"
    assert page.get_translation_or_none(locales.lo) is None

    # The moderator approves, which publishes; drafts appear and translators hear of them.
    with django_capture_on_commit_callbacks(execute=True):
        assert workflow_action(clients.moderator, page, "approve").status_code == 302
    page.refresh_from_db()
    assert page.live
    lao_page = page.get_translation(locales.lo)
    assert not lao_page.live
    assert "translator_lo@example.com" in [address for message in mail.outbox for address in message.to]
    assert status_of(page, locales.lo).status == IN_PROGRESS
    assert status_of(page, locales.lo).translated == 0

    # The Lao translator opens wagtail-localize's editor, translates every string and submits.
    editor_page = clients.translator_lo.get(f"/admin/pages/{lao_page.pk}/edit/")
    assert editor_page.status_code == 200
    assert "js-translation-editor" in editor_page.content.decode()
    translation = translation_into(page, locales.lo)
    assert set(translate_all(clients.translator_lo, translation, lao_text)) <= {200, 201}
    response = clients.translator_lo.post(
        f"/admin/translations/review/{translation.pk}/submit/", {"next": "/admin/"}
    )
    assert response.status_code == 302
    lao_page.refresh_from_db()
    assert lao_page.current_workflow_state.workflow.name == "Quy trình duyệt bản dịch tiếng Lào"
    assert not lao_page.live
    assert status_of(page, locales.lo).status == AWAITING_REVIEW

    # Not the English reviewer's call; the Lao reviewer approves, which publishes.
    workflow_action(clients.reviewer_en, lao_page, "approve")
    lao_page.refresh_from_db()
    assert not lao_page.live
    assert workflow_action(clients.reviewer_lo, lao_page, "approve").status_code == 302
    lao_page.refresh_from_db()
    assert lao_page.live
    assert status_of(page, locales.lo).status == PUBLISHED

    # A visitor reads it in Lao, with no Vietnamese text; English is still a draft.
    response = client.get(lao_page.url)
    assert response.status_code == 200
    html = response.content.decode()
    assert LAO_TITLE in html and LAO_SENTENCE in html
    assert "Hai tỉnh tăng cường trao đổi thông tin" not in html
    assert lao_page.url.startswith("/lo/")
    assert client.get(page.get_translation(locales.en).url).status_code == 404


def test_reviewer_asks_for_changes_and_translator_resubmits(clients, locales, new_article):
    page = new_article()
    english = page.get_translation(locales.en)
    translation = translation_into(page, locales.en)
    translate_all(clients.translator_en, translation)
    clients.translator_en.post(f"/admin/translations/review/{translation.pk}/submit/")
    english.refresh_from_db()

    response = workflow_action(clients.reviewer_en, english, "reject", comment="Use the glossary term.")
    assert response.status_code == 302
    english.refresh_from_db()
    assert english.current_workflow_state.status == WorkflowState.STATUS_NEEDS_CHANGES
    row = status_of(page, locales.en)
    assert row.status == IN_PROGRESS and row.changes_requested
    assert str(row.status_label).startswith("Changes requested")

    assert clients.translator_en.post(f"/admin/translations/review/{translation.pk}/submit/").status_code == 302
    english.refresh_from_db()
    assert english.current_workflow_state.status == WorkflowState.STATUS_IN_PROGRESS
    assert status_of(page, locales.en).status == AWAITING_REVIEW


def test_unfinished_translations_are_neither_submitted_nor_published(clients, locales, new_article,
                                                                     django_capture_on_commit_callbacks):
    page = new_article()
    english = page.get_translation(locales.en)
    translation = translation_into(page, locales.en)

    response = clients.translator_en.post(f"/admin/translations/review/{translation.pk}/submit/", follow=True)
    assert "untranslated strings" in response.content.decode()
    english.refresh_from_db()
    assert english.current_workflow_state is None

    # Even a reviewer cannot put Vietnamese fallback text live from the editor.
    with django_capture_on_commit_callbacks(execute=True):
        response = clients.reviewer_en.post(f"/admin/pages/{english.pk}/edit/", {"action": "publish"}, follow=True)
    assert "Not published" in response.content.decode()
    english.refresh_from_db()
    assert not english.live
