"""Editors add registers and documents in the Vietnamese admin; the page cache keeps filtered registers."""

import pytest
from django.test import Client
from wagtail.documents import get_document_model
from wagtail.test.utils.form_data import inline_formset, nested_form_data, rich_text

from demo.pdf import write
from official_documents.models import DocumentIndexPage, DocumentType, IssuingBody, OfficialDocumentPage


def document_form(file_id, **overrides):
    data = {
        "title": "Quyết định 4100/QĐ-UBND",
        "slug": "4100-qd-ubnd",
        "number_symbol": "4100/QĐ-UBND",
        "document_type": DocumentType.objects.get(locale__language_code="vi", name="Quyết định").pk,
        "issuing_body": IssuingBody.objects.get(locale__language_code="vi", name="Ủy ban nhân dân tỉnh").pk,
        "document_field": "",
        "issue_date": "2026-11-30",
        "effective_date": "2026-12-01",
        "expiry_date": "",
        "signer_name": "Nguyễn Văn An",
        "signer_position": "Chủ tịch",
        "abstract": "Về việc ban hành quy chế phối hợp quản lý cửa khẩu Chiềng Khương.",
        "body": rich_text(""),
        "replaced_by": "",
        "files": inline_formset([{"document": file_id}], min=1),
        "amendments": inline_formset([]),
        "related_articles": inline_formset([]),
        "action-publish": "publish",
    }
    data.update(overrides)
    return nested_form_data(data)


@pytest.fixture
def pdf_file(db):
    from django.core.files.base import ContentFile

    document = get_document_model()(title="4100/QĐ-UBND")
    document.file.save("4100.pdf", ContentFile(write("4100/QD-UBND", ["Thu nghiem."])), save=False)
    document.save()
    return document


def test_vietnamese_admin_labels_the_document_form(vietnamese_editor, registers):
    response = vietnamese_editor.get(f"/admin/pages/add/official_documents/officialdocumentpage/{registers['vi'].pk}/")
    html = response.content.decode()
    assert response.status_code == 200
    for label in ("Số ký hiệu", "Loại văn bản", "Cơ quan ban hành", "Ngày ban hành", "Ngày có hiệu lực",
                  "Ngày hết hiệu lực", "Trích yếu", "Người ký"):
        assert label in html, label


def test_editor_publishes_a_document_readers_find_in_the_register(vietnamese_editor, registers, pdf_file, client):
    register = registers["vi"]
    response = vietnamese_editor.post(
        f"/admin/pages/add/official_documents/officialdocumentpage/{register.pk}/", document_form(pdf_file.pk)
    )
    assert response.status_code == 302, response.content.decode()[:3000]
    page = OfficialDocumentPage.objects.get(number_symbol="4100/QĐ-UBND")
    assert page.live and page.number_key == " 4100 qd ubnd "
    html = client.get(register.url, {"q": "4100 qd ubnd"}).content.decode()
    assert page.url in html


def test_effective_date_before_issue_is_refused(vietnamese_editor, registers, pdf_file):
    response = vietnamese_editor.post(
        f"/admin/pages/add/official_documents/officialdocumentpage/{registers['vi'].pk}/",
        document_form(pdf_file.pk, effective_date="2026-01-01"),
    )
    assert response.status_code == 200
    assert "Văn bản không thể có hiệu lực trước ngày ban hành." in response.content.decode()


def test_a_register_can_be_added_in_a_section(vietnamese_editor, db):
    from news.models import SectionPage

    section = SectionPage.objects.filter(locale__language_code="vi").first()
    assert DocumentIndexPage in section.specific_class.allowed_subpage_models()
    assert DocumentIndexPage.can_create_at(section)


def test_filtered_register_comes_from_the_page_cache_until_a_publish(settings, registers, by_number):
    settings.PAGE_CACHE_SECONDS = 300
    settings.VISITS_REDIS_URL = ""
    visitor = Client(HTTP_USER_AGENT="Mozilla/5.0 (X11; Linux x86_64) Firefox/140.0", REMOTE_ADDR="198.51.100.12")
    url = registers["en"].url + "?q=3039&status=in-force"
    assert visitor.get(url).get("X-Page-Cache") != "hit"
    assert visitor.get(url).get("X-Page-Cache") == "hit"
    document = by_number("3039/QĐ-UBND", "en")
    document.abstract = "Decision approving the list of procedures handled fully online, revised."
    document.save_revision().publish()
    response = visitor.get(url)
    assert response.get("X-Page-Cache") != "hit"
    assert "revised" in response.content.decode()
