"""Fixtures of the register tests: the demo register in each language, and a fresh document."""

import pytest

from official_documents.models import DocumentIndexPage, OfficialDocumentPage


@pytest.fixture
def registers(db):
    """{language code: the demo's live documents register}."""
    return {
        page.locale.language_code: page
        for page in DocumentIndexPage.objects.live().select_related("locale")
    }


@pytest.fixture
def by_number(db):
    def find(number, language="vi"):
        return OfficialDocumentPage.objects.live().get(number_symbol=number, locale__language_code=language)

    return find
