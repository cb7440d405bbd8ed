"""Checks on uploaded documents: the content must be what the name says.

Wagtail already limits documents to ``WAGTAILDOCS_EXTENSIONS`` and a size
(``WAGTAILDOCS_MAX_UPLOAD_SIZE``), and opens every uploaded image to check
that its content matches its extension. For documents it looks at the name
only; ``DocumentForm`` (``WAGTAILDOCS_DOCUMENT_FORM_BASE``) also reads the
first bytes, so a program or a web page renamed ``report.pdf`` is refused
with a message saying what is wrong.
"""

import zipfile

from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _
from wagtail.documents.forms import BaseDocumentForm

# How much of a text file is read to decide that it is text.
TEXT_SAMPLE_BYTES = 64 * 1024

# Office Open XML files are zip archives holding this part.
OOXML_MAIN_PART = {
    "docx": "word/document.xml",
    "xlsx": "xl/workbook.xml",
    "pptx": "ppt/presentation.xml",
}
# OpenDocument files are zip archives whose "mimetype" member names the type.
OPENDOCUMENT_TYPES = {
    "odt": b"application/vnd.oasis.opendocument.text",
    "ods": b"application/vnd.oasis.opendocument.spreadsheet",
}


def _head(uploaded, size):
    uploaded.seek(0)
    data = uploaded.read(size)
    uploaded.seek(0)
    return data


def _zip_names(uploaded):
    """The member names of a zip archive, or None if ``uploaded`` is not one."""
    uploaded.seek(0)
    try:
        with zipfile.ZipFile(uploaded) as archive:
            return set(archive.namelist())
    except (zipfile.BadZipFile, OSError, ValueError):
        return None
    finally:
        uploaded.seek(0)


def _is_text(uploaded):
    sample = _head(uploaded, TEXT_SAMPLE_BYTES)
    if sample.startswith((b"\xff\xfe", b"\xfe\xff")):
        return True  # UTF-16 with a byte order mark
    if b"\0" in sample:
        return False
    # A multi-byte character may be cut at the end of the sample.
    try:
        sample.decode("utf-8")
    except UnicodeDecodeError as error:
        return error.start >= len(sample) - 3
    return True


def _is_opendocument(uploaded, expected):
    uploaded.seek(0)
    try:
        with zipfile.ZipFile(uploaded) as archive:
            return archive.read("mimetype").strip() == expected
    except (zipfile.BadZipFile, KeyError, OSError, ValueError):
        return False
    finally:
        uploaded.seek(0)


def content_matches_extension(uploaded, extension):
    """Whether the bytes of ``uploaded`` are a file of type ``extension``."""
    extension = extension.lower()
    if extension == "pdf":
        return _head(uploaded, 1024).lstrip(b"\r\n\t ").startswith(b"%PDF-")
    if extension == "rtf":
        return _head(uploaded, 5) == b"{\\rtf"
    if extension in ("txt", "csv"):
        return _is_text(uploaded)
    if extension in OOXML_MAIN_PART:
        return OOXML_MAIN_PART[extension] in (_zip_names(uploaded) or ())
    if extension in OPENDOCUMENT_TYPES:
        return _is_opendocument(uploaded, OPENDOCUMENT_TYPES[extension])
    if extension == "zip":
        return _zip_names(uploaded) is not None
    # An extension added to WAGTAILDOCS_EXTENSIONS without a check here.
    return False


class DocumentForm(BaseDocumentForm):
    """Wagtail's document form, refusing files whose content is not what their name says."""

    def clean_file(self):
        uploaded = self.cleaned_data.get("file")
        if not uploaded or "file" not in self.changed_data:
            return uploaded
        extension = uploaded.name.rsplit(".", 1)[-1].lower() if "." in uploaded.name else ""
        if not content_matches_extension(uploaded, extension):
            raise ValidationError(
                _(
                    "The content of this file is not a .%(extension)s file. Save the document in "
                    "that format and upload it again."
                ),
                code="content_does_not_match_extension",
                params={"extension": extension},
            )
        return uploaded
