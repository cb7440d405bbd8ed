"""Reading old pages: selectors files, dates, bylines and leads, encodings."""

import unicodedata

import pytest
from django.core.management import CommandError, call_command

from importer import selectors
from importer.decoding import decode
from importer.extract import extract, looks_like_name

from .conftest import SELECTORS
from .legacy_encoding import encode_cp1258


def page(body, date="Thu, 02/11/2017 10:00 | GMT +7"):
    return f"""<html><body><div class="asset-full-content"><span class="asset-title">Tiêu đề</span>
<span class="metadata-publish-date">{date}</span><div class="journal-content-article">{body}</div></div>
</body></html>"""


@pytest.mark.parametrize("text, expected", [
    ("Thu, 02/11/2017 10:00 | GMT +7", "2017-11-02T10:00:00+07:00"),
    ("Thứ năm, 02/11/2017 10:00 (GMT+07:00)", "2017-11-02T10:00:00+07:00"),
    ("02/11/2017", "2017-11-02T00:00:00+07:00"),
])
def test_dates_in_vietnam_time(text, expected):
    assert selectors.preset().parse_date(text).isoformat() == expected


@pytest.mark.parametrize("line, is_name", [
    ("Diệp Hương", True),
    ("Minh Anh - Sở Ngoại vụ", True),
    ("Nguyễn Thị Hồng và Lò Văn Minh", True),
    ("Hội nghị kết thúc lúc 17 giờ.", False),
    ("Xem thêm", False),
    ("Nguồn: Báo Sơn La.", False),
])
def test_byline_reads_like_a_name(line, is_name):
    assert looks_like_name(line) is is_name


def test_lead_is_the_first_paragraph_and_byline_the_name_at_the_end():
    article = extract(page("<p><b>Mở đầu.</b></p><p>Nội dung.</p><p>Diệp Hương</p>"), "https://x.vn/a",
                      selectors.preset())
    assert (article.lead, article.byline) == ("Mở đầu.", "Diệp Hương")
    assert article.items == [("rich", "<p>Nội dung.</p>")]


def test_selectors_for_lead_and_byline_win_over_guessing(tmp_path):
    path = tmp_path / "s.toml"
    path.write_text(
        '[selectors]\ntitle = ".asset-title"\nbody = ".journal-content-article"\n'
        'published = ".metadata-publish-date"\nlead = ".sapo"\nbyline = ".tac-gia"\n', encoding="utf-8")
    article = extract(
        page('<p class="sapo">Sa pô.</p><p>Đoạn một.</p><p class="tac-gia">PV</p><p>Lê Văn An</p>'),
        "https://x.vn/a", selectors.load(path),
    )
    assert (article.lead, article.byline) == ("Sa pô.", "PV")
    assert article.items == [("rich", "<p>Đoạn một.</p><p>Lê Văn An</p>")]


def test_full_example_selectors_file_loads():
    loaded = selectors.load(SELECTORS)
    assert loaded.sections["Kinh tế"] == "Tin tức - Sự kiện"
    assert ".related-articles" in loaded.remove and "script" in loaded.remove


@pytest.mark.parametrize("content, message", [
    ("[selectors]\ntitle = 'h1'\n", "needs body"),
    ("[selectors]\ntitle = 'h1'\nbody = 'x'\nauthor = 'y'\n", "unknown selectors author"),
    ("[selectors\n", "not valid TOML"),
    ("[selectors]\ntitle = 'h1'\nbody = 'x'\n[dates]\ntimezone = 'Mars/Base'\n", "unknown timezone"),
])
def test_bad_selectors_file_is_refused_with_a_reason(tmp_path, content, message, db):
    path = tmp_path / "s.toml"
    path.write_text(content, encoding="utf-8")
    with pytest.raises(CommandError, match=message):
        call_command("import_portal", str(tmp_path), "--selectors", str(path))


def test_windows_1258_without_declaration_is_detected():
    text = "<p>Hội nghị thông tin đối ngoại tỉnh Sơn La, huyện Mường La, Ưu tiên phát triển.</p>"
    decoded, encoding, _ = decode(encode_cp1258(text))
    assert encoding == "cp1258"
    assert decoded == unicodedata.normalize("NFC", text)


def test_wrongly_declared_encoding_is_corrected():
    text = "<meta charset='utf-8'><p>Đoàn công tác tỉnh Hủa Phăn thăm Sơn La</p>"
    decoded, encoding, warnings = decode(encode_cp1258(text))
    assert "Hủa Phăn" in decoded
    assert warnings


def test_layout_table_is_not_a_data_table():
    article = extract(page("<p>Mở đầu.</p><table><tr><td><p>Một ô duy nhất.</p></td></tr></table>"),
                      "https://x.vn/a", selectors.preset())
    assert article.items == [("rich", "<p>Một ô duy nhất.</p>")]
