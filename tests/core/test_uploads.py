"""Uploads through the admin: the content must match the name, and the size the limit."""

import io
import zipfile
from html import unescape

import pytest
from django.contrib.auth import get_user_model
from django.core.files.uploadedfile import SimpleUploadedFile
from django.utils import translation
from django.utils.translation import gettext
from PIL import Image as PILImage
from wagtail.documents.models import Document
from wagtail.images.models import Image
from wagtail.models import Collection

MISMATCH_VI = "Nội dung tệp này không phải là tệp .{}. Hãy lưu tài liệu đúng định dạng đó rồi tải lên lại."
MB = 1024 * 1024


@pytest.fixture
def editor_client(client, db):
    user = get_user_model().objects.create_superuser("bientap", "bientap@sonla.gov.vn", "mat-khau-thu")
    client.force_login(user)
    return client


def png_bytes(padding=0):
    buffer = io.BytesIO()
    PILImage.new("RGB", (40, 30), "#2a6f97").save(buffer, "PNG")
    # Bytes after the image's end are ignored by image readers but count towards the size.
    return buffer.getvalue() + b"\0" * padding


def zip_bytes(members):
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        for name, data in members.items():
            archive.writestr(name, data)
    return buffer.getvalue()


def upload(client, kind, name, content):
    """Post ``content`` as file ``name`` to the admin's "add" form for ``kind``
    ("documents" or "images")."""
    title = {"documents": "Báo cáo", "images": "Ảnh"}[kind]
    return client.post(
        f"/admin/{kind}/add/",
        {
            "title": title,
            "file": SimpleUploadedFile(name, content),
            "collection": Collection.get_first_root_node().pk,
            "tags": "",
        },
    )


def vietnamese(message, **params):
    with translation.override("vi"):
        return gettext(message) % params if params else gettext(message)


ACCEPTED_DOCUMENTS = [
    ("bao-cao.pdf", b"%PDF-1.7\n1 0 obj << >> endobj\ntrailer << >>\n%%EOF\n"),
    ("so-lieu.csv", "Huyện,Dân số\nMộc Châu,115000\n".encode()),
    ("ghi-chu.txt", "Sơn La – ສະບາຍດີ".encode()),
    ("ke-hoach.docx", zip_bytes({"[Content_Types].xml": "<Types/>", "word/document.xml": "<w:document/>"})),
    ("bang.xlsx", zip_bytes({"[Content_Types].xml": "<Types/>", "xl/workbook.xml": "<workbook/>"})),
    ("van-ban.odt", zip_bytes({"mimetype": "application/vnd.oasis.opendocument.text", "content.xml": "<x/>"})),
    ("cong-van.rtf", b"{\\rtf1\\ansi Son La}"),
    ("tai-lieu.zip", zip_bytes({"a.txt": "a"})),
]

REFUSED_DOCUMENTS = [
    ("bao-cao.pdf", b"MZ\x90\x00\x03" + b"\0" * 200, "pdf"),  # a Windows program
    ("bao-cao.pdf", b"<html><script>alert(1)</script></html>", "pdf"),
    ("ke-hoach.docx", zip_bytes({"payload.exe": "MZ"}), "docx"),
    ("ke-hoach.docx", b"%PDF-1.4 not a word file", "docx"),
    ("van-ban.odt", zip_bytes({"mimetype": "application/x-msdownload"}), "odt"),
    ("ghi-chu.txt", b"\x7fELF\x02\x01\x01\0\0\0\0\0", "txt"),
    ("so-lieu.csv", bytes(range(256)), "csv"),
    ("tai-lieu.zip", b"PK not really a zip", "zip"),
]


@pytest.mark.parametrize("name, content", ACCEPTED_DOCUMENTS, ids=[n for n, _ in ACCEPTED_DOCUMENTS])
def test_genuine_documents_are_accepted(editor_client, name, content):
    response = upload(editor_client, "documents", name, content)
    assert response.status_code == 302, response.content.decode()[:500]
    assert Document.objects.filter(file__startswith=f"documents/{name.rsplit('.', 1)[0]}").exists()


@pytest.mark.parametrize(
    "name, content, extension", REFUSED_DOCUMENTS, ids=[f"{n}-{i}" for i, (n, _, _) in enumerate(REFUSED_DOCUMENTS)]
)
def test_documents_whose_content_does_not_match_their_name_are_refused(editor_client, name, content, extension):
    before = Document.objects.count()
    response = upload(editor_client, "documents", name, content)
    assert response.status_code == 200
    assert MISMATCH_VI.format(extension) in response.content.decode()
    assert Document.objects.count() == before


def test_multiple_upload_refuses_a_disguised_document_with_the_message(editor_client):
    response = editor_client.post(
        "/admin/documents/multiple/add/",
        {"files[]": SimpleUploadedFile("bao-cao.pdf", b"MZ\x90\x00" + b"\0" * 64)},
    )
    assert response.status_code == 200
    data = response.json()
    assert data["success"] is False
    assert MISMATCH_VI.format("pdf") in data["error_message"]
    assert not Document.objects.filter(file__startswith="documents/bao-cao").exists()


def test_too_big_document_is_refused(editor_client):
    content = b"%PDF-1.7\n" + b"0" * (20 * MB + 1)
    response = upload(editor_client, "documents", "lon.pdf", content)
    assert response.status_code == 200
    assert message_start(TOO_BIG) in unescape(response.content.decode())
    assert not Document.objects.filter(file__startswith="documents/lon").exists()


def test_document_with_a_forbidden_extension_is_refused(editor_client):
    response = upload(editor_client, "documents", "chuong-trinh.exe", b"MZ\x90\x00")
    assert response.status_code == 200
    assert not Document.objects.filter(file__startswith="documents/chuong-trinh").exists()


def test_genuine_image_is_accepted(editor_client):
    response = upload(editor_client, "images", "doi-che.png", png_bytes())
    assert response.status_code == 302
    assert Image.objects.filter(title="Ảnh").exists()


NOT_AN_IMAGE = "Upload a valid image. The file you uploaded was either not an image or a corrupted image."
WRONG_FORMAT = "Not a valid .%(extension)s image. The extension does not match the file format (%(image_format)s)"
NOT_SUPPORTED = "Not a supported image format. Supported formats: %(supported_formats)s."
TOO_BIG = "This file is too big (%(file_size)s). Maximum filesize %(max_filesize)s."


def message_start(message):
    """The admin's (Vietnamese) wording of ``message`` up to its first placeholder."""
    return vietnamese(message).split("%(")[0].strip()


@pytest.mark.parametrize(
    "name, content, message",
    [
        ("anh.jpg", png_bytes(), WRONG_FORMAT),  # a PNG named .jpg
        ("anh.png", b"<svg xmlns='http://www.w3.org/2000/svg'><script>alert(1)</script></svg>", WRONG_FORMAT),
        ("anh.png", b"MZ\x90\x00" + b"\0" * 100, NOT_AN_IMAGE),
        ("anh.svg", b"<svg xmlns='http://www.w3.org/2000/svg'/>", NOT_SUPPORTED),
        ("anh.png", png_bytes(padding=10 * MB), TOO_BIG),  # over the 10 MB limit
    ],
    ids=["png-named-jpg", "svg-named-png", "program-named-png", "svg", "too-big"],
)
def test_images_that_are_not_what_they_say_or_too_big_are_refused(editor_client, name, content, message):
    response = upload(editor_client, "images", name, content)
    assert response.status_code == 200
    html = unescape(response.content.decode())
    assert message_start(message) in html
    assert not Image.objects.filter(title="Ảnh").exists()
