"""Snippets (the site identity) follow the same rules as pages: a source edit is
re-synced and marked, the live translation stays as it was, and an unfinished
translation cannot be published."""

from home.models import SiteIdentity
from translations.status import OUTDATED, PUBLISHED, StatusBoard

from .conftest import put_string, translation_into

NEW_AGENCY = "Ủy ban nhân dân tỉnh Sơn La (cơ quan chủ quản)"
FIELDS = ("portal_name", "agency_name", "address", "phone", "email", "editor_in_charge", "licence")


def identity_row(locale):
    return next(row for row in StatusBoard([locale]).snippet_rows() if row.kind == "site identity")


def test_identity_edit_is_resynced_and_translated_without_vietnamese_going_live(clients, client, locales):
    vietnamese = SiteIdentity.objects.get(locale=locales.vi)
    english = SiteIdentity.objects.get(locale=locales.en)
    english_agency = english.agency_name
    assert identity_row(locales.en).status == PUBLISHED

    data = {name: getattr(vietnamese, name) for name in FIELDS}
    data["agency_name"] = NEW_AGENCY
    response = clients.editor.post(f"/admin/snippets/home/siteidentity/edit/{vietnamese.pk}/", data)
    assert response.status_code == 302, response.content.decode()[:2000]

    for locale in (locales.en, locales.lo):
        row = identity_row(locale)
        assert row.status == OUTDATED and row.total - row.translated == 1
    english.refresh_from_db()
    assert english.agency_name == english_agency
    footer = client.get("/en/").content.decode()
    assert english_agency.replace("'", "&#x27;") in footer and NEW_AGENCY not in footer

    # Publishing the unfinished translation would show the Vietnamese name: refused.
    edit_url = f"/admin/snippets/home/siteidentity/edit/{english.pk}/"
    response = clients.translator_en.post(edit_url, {"action": "publish"}, follow=True)
    assert "Not published" in response.content.decode()
    english.refresh_from_db()
    assert english.agency_name == english_agency

    translation = translation_into(vietnamese, locales.en)
    segment = translation.source.stringsegment_set.get(context__path="agency_name")
    assert put_string(clients.translator_en, translation, segment, "People's Committee of Son La Province (owner)").status_code == 201
    assert clients.translator_en.post(edit_url, {"action": "publish"}).status_code == 302
    english.refresh_from_db()
    assert english.agency_name == "People's Committee of Son La Province (owner)"
    assert identity_row(locales.en).status == PUBLISHED
    assert identity_row(locales.lo).status == OUTDATED
