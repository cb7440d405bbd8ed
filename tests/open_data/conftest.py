"""Fixtures of the open-data tests: an API client, and content no visitor may see."""

import json
from types import SimpleNamespace

import pytest
from django.test import Client
from wagtail.models import Collection, CollectionViewRestriction, Locale, PageViewRestriction

from tests.articles import new_article

HIDDEN = SimpleNamespace(
    draft="Banthaochuadang",
    private="Trangriengtu",
    private_child="Baidangduoitrangrieng",
    translation="Bandichchuaxuatban",
    document="Tailieumatkhau",
)


@pytest.fixture(autouse=True)
def _no_rate_limit(settings):
    # Sweeps send thousands of requests from one address; the limit has its own test.
    settings.OPEN_DATA_RATE_LIMIT = 0


@pytest.fixture
def api():
    """A client reading JSON: ``api.json(url, **params)`` asserts a 200 and returns the data."""
    client = Client()

    def get_json(url, expect=200, **params):
        response = client.get(url, params)
        assert response.status_code == expect, (url, params, response.content[:500])
        return json.loads(response.content)

    client.json = get_json
    return client


@pytest.fixture
def hidden_content(demo_content, django_user_model):
    """A draft, a private page with an article under it, an unpublished translation, a private document."""
    from django.core.files.base import ContentFile
    from wagtail.documents import get_document_model

    section = demo_content.sections["vi"][0]
    draft = new_article(section, HIDDEN.draft, live=False)
    live_with_draft = demo_content.articles["vi"][1]
    live_with_draft.title = f"{HIDDEN.draft} revision"
    live_with_draft.save_revision()
    private = new_article(section, HIDDEN.private)
    PageViewRestriction.objects.create(page=private, restriction_type=PageViewRestriction.LOGIN)
    private_section = demo_content.sections["vi"][1]
    child = new_article(private_section, HIDDEN.private_child)
    PageViewRestriction.objects.create(
        page=private_section, restriction_type=PageViewRestriction.PASSWORD, password="mat-khau"
    )
    source = new_article(section, "Bainguondedich")
    english = source.copy_for_translation(Locale.objects.get(language_code="en"), copy_parents=True)
    english.title = HIDDEN.translation
    english.save_revision()
    root = Collection.get_first_root_node()
    secret_collection = root.add_child(name="Noi bo")
    CollectionViewRestriction.objects.create(
        collection=secret_collection, restriction_type=CollectionViewRestriction.LOGIN
    )
    uploader = django_user_model.objects.create_user("nguoitai", "nguoitai@sonla.gov.vn", "x")
    document = get_document_model()(title=HIDDEN.document, collection=secret_collection, uploaded_by_user=uploader)
    document.file.save("noi-bo.txt", ContentFile(b"noi bo"), save=True)
    return SimpleNamespace(
        draft=draft, private=private, private_child=child, private_section=private_section,
        source=source, english=english, document=document, uploader=uploader,
    )
