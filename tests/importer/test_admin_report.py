"""The "Imported content" report: editors see what came over and what is left to do, in Vietnamese."""

import pytest

from importer.engine import ALT_TEXT_PLACEHOLDER
from importer.models import ImportedPage

from .conftest import FESTIVAL, MIRROR

pytestmark = pytest.mark.django_db
REPORT = "/admin/reports/imported/"


def test_report_lists_imported_pages_with_old_addresses_in_vietnamese(run_import, vietnamese_editor):
    run_import(MIRROR)
    html = vietnamese_editor.get(REPORT).content.decode()
    assert "Nội dung đã nhập" in html
    for label in ("Địa chỉ cũ", "Trạng thái", "Cảnh báo chưa xử lý"):
        assert label in html
    assert "Lễ hội Hoa Ban năm 2018" in html
    assert "/web/portal/kinh-te/-/asset_publisher/Xy34Ef/content/san-luong-ca-phe-son-la-tang" in html
    assert "đã tạo" in html
    # The Reports menu offers it.
    assert "/admin/reports/imported/" in vietnamese_editor.get("/admin/").content.decode()


def test_filter_by_open_warnings_and_warnings_close_when_fixed(run_import, vietnamese_editor):
    run_import(MIRROR)
    html = vietnamese_editor.get(REPORT, {"open_warnings": "yes"}).content.decode()
    assert "Lễ hội Hoa Ban năm 2018" in html
    assert "alt text needed" in html
    assert "Sản lượng cà phê Sơn La tăng mạnh" not in html
    # An editor describes the image: the warning about it closes.
    page = ImportedPage.objects.get(old_path=FESTIVAL).page.specific
    raw = list(page.body.raw_data)
    for block in raw:
        if block["type"] == "image" and block["value"]["image"]["alt_text"] == ALT_TEXT_PLACEHOLDER:
            block["value"]["image"]["alt_text"] = "Đội văn nghệ biểu diễn tại lễ hội"
    page.body = raw
    page.save_revision().publish()
    record = ImportedPage.objects.get(old_path=FESTIVAL)
    assert not any(warning.startswith("alt text needed") for warning in record.warnings)
    assert any(warning.startswith("image missing") for warning in record.warnings)


def test_filter_by_status_and_old_section(run_import, vietnamese_editor):
    run_import(MIRROR)
    html = vietnamese_editor.get(REPORT, {"old_section": "Kinh tế"}).content.decode()
    assert "Sản lượng cà phê Sơn La tăng mạnh" in html
    assert "Lễ hội Hoa Ban năm 2018" not in html
    assert "Sản lượng cà phê" not in vietnamese_editor.get(REPORT, {"status": "conflict"}).content.decode()


def test_report_needs_its_permission(run_import, client, django_user_model):
    user = django_user_model.objects.create_user("bientapvien", password="x")
    from django.contrib.auth.models import Permission

    user.user_permissions.add(Permission.objects.get(codename="access_admin"))
    client.force_login(user)
    response = client.get(REPORT)
    assert response.status_code in (302, 403)
    assert "Lễ hội Hoa Ban" not in response.content.decode()


def test_report_downloads_as_csv(run_import, vietnamese_editor):
    run_import(MIRROR)
    response = vietnamese_editor.get(REPORT, {"export": "csv"})
    content = b"".join(response.streaming_content).decode("utf-8") if response.streaming else (
        response.content.decode())
    assert "Địa chỉ cũ" in content
    assert "https://sonla.gov.vn/web/portal/kinh-te/" in content
