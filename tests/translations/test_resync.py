"""Re-sync without loss: a source edit keeps every translation of unchanged text,
shows only new or changed text as work, and leaves the live translation alone."""

import polib
from django.core import mail
from django.core.files.uploadedfile import SimpleUploadedFile
from wagtail.users.models import UserProfile
from wagtail_localize.models import StringSegment, StringTranslation

from translations.models import OutdatedTranslation
from translations.status import OUTDATED, PUBLISHED, StatusBoard

from .conftest import NEW_LEAD, NEW_PARAGRAPH, edit_source, put_string, translation_into


def snapshot(page, locale):
    """Every StringTranslation of ``page`` into ``locale``: id -> text."""
    return dict(
        StringTranslation.objects.filter(context__object_id=page.translation_key, locale=locale).values_list(
            "pk", "data"
        )
    )


def untranslated(page, locale):
    translation = translation_into(page, locale)
    return sorted(
        StringSegment.objects.filter(source=translation.source)
        .annotate_translation(locale)
        .filter(translation__isnull=True)
        .values_list("string__data", flat=True)
    )


def row_for(page, locale):
    return next(row for row in StatusBoard([locale]).page_rows() if row.source.pk == page.pk)


def test_source_edit_keeps_translations_and_shows_only_the_changes(demo_content, locales):
    page = demo_content.articles["vi"][0]
    before = {locale: snapshot(page, locale) for locale in (locales.en, locales.lo)}
    assert row_for(page, locales.en).status == PUBLISHED

    edit_source(page)

    for locale in (locales.en, locales.lo):
        after = snapshot(page, locale)
        assert after.items() >= before[locale].items()  # nothing lost, nothing rewritten
        assert untranslated(page, locale) == sorted([NEW_LEAD, NEW_PARAGRAPH])
        row = row_for(page, locale)
        assert row.status == OUTDATED
        assert row.since is not None
        assert row.total - row.translated == 2


def test_live_translation_stays_as_reviewed_until_republished(client, demo_content, locales):
    page = demo_content.articles["vi"][0]
    english = demo_content.articles["en"][0]
    assert english.translation_key == page.translation_key
    edit_source(page)
    html = client.get(english.url).content.decode()
    assert english.lead.splitlines()[0] in html
    assert NEW_LEAD not in html and NEW_PARAGRAPH not in html


def test_translating_the_changes_and_publishing_clears_outdated(clients, demo_content, locales,
                                                                 django_capture_on_commit_callbacks):
    page = demo_content.articles["vi"][0]
    edit_source(page)
    translation = translation_into(page, locales.en)
    for segment in StringSegment.objects.filter(source=translation.source).select_related("string"):
        if segment.string.data in (NEW_LEAD, NEW_PARAGRAPH):
            assert put_string(clients.translator_en, translation, segment, f"EN: {segment.string.data}").status_code == 201
    assert untranslated(page, locales.en) == []
    assert row_for(page, locales.en).status == OUTDATED  # translated, but not yet live

    english = page.get_translation(locales.en)
    with django_capture_on_commit_callbacks(execute=True):
        clients.reviewer_en.post(f"/admin/pages/{english.pk}/edit/", {"action": "publish"})
    assert row_for(page, locales.en).status == PUBLISHED
    assert not OutdatedTranslation.objects.filter(object_id=page.translation_key, locale=locales.en).exists()
    assert row_for(page, locales.lo).status == OUTDATED  # Lao still waits


def test_translators_are_told_when_their_text_changes(users, demo_content, django_capture_on_commit_callbacks):
    # Mail follows each translator's admin language: English for one, Vietnamese for the Lao translator.
    profile = UserProfile.get_for_user(users.translator_lo)
    profile.preferred_language = "vi"
    profile.save()
    page = demo_content.articles["vi"][0]
    with django_capture_on_commit_callbacks(execute=True):
        edit_source(page, users.moderator)
    subjects = {message.to[0]: message.subject for message in mail.outbox}
    assert sorted(subjects) == [
        "translator_en@example.com", "translator_en_2@example.com", "translator_lo@example.com",
    ]
    assert subjects["translator_en@example.com"] == f"Translation to update in English: {page.title}"
    assert subjects["translator_lo@example.com"] == f"Bản dịch ພາສາລາວ cần cập nhật: {page.title}"


def test_republishing_unchanged_text_marks_nothing(demo_content, locales):
    page = demo_content.articles["vi"][0].specific
    page.save_revision().publish()
    assert row_for(page, locales.en).status == PUBLISHED
    assert not OutdatedTranslation.objects.filter(object_id=page.translation_key).exists()


def test_po_export_and_import_round_trip_exactly(clients, demo_content, locales):
    page = demo_content.articles["vi"][0]
    translation = translation_into(page, locales.en)
    before = snapshot(page, locales.en)
    download = clients.translator_en.get(f"/admin/localize/translate/{translation.pk}/pofile/download/")
    assert download.status_code == 200
    po = polib.pofile(download.content.decode())
    assert len([entry for entry in po if entry.msgstr]) == len(before)

    upload = SimpleUploadedFile("en.po", download.content, content_type="text/x-gettext-translation")
    response = clients.translator_en.post(
        f"/admin/localize/translate/{translation.pk}/pofile/upload/", {"file": upload, "next": "/admin/"}
    )
    assert response.status_code == 302
    assert snapshot(page, locales.en) == before


def test_a_po_file_from_before_a_source_edit_loses_nothing(clients, demo_content, locales):
    page = demo_content.articles["vi"][0]
    translation = translation_into(page, locales.en)
    old_po = clients.translator_en.get(f"/admin/localize/translate/{translation.pk}/pofile/download/").content
    edit_source(page)
    before = snapshot(page, locales.en)

    # The translator works offline on the old file, adding the new lead by hand.
    po = polib.pofile(old_po.decode())
    po.append(polib.POEntry(msgid=NEW_LEAD, msgctxt="lead", msgstr="New summary of the conference."))
    upload = SimpleUploadedFile("en.po", str(po).encode(), content_type="text/x-gettext-translation")
    clients.translator_en.post(f"/admin/localize/translate/{translation.pk}/pofile/upload/", {"file": upload})

    after = snapshot(page, locales.en)
    assert after.items() >= before.items()
    assert untranslated(page, locales.en) == [NEW_PARAGRAPH]


def test_wagtail_localize_sync_keeps_translations_and_publishes_nothing(clients, demo_content, locales,
                                                                        django_capture_on_commit_callbacks):
    """Its "Publish immediately" option would put Vietnamese text live; the sync itself is kept."""
    page = demo_content.articles["vi"][0].specific
    english = page.get_translation(locales.en)
    live_revision = english.live_revision_id
    before = snapshot(page, locales.en)
    # An edit saved straight to the database, as a data import would: no publish, no automatic re-sync.
    type(page).objects.filter(pk=page.pk).update(lead=NEW_LEAD)
    source = translation_into(page, locales.en).source
    with django_capture_on_commit_callbacks(execute=True):
        response = clients.editor.post(
            f"/admin/localize/update/{source.pk}/", {"publish_translations": "on"}, follow=True
        )
    english.refresh_from_db()
    assert english.live_revision_id == live_revision
    assert "synced but not published" in response.content.decode()
    assert snapshot(page, locales.en).items() >= before.items()
    assert untranslated(page, locales.en) == [NEW_LEAD]
    assert row_for(page, locales.en).status == OUTDATED
