"""manage.py import_documents: CSV and XLSX registers, dry run, report, idempotence, bad rows."""

import csv
import io

import pytest
from django.core.management import call_command
from openpyxl import Workbook

from demo.pdf import write
from official_documents.models import OfficialDocumentPage

HEADER = ["Số ký hiệu", "Loại văn bản", "Cơ quan ban hành", "Lĩnh vực", "Ngày ban hành", "Ngày hiệu lực",
          "Ngày hết hiệu lực", "Người ký", "Chức vụ", "Trích yếu", "Tệp"]
ROWS = [
    ["501/QĐ-UBND", "Quyết định", "Ủy ban nhân dân tỉnh", "Đối ngoại", "05/01/2026", "05/01/2026", "",
     "Nguyễn Văn A", "Chủ tịch", "Về việc thành lập tổ công tác biên giới", "501.pdf"],
    ["77/TB-SXD", "Thông báo", "Sở Xây dựng", "Xây dựng", "2026-02-10", "", "2026-03-01",
     "Trần Thị B", "Giám đốc", "Thông báo lịch tiếp công dân quý I", "77a.pdf;77b.pdf"],
    ["", "Quyết định", "Ủy ban nhân dân tỉnh", "", "05/01/2026", "", "", "", "", "Thiếu số", "501.pdf"],
    ["9/QĐ-UBND", "Quyết định", "Ủy ban nhân dân tỉnh", "", "31/02/2026", "", "", "", "", "Ngày sai", "501.pdf"],
    ["10/QĐ-UBND", "Quyết định", "Ủy ban nhân dân tỉnh", "", "01/03/2026", "", "", "", "", "Không có tệp", "missing.pdf"],
    ["11/QĐ-UBND", "Quyết định", "Ủy ban nhân dân tỉnh", "", "01/03/2026", "", "", "", "", "Tệp giả", "fake.pdf"],
    ["12/QĐ-UBND", "Quyết định", "Ủy ban nhân dân tỉnh", "", "01/03/2026", "", "", "", "", "Ra ngoài thư mục", "../secret.pdf"],
]


@pytest.fixture
def folder(tmp_path):
    files = tmp_path / "files"
    files.mkdir()
    for name in ("501.pdf", "77a.pdf", "77b.pdf"):
        (files / name).write_bytes(write(name, ["Tệp thử nghiệm."]))
    (files / "fake.pdf").write_bytes(b"MZ\x90\x00 not a pdf")
    (tmp_path / "secret.pdf").write_bytes(write("secret", ["x"]))
    return files


def as_csv(path, rows):
    with open(path, "w", newline="", encoding="utf-8-sig") as handle:
        csv.writer(handle).writerows([HEADER, *rows])
    return path


def as_xlsx(path, rows):
    book = Workbook()
    sheet = book.active
    sheet.append(HEADER)
    for row in rows:
        sheet.append(row)
    book.save(path)
    return path


def run(path, folder, *args):
    out, err = io.StringIO(), io.StringIO()
    call_command("import_documents", str(path), "--files", str(folder), *args, stdout=out, stderr=err)
    return out.getvalue(), err.getvalue()


def imported():
    return OfficialDocumentPage.objects.filter(number_symbol__in=["501/QĐ-UBND", "77/TB-SXD"])


@pytest.mark.parametrize("writer, suffix", [(as_csv, "csv"), (as_xlsx, "xlsx")])
def test_import_creates_documents_reports_bad_rows_and_goes_on(registers, folder, tmp_path, writer, suffix):
    register_file = writer(tmp_path / f"register.{suffix}", ROWS)
    report = tmp_path / "report.csv"
    out, err = run(register_file, folder, "--report", str(report))
    assert "created 2, updated 0, unchanged 0, errors 5" in out
    assert "line 7" in err and "not a .pdf file" in err
    documents = {page.number_symbol: page for page in imported()}
    notice = documents["77/TB-SXD"]
    assert notice.live and notice.get_parent().pk == registers["vi"].pk
    assert notice.issuing_body.name == "Sở Xây dựng" and notice.status == "expired"
    assert notice.effective_date == notice.issue_date
    assert [link.document.title for link in notice.files.all()] == ["77a.pdf", "77b.pdf"]
    lines = list(csv.DictReader(open(report, encoding="utf-8")))
    assert [line["result"] for line in lines] == ["created", "created"] + ["error"] * 5
    assert "issue_date" in lines[3]["message"] and "missing.pdf" in lines[4]["message"]
    assert "secret.pdf" in lines[6]["message"]


def test_dry_run_changes_nothing(registers, folder, tmp_path):
    out, _ = run(as_csv(tmp_path / "register.csv", ROWS), folder, "--dry-run")
    assert "Dry run: would have created 2" in out
    assert not imported().exists()


def test_importing_twice_changes_nothing_and_an_edit_updates(registers, folder, tmp_path):
    path = as_csv(tmp_path / "register.csv", ROWS[:2])
    run(path, folder)
    revisions = {page.pk: page.latest_revision_id for page in imported()}
    out, _ = run(path, folder)
    assert "created 0, updated 0, unchanged 2" in out
    assert {page.pk: page.latest_revision_id for page in imported()} == revisions
    edited = [row[:] for row in ROWS[:2]]
    edited[0][9] = "Về việc thành lập tổ công tác biên giới Việt – Lào"
    out, _ = run(as_csv(tmp_path / "edited.csv", edited), folder)
    assert "created 0, updated 1, unchanged 1" in out
    assert imported().count() == 2
    assert imported().get(number_symbol="501/QĐ-UBND").abstract.endswith("Việt – Lào")
