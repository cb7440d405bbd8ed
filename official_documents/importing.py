"""Reading an agency's register (CSV or XLSX, one row per document) into documents.

Columns (Vietnamese or English headers; case and accents do not matter):
number (số ký hiệu), title (tiêu đề), type (loại văn bản), issuer (cơ quan
ban hành), field (lĩnh vực), issue_date (ngày ban hành), effective_date
(ngày hiệu lực), expiry_date (ngày hết hiệu lực), signer (người ký),
position (chức vụ), abstract (trích yếu), files (tệp: names separated by
";", found in the files folder). Dates are dd/mm/yyyy or yyyy-mm-dd.

A document is found again by number and issuer, so importing the same
register twice changes nothing the second time. A bad row is reported with
its reason and the import goes on with the next one. Types, issuers and
fields unknown so far are created (in Vietnamese). Files go through the
same checks as an upload in the admin (``core.uploads``).
"""

import csv
import datetime
from dataclasses import dataclass, field
from pathlib import Path

from django.conf import settings
from django.core.files import File
from django.db import transaction
from wagtail.documents import get_document_model
from wagtail.models import Locale

from core.uploads import content_matches_extension
from search.normalize import fold, slugify

from .models import DocumentField, DocumentFile, DocumentType, IssuingBody, OfficialDocumentPage

HEADERS = {
    "number": ("number", "so ky hieu", "so hieu", "so"),
    "title": ("title", "tieu de", "ten van ban"),
    "type": ("type", "loai van ban", "loai"),
    "issuer": ("issuer", "co quan ban hanh", "noi ban hanh"),
    "field": ("field", "linh vuc"),
    "issue_date": ("issue_date", "issue date", "ngay ban hanh"),
    "effective_date": ("effective_date", "effective date", "ngay hieu luc", "ngay co hieu luc"),
    "expiry_date": ("expiry_date", "expiry date", "ngay het hieu luc"),
    "signer": ("signer", "nguoi ky"),
    "position": ("position", "chuc vu"),
    "abstract": ("abstract", "trich yeu"),
    "files": ("files", "file", "tep", "tep dinh kem"),
}
REQUIRED = ("number", "type", "issuer", "issue_date", "abstract")
DATE_FORMATS = ("%d/%m/%Y", "%Y-%m-%d", "%d-%m-%Y", "%d.%m.%Y")


class RowError(Exception):
    pass


@dataclass
class Outcome:
    line: int
    number: str
    result: str  # created, updated, unchanged, error
    message: str = ""


@dataclass
class Report:
    rows: list = field(default_factory=list)

    def count(self, result):
        return sum(1 for row in self.rows if row.result == result)


def _column(header):
    folded = " ".join(fold(str(header or "")).replace("_", " ").split())
    for name, names in HEADERS.items():
        if folded in {" ".join(n.replace("_", " ").split()) for n in names}:
            return name
    return None


def read_rows(path):
    """(line number, {column: text}) for every row of a CSV or XLSX file."""
    path = Path(path)
    if path.suffix.lower() == ".xlsx":
        from openpyxl import load_workbook

        sheet = load_workbook(path, read_only=True, data_only=True).active
        table = [list(row) for row in sheet.iter_rows(values_only=True)]
    else:
        with open(path, newline="", encoding="utf-8-sig") as handle:
            table = list(csv.reader(handle))
    if not table:
        return []
    columns = [_column(header) for header in table[0]]
    rows = []
    for line, values in enumerate(table[1:], start=2):
        row = {}
        for name, value in zip(columns, values):
            if name:
                row[name] = value
        if any(value not in (None, "") for value in row.values()):
            rows.append((line, row))
    return rows


def _text(row, name):
    value = row.get(name)
    if isinstance(value, (datetime.date, datetime.datetime)):
        return value
    return " ".join(str(value).split()) if value is not None else ""


def _date(row, name, required=True):
    value = row.get(name)
    if isinstance(value, datetime.datetime):
        return value.date()
    if isinstance(value, datetime.date):
        return value
    text = _text(row, name)
    if not text:
        if required:
            raise RowError(f"{name}: missing")
        return None
    for fmt in DATE_FORMATS:
        try:
            return datetime.datetime.strptime(text, fmt).date()
        except ValueError:
            continue
    raise RowError(f"{name}: not a date: {text!r}")


def _snippet(model, name, locale):
    found = model.objects.filter(locale=locale, name__iexact=name).first()
    if found is None:
        for candidate in model.objects.filter(locale=locale):
            if fold(candidate.name) == fold(name):
                return candidate
        found = model(locale=locale, name=name)
        found.save()
    return found


def _files(row, folder):
    names = [name.strip() for name in _text(row, "files").split(";") if name.strip()]
    paths = []
    for name in names:
        path = (folder / name).resolve()
        if folder.resolve() not in path.parents or not path.is_file():
            raise RowError(f"files: {name!r} is not in {folder}")
        extension = path.suffix.lower().lstrip(".")
        if extension not in settings.WAGTAILDOCS_EXTENSIONS:
            raise RowError(f"files: {name!r}: .{extension} files are not accepted")
        if path.stat().st_size > settings.WAGTAILDOCS_MAX_UPLOAD_SIZE:
            raise RowError(f"files: {name!r} is too large")
        with open(path, "rb") as handle:
            if not content_matches_extension(handle, extension):
                raise RowError(f"files: the content of {name!r} is not a .{extension} file")
        paths.append(path)
    if not paths:
        raise RowError("files: no file named")
    return paths


def _stored_document(path):
    Document = get_document_model()
    title = path.name
    existing = Document.objects.filter(title=title).first()
    if existing is not None and existing.file_size == path.stat().st_size:
        return existing
    document = Document(title=title)
    with open(path, "rb") as handle:
        document.file.save(path.name, File(handle), save=False)
    document._set_document_file_metadata()
    document.save()
    return document


def import_row(register, row, folder, dry_run):
    locale = Locale.get_default()
    values = {name: _text(row, name) for name in HEADERS if not name.endswith("date")}
    for name in REQUIRED:
        if name not in ("issue_date",) and not values.get(name):
            raise RowError(f"{name}: missing")
    issue_date = _date(row, "issue_date")
    effective_date = _date(row, "effective_date", required=False) or issue_date
    expiry_date = _date(row, "expiry_date", required=False)
    if effective_date < issue_date:
        raise RowError("effective_date: before the issue date")
    if expiry_date and expiry_date <= effective_date:
        raise RowError("expiry_date: not after the effective date")
    if len(values["number"]) > 100 or len(values["abstract"]) > 2000:
        raise RowError("number or abstract: too long")
    paths = _files(row, folder)
    issuer_name = values["issuer"]
    existing = (
        OfficialDocumentPage.objects.filter(locale=locale, number_symbol=values["number"])
        .select_related("issuing_body")
        .filter(issuing_body__name__iexact=issuer_name)
        .first()
    )
    if dry_run:
        return "updated" if existing else "created"
    with transaction.atomic():
        fields = {
            "title": values["title"] or f"{values['type']} {values['number']}",
            "number_symbol": values["number"],
            "document_type": _snippet(DocumentType, values["type"], locale),
            "issuing_body": existing.issuing_body if existing else _snippet(IssuingBody, issuer_name, locale),
            "document_field": _snippet(DocumentField, values["field"], locale) if values["field"] else None,
            "issue_date": issue_date,
            "effective_date": effective_date,
            "expiry_date": expiry_date,
            "signer_name": values["signer"],
            "signer_position": values["position"],
            "abstract": values["abstract"],
        }
        documents = [_stored_document(path) for path in paths]
        page = existing or OfficialDocumentPage(slug=_free_slug(register, values["number"]), locale=locale)
        changed = existing is None
        for name, value in fields.items():
            if getattr(page, name, None) != value:
                setattr(page, name, value)
                changed = True
        if [link.document_id for link in page.files.all()] != [document.pk for document in documents]:
            page.files = [DocumentFile(document=document, sort_order=i) for i, document in enumerate(documents)]
            changed = True
        if not changed:
            return "unchanged"
        if existing is None:
            register.add_child(instance=page)
        page.save_revision().publish()
        return "created" if existing is None else "updated"


def _free_slug(register, number):
    base = slugify(number.replace("/", "-")) or "van-ban"
    slug, n = base, 1
    while register.get_children().filter(slug=slug).exists():
        n += 1
        slug = f"{base}-{n}"
    return slug


def run(path, folder, register, dry_run=False):
    report = Report()
    folder = Path(folder)
    for line, row in read_rows(path):
        number = _text(row, "number")
        try:
            result = import_row(register, row, folder, dry_run)
            report.rows.append(Outcome(line, number, result))
        except RowError as error:
            report.rows.append(Outcome(line, number, "error", str(error)))
        except Exception as error:  # noqa: BLE001 - one broken row must not stop the register
            report.rows.append(Outcome(line, number, "error", f"{type(error).__name__}: {error}"))
    return report


def write_report(report, path):
    with open(path, "w", newline="", encoding="utf-8") as handle:
        writer = csv.writer(handle)
        writer.writerow(["line", "number", "result", "message"])
        for row in report.rows:
            writer.writerow([row.line, row.number, row.result, row.message])
