"""Roles really hold: each person works only in their own language and step.

Forbidden actions are refused (403, or Wagtail's redirect away from the
editor) and change nothing.
"""

import io

import pytest
from django.contrib.auth import get_user_model
from django.core.management import call_command
from django.test import Client
from wagtail.models import GroupPagePermission, Page, Workflow, WorkflowPage
from wagtail.test.utils.form_data import inline_formset, nested_form_data, streamfield
from wagtail_localize.models import StringTranslation

from home.models import SiteIdentity

from .conftest import put_string, translation_into


def refused(response):
    """403, or Wagtail's answer to PermissionDenied in the admin: back to the dashboard."""
    return response.status_code == 403 or (response.status_code == 302 and response["Location"] == "/admin/")


def article_form(page, **overrides):
    data = {
        "title": page.title, "slug": page.slug, "lead": page.lead,
        "published_at": page.published_at.strftime("%Y-%m-%d %H:%M"), "author": page.author,
        "image": "", "image_alt": "", "image_caption": "", "body": streamfield([]), "topic_links": inline_formset([]),
        "related_articles": inline_formset([]),
    }
    data.update(overrides)
    return nested_form_data(data)


def edit(client, page):
    return client.get(f"/admin/pages/{page.pk}/edit/")


def test_setup_roles_is_idempotent_and_scopes_every_group_to_one_tree(demo_content):
    call_command("setup_roles", stdout=io.StringIO())
    counts = (GroupPagePermission.objects.count(), Workflow.objects.count(), WorkflowPage.objects.count())
    call_command("setup_roles", stdout=io.StringIO())
    assert (GroupPagePermission.objects.count(), Workflow.objects.count(), WorkflowPage.objects.count()) == counts
    # Wagtail's default Editors and Moderators start with rights on the tree root (every language).
    assert not GroupPagePermission.objects.filter(page__depth=1).exists()
    homes = {
        perm.group.portal_role.key: perm.page
        for perm in GroupPagePermission.objects.select_related("group__portal_role", "page")
    }
    assert homes["editor"] == homes["moderator"] == demo_content.homes["vi"].page_ptr
    assert homes["translator_en"] == homes["reviewer_en"] == demo_content.homes["en"].page_ptr
    assert homes["translator_lo"] == homes["reviewer_lo"] == demo_content.homes["lo"].page_ptr


def test_each_language_tree_has_its_own_moderation_workflow(roles, demo_content):
    expected = {
        "vi": ("Quy trình duyệt tiếng Việt", "Kiểm duyệt viên"),
        "en": ("Quy trình duyệt bản dịch tiếng Anh", "Người duyệt bản dịch tiếng Anh"),
        "lo": ("Quy trình duyệt bản dịch tiếng Lào", "Người duyệt bản dịch tiếng Lào"),
    }
    for language, (workflow_name, group) in expected.items():
        article = demo_content.articles[language][0]
        workflow = article.get_workflow()
        assert workflow.name == workflow_name
        [task] = workflow.tasks.specific()
        assert [g.name for g in task.groups.all()] == [group]


def test_english_translator_edits_the_english_tree_only(clients, demo_content):
    assert edit(clients.translator_en, demo_content.articles["en"][0]).status_code == 200
    assert refused(edit(clients.translator_en, demo_content.articles["vi"][0]))
    assert refused(edit(clients.translator_en, demo_content.articles["lo"][0]))


def test_lao_translator_edits_the_lao_tree_only(clients, demo_content):
    assert edit(clients.translator_lo, demo_content.articles["lo"][0]).status_code == 200
    for language in ("vi", "en"):
        page = demo_content.articles[language][0]
        before = page.latest_revision_id
        response = clients.translator_lo.post(
            f"/admin/pages/{page.pk}/edit/", {"title": "ຫົວຂໍ້ໃໝ່", "action-publish": "publish"}
        )
        assert refused(response)
        page.refresh_from_db()
        assert page.latest_revision_id == before and page.title != "ຫົວຂໍ້ໃໝ່"


def test_lao_translator_cannot_change_english_strings(clients, demo_content, locales):
    article = demo_content.articles["vi"][0]
    translation = translation_into(article, locales.en)
    segment = translation.source.stringsegment_set.get(context__path="title")
    before = StringTranslation.objects.get(
        translation_of=segment.string, context=segment.context, locale=locales.en
    ).data
    assert put_string(clients.translator_lo, translation, segment, "hijacked").status_code == 403
    assert StringTranslation.objects.get(
        translation_of=segment.string, context=segment.context, locale=locales.en
    ).data == before
    assert clients.translator_lo.get(
        f"/admin/localize/translate/{translation.pk}/pofile/download/"
    ).status_code == 403


def test_translators_cannot_publish_reviewers_can(clients, demo_content, django_capture_on_commit_callbacks):
    page = demo_content.articles["en"][0]
    live_revision = page.live_revision_id
    response = clients.translator_en.post(f"/admin/pages/{page.pk}/edit/", {"action": "publish"})
    assert refused(response)
    page.refresh_from_db()
    assert page.live_revision_id == live_revision

    assert refused(clients.reviewer_lo.post(f"/admin/pages/{page.pk}/edit/", {"action": "publish"}))
    page.refresh_from_db()
    assert page.live_revision_id == live_revision

    with django_capture_on_commit_callbacks(execute=True):  # wagtail-localize publishes on commit
        response = clients.reviewer_en.post(f"/admin/pages/{page.pk}/edit/", {"action": "publish"})
    assert response.status_code == 302 and response["Location"] == f"/admin/pages/{page.pk}/edit/"
    page.refresh_from_db()
    assert page.live_revision_id != live_revision


def test_editor_cannot_publish_without_approval(clients, demo_content):
    page = demo_content.articles["vi"][0]
    live_revision, live_title = page.live_revision_id, page.title
    response = clients.editor.post(
        f"/admin/pages/{page.pk}/edit/",
        article_form(page, title="Tiêu đề chưa duyệt", **{"action-publish": "publish"}),
    )
    assert response.status_code == 302, response.content.decode()[:3000]
    page.refresh_from_db()
    assert (page.live_revision_id, page.title) == (live_revision, live_title)
    assert not page.permissions_for_user(get_user_model().objects.get(username="editor")).can_publish()


def test_editor_and_moderator_cannot_touch_translations(clients, demo_content):
    for client in (clients.editor, clients.moderator):
        assert edit(client, demo_content.articles["vi"][0]).status_code == 200
        assert refused(edit(client, demo_content.articles["en"][0]))


@pytest.mark.parametrize("language, allowed", [("en", True), ("lo", False), ("vi", False)])
def test_snippets_follow_the_translators_language(clients, locales, language, allowed):
    """Wagtail's snippet permissions are per model; the portal narrows them per locale."""
    identity = SiteIdentity.objects.get(locale=getattr(locales, language))
    response = clients.translator_en.get(f"/admin/snippets/home/siteidentity/edit/{identity.pk}/")
    assert response.status_code == 200 if allowed else refused(response)


def test_snippet_strings_of_another_language_are_refused(clients, locales):
    identity = SiteIdentity.objects.get(locale=locales.vi)
    translation = translation_into(identity, locales.lo)
    segment = translation.source.stringsegment_set.get(context__path="agency_name")
    before = StringTranslation.objects.get(translation_of=segment.string, context=segment.context, locale=locales.lo)
    assert put_string(clients.translator_en, translation, segment, "hijacked").status_code == 403
    assert put_string(clients.translator_lo, translation, segment, before.data + " ").status_code == 200
    before.refresh_from_db()
    assert before.data.endswith(" ")


def signs_in(username, password):
    """Whether the admin's sign-in form lets this user in (as the demo user would sign in)."""
    response = Client().post("/admin/login/", {"username": username, "password": password})
    return response.status_code == 302


def test_demo_users_one_per_role(demo_content, monkeypatch):
    monkeypatch.setenv("PORTAL_DEMO_PASSWORD", "demo-pass-123")
    out = io.StringIO()
    call_command("setup_roles", "--demo-users", stdout=out)
    call_command("setup_roles", "--demo-users", stdout=io.StringIO())  # idempotent
    printed = out.getvalue()
    for username in ("editor", "moderator", "translator-en", "reviewer-en", "translator-lo", "reviewer-lo"):
        assert username in printed
        user = get_user_model().objects.get(username=username)
        assert user.groups.count() == 1 and not user.is_superuser
        assert signs_in(username, "demo-pass-123")
    monkeypatch.delenv("PORTAL_DEMO_PASSWORD")
    out = io.StringIO()
    call_command("setup_roles", "--demo-users", stdout=out)
    generated = out.getvalue().split("translator-lo")[1].split()[0]
    assert signs_in("translator-lo", generated)
    assert Page.objects.filter(locale=demo_content.homes["lo"].locale).exists()


def test_translators_preview_only_their_own_language(clients, demo_content, locales):
    article = demo_content.articles["vi"][0]
    english = translation_into(article, locales.en)
    assert clients.translator_en.get(f"/admin/localize/translate/{english.pk}/preview/").status_code == 200
    assert clients.translator_lo.get(f"/admin/localize/translate/{english.pk}/preview/").status_code == 403


def test_drafts_must_stay_drafts(settings):
    from translations.checks import drafts_stay_drafts

    assert drafts_stay_drafts(None) == []
    settings.WAGTAILLOCALIZE_SYNC_LIVE_STATUS_ON_TRANSLATE = True
    assert [error.id for error in drafts_stay_drafts(None)] == ["translations.E001"]
    settings.TRANSLATIONS_AUTO_DRAFTS = False
    assert drafts_stay_drafts(None) == []


def test_bulk_publishing_cannot_put_a_translation_draft_live(clients, new_article, locales):
    page = new_article()
    english = page.get_translation(locales.en)
    response = clients.reviewer_en.post(
        f"/admin/bulk/wagtailcore/page/publish/?id={english.pk}&next=/admin/", follow=True
    )
    english.refresh_from_db()
    assert not english.live
    assert "Translations are published from the translation editor" in response.content.decode()
