"""Publishing a Vietnamese page starts draft translations; visitors never see them."""

from django.core import mail
from wagtail.models import Page
from wagtail_localize.models import Translation

from news.models import NewsPage, SectionPage

from .conftest import make_article


def translations_of(page):
    return Translation.objects.filter(source__object_id=page.translation_key)


def test_publishing_a_vietnamese_article_starts_english_and_lao_drafts(new_article, locales):
    page = new_article()
    assert {t.target_locale.language_code for t in translations_of(page)} == {"en", "lo"}
    for locale in (locales.en, locales.lo):
        target = page.get_translation(locale)
        assert not target.live
        assert target.alias_of_id is None
        # The draft sits in its own language's tree, under the translated section.
        assert target.get_parent().locale == locale
        assert target.get_parent().live


def test_visitors_never_see_the_draft_or_its_vietnamese_text(client, new_article, demo_content, locales):
    page = new_article()
    for locale in (locales.en, locales.lo):
        target = page.get_translation(locale).specific
        assert target.title == page.title  # still the Vietnamese fallback, hence never served
        assert client.get(target.url).status_code == 404
        section = target.get_parent()
        assert page.title not in client.get(section.url).content.decode()
        home = demo_content.homes[locale.language_code]
        assert page.title not in client.get(home.url).content.decode()
    assert client.get(page.url).status_code == 200


def test_republishing_creates_nothing_twice(new_article, django_capture_on_commit_callbacks):
    page = new_article()
    pages_before = Page.objects.count()
    with django_capture_on_commit_callbacks(execute=True):
        page.save_revision().publish()
        page.save_revision().publish()
    assert Page.objects.count() == pages_before
    assert translations_of(page).count() == 2


def test_a_setting_turns_automatic_drafts_off(settings, new_article, locales):
    settings.TRANSLATIONS_AUTO_DRAFTS = False
    page = new_article()
    assert not translations_of(page).exists()
    assert page.get_translation_or_none(locales.en) is None


def test_an_untranslated_section_is_drafted_first_never_aliased(settings, demo_content, locales,
                                                                django_capture_on_commit_callbacks):
    """Wagtail would copy a missing parent as a live alias showing Vietnamese text."""
    settings.TRANSLATIONS_AUTO_DRAFTS = False
    section = SectionPage(title="Hợp tác biên giới", slug="hop-tac-bien-gioi")
    demo_content.homes["vi"].add_child(instance=section)
    section.save_revision().publish()
    settings.TRANSLATIONS_AUTO_DRAFTS = True

    page = NewsPage(title="Tuần tra song phương", slug="tuan-tra-song-phuong", lead="Tin ngắn.")
    section.add_child(instance=page)
    with django_capture_on_commit_callbacks(execute=True):
        page.save_revision().publish()

    for locale in (locales.en, locales.lo):
        translated_section = section.get_translation(locale)
        assert translated_section.alias_of_id is None
        assert not translated_section.live
        assert page.get_translation(locale).get_parent().pk == translated_section.pk
    assert not Page.objects.filter(alias_of=section).exists()


def test_translators_of_each_language_are_told_and_nobody_else(users, locales, new_article):
    page = new_article(user=users.moderator)
    recipients = sorted(address for message in mail.outbox for address in message.to)
    assert recipients == ["translator_en@example.com", "translator_en_2@example.com", "translator_lo@example.com"]
    by_recipient = {message.to[0]: message for message in mail.outbox}
    english = by_recipient["translator_en@example.com"]
    assert page.title in english.subject
    assert "English" in english.subject
    en_draft = page.get_translation(locales.en)
    assert f"/admin/pages/{en_draft.pk}/edit/" in english.body
    assert "English" not in by_recipient["translator_lo@example.com"].subject


def test_drafts_and_mail_wait_for_the_publish_to_commit(users, demo_content, locales,
                                                       django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=False) as callbacks:
        page = make_article(demo_content.sections["vi"][0], user=users.moderator)
    assert page.get_translation_or_none(locales.en) is None
    assert mail.outbox == []
    with django_capture_on_commit_callbacks(execute=True):  # the commit
        for callback in callbacks:
            callback()
    assert not page.get_translation(locales.en).live
    assert len(mail.outbox) == 3
