"""A translated page's address: kept from the Vietnamese page unless a translator
sets a valid, free one; never stripped, never published broken or colliding."""

import pytest
from wagtail.models import Page
from wagtail_localize.models import StringSegment, StringTranslation

from .conftest import put_string, translate_all, translation_into


def slug_segment(translation):
    return StringSegment.objects.get(source=translation.source, context__path="slug")


def slug_translation(translation):
    segment = slug_segment(translation)
    return StringTranslation.objects.get(
        translation_of_id=segment.string_id, context_id=segment.context_id, locale=translation.target_locale
    )


def translate_text_only(client, translation):
    """The translator translates every segment but the address, which stays as filled in."""
    code = translation.target_locale.language_code
    for segment in translation.source.stringsegment_set.select_related("string", "context"):
        if segment.context.path != "slug":
            assert put_string(client, translation, segment, f"[{code}] {segment.string.data}").status_code in (200, 201)


@pytest.fixture
def publish_from_editor(django_capture_on_commit_callbacks):
    """The translation editor's "Publish" (wagtail-localize publishes on commit)."""

    def publish(client, page_in_locale):
        with django_capture_on_commit_callbacks(execute=True):
            return client.post(f"/admin/pages/{page_in_locale.pk}/edit/", {"action": "publish"}, follow=True)

    return publish


def target(page, locale):
    return Page.objects.get(translation_key=page.translation_key, locale=locale)


def test_a_new_translation_keeps_the_vietnamese_address(clients, locales, new_article, publish_from_editor):
    page = new_article()
    translation = translation_into(page, locales.lo)
    kept = slug_translation(translation)
    assert kept.data == page.slug and not kept.has_error
    translate_text_only(clients.translator_lo, translation)
    assert translation.get_progress()[0] == translation.get_progress()[1]
    response = publish_from_editor(clients.reviewer_lo, target(page, locales.lo))
    assert response.status_code == 200
    lao = target(page, locales.lo)
    assert lao.live and lao.slug == page.slug
    assert clients.reviewer_lo.get(lao.url).status_code == 200


def test_lao_text_typed_as_the_address_is_refused_with_the_reason_not_stripped(clients, locales, new_article, publish_from_editor):
    page = new_article()
    translation = translation_into(page, locales.lo)
    translate_text_only(clients.translator_lo, translation)
    response = put_string(clients.translator_lo, translation, slug_segment(translation), "ແຂວງຫົວພັນ-2027")
    assert response.status_code == 200
    error = response.json()["error"]
    assert "ແຂວງຫົວພັນ-2027" in error and "a–z" in error
    assert slug_translation(translation).data == "ແຂວງຫົວພັນ-2027"  # kept as typed, for the translator to fix

    response = publish_from_editor(clients.reviewer_lo, target(page, locales.lo))
    html = response.content.decode()
    assert "Not published: the address is not usable." in html
    lao = target(page, locales.lo)
    assert not lao.live and lao.slug == page.slug

    # Submitting for review is refused the same way.
    response = clients.translator_lo.post(f"/admin/translations/review/{translation.pk}/submit/", follow=True)
    assert "the address is not usable" in response.content.decode()
    assert target(page, locales.lo).current_workflow_state is None


def test_an_english_translator_sets_an_english_address(clients, locales, new_article, publish_from_editor):
    page = new_article()
    translation = translation_into(page, locales.en)
    translate_text_only(clients.translator_en, translation)
    response = put_string(clients.translator_en, translation, slug_segment(translation), "Son La Welcomes Houaphanh")
    assert "son-la-welcomes-houaphanh" in response.json()["error"]  # a suggestion, not a silent change
    response = put_string(clients.translator_en, translation, slug_segment(translation), "son-la-welcomes-houaphanh")
    assert response.json()["error"] is None
    publish_from_editor(clients.reviewer_en, target(page, locales.en))
    english = target(page, locales.en)
    assert english.live and english.slug == "son-la-welcomes-houaphanh"
    assert english.url.endswith("/son-la-welcomes-houaphanh/")


def test_an_address_taken_in_the_same_section_is_refused(clients, locales, new_article, demo_content, publish_from_editor):
    page = new_article()
    translation = translation_into(page, locales.en)
    translate_text_only(clients.translator_en, translation)
    english = target(page, locales.en)
    sibling = english.get_siblings(inclusive=False).exclude(slug="").first()
    response = put_string(clients.translator_en, translation, slug_segment(translation), sibling.slug)
    assert sibling.get_admin_display_title() in response.json()["error"]
    publish_from_editor(clients.reviewer_en, english)
    english = target(page, locales.en)
    assert not english.live and english.slug != sibling.slug and not english.slug.endswith("-1")


def test_the_error_is_in_the_translators_admin_language(clients, users, locales, new_article, publish_from_editor):
    from wagtail.users.models import UserProfile

    UserProfile.objects.filter(user=users.translator_lo).update(preferred_language="vi")
    page = new_article()
    translation = translation_into(page, locales.lo)
    response = put_string(clients.translator_lo, translation, slug_segment(translation), "ຫົວພັນ")
    assert "không thể dùng làm đường dẫn rút gọn" in response.json()["error"]


def test_fake_translations_of_every_string_still_publish(clients, locales, new_article, publish_from_editor):
    """The shared helper types "<slug>-lo" as the address: a valid one is accepted."""
    page = new_article()
    translation = translation_into(page, locales.lo)
    assert set(translate_all(clients.translator_lo, translation)) <= {200, 201}
    publish_from_editor(clients.reviewer_lo, target(page, locales.lo))
    assert target(page, locales.lo).slug == f"{page.slug}-lo"


def test_a_translation_keeps_its_address_when_the_vietnamese_one_changes(
    clients, locales, new_article, publish_from_editor, django_capture_on_commit_callbacks
):
    page = new_article()
    translation = translation_into(page, locales.en)
    translate_text_only(clients.translator_en, translation)
    put_string(clients.translator_en, translation, slug_segment(translation), "son-la-welcomes-houaphanh")
    publish_from_editor(clients.reviewer_en, target(page, locales.en))

    page.slug = "son-la-va-hua-phan-ky-ket-hop-tac"
    with django_capture_on_commit_callbacks(execute=True):
        page.save_revision().publish()
    translation.refresh_from_db()
    assert slug_segment(translation).string.data == "son-la-va-hua-phan-ky-ket-hop-tac"
    kept = slug_translation(translation)
    assert kept.data == "son-la-welcomes-houaphanh" and not kept.has_error
    # The Lao page, which kept the Vietnamese address, keeps it too: links to it still work.
    lao = slug_translation(translation_into(page, locales.lo))
    assert lao.data == "hop-tac-hua-phan-2027"
