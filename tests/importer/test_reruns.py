"""Running the import again: nothing twice, changes carried over, editors' work kept, interruptions resumed."""

import pytest
from django.core.management import call_command
from wagtail.contrib.redirects.models import Redirect
from wagtail.documents import get_document_model
from wagtail.images import get_image_model
from wagtail.models import Page, Revision

from importer.engine import Importer
from importer.models import ImportedPage
from news.models import NewsPage

from .conftest import COFFEE, CONFERENCE, page_file

pytestmark = pytest.mark.django_db


def counts():
    return (
        Page.objects.count(), Revision.objects.count(), Redirect.objects.count(),
        get_image_model().objects.count(), get_document_model().objects.count(), ImportedPage.objects.count(),
    )


def last_line(output):
    return output.strip().splitlines()[-1]


def test_second_run_creates_nothing_and_changes_nothing(run_import, mirror):
    run_import(mirror)
    before = counts()
    output = run_import(mirror)
    assert last_line(output).startswith("created 0, updated 0, unchanged 4, conflicts 0, skipped 4")
    assert counts() == before


def test_changed_old_page_updates_its_article(run_import, mirror, client):
    run_import(mirror)
    path = page_file(mirror, COFFEE)
    path.write_text(
        path.read_text(encoding="utf-8").replace("Sản lượng cà phê Sơn La tăng mạnh", "Cà phê Sơn La được mùa"),
        encoding="utf-8",
    )
    pages_before = Page.objects.count()
    output = run_import(mirror)
    assert last_line(output).startswith("created 0, updated 1, unchanged 3, conflicts 0")
    assert Page.objects.count() == pages_before
    location = client.get(COFFEE)["Location"]
    assert "<h1>Cà phê Sơn La được mùa</h1>" in client.get(location).content.decode()


def test_page_changed_only_in_its_sidebar_is_unchanged(run_import, mirror):
    run_import(mirror)
    path = page_file(mirror, COFFEE)
    path.write_text(
        path.read_text(encoding="utf-8").replace("Số người đang truy cập: 98", "Số người đang truy cập: 120"),
        encoding="utf-8",
    )
    revisions = Revision.objects.count()
    assert "unchanged 4" in last_line(run_import(mirror))
    assert Revision.objects.count() == revisions


def test_editors_change_is_not_overwritten(run_import, mirror, client):
    run_import(mirror)
    page = ImportedPage.objects.get(old_path=CONFERENCE).page.specific
    page.title = "Sơ kết 5 năm thông tin đối ngoại (đã biên tập)"
    page.save_revision().publish()
    path = page_file(mirror, CONFERENCE)
    path.write_text(path.read_text(encoding="utf-8").replace("Diệp Hương", "Diệp Thu Hương"), encoding="utf-8")
    output = run_import(mirror)
    assert last_line(output).startswith("created 0, updated 0, unchanged 3, conflicts 1")
    assert f"conflict: https://sonla.gov.vn{CONFERENCE}: changed by an editor since it was imported" in output
    page.refresh_from_db()
    assert page.title == "Sơ kết 5 năm thông tin đối ngoại (đã biên tập)"
    assert ImportedPage.objects.get(old_path=CONFERENCE).status == "conflict"
    assert page.author == "Diệp Hương"


def test_interrupted_run_resumes_where_it_stopped(run_import, mirror, monkeypatch):
    original = Importer.import_page
    calls = []

    def stop_after_three(self, url, load):
        if len(calls) == 3:
            raise KeyboardInterrupt
        calls.append(url)
        return original(self, url, load)

    monkeypatch.setattr(Importer, "import_page", stop_after_three)
    with pytest.raises(KeyboardInterrupt):
        run_import(mirror)
    done = ImportedPage.objects.count()
    assert 0 < done < 4
    monkeypatch.setattr(Importer, "import_page", original)
    output = run_import(mirror)
    assert last_line(output).startswith(f"created {4 - done}, updated 0, unchanged {done}, conflicts 0")
    assert NewsPage.objects.filter(pk__in=ImportedPage.objects.values("page")).count() == 4
    # Links to articles imported after the interruption were made in the resumed run.
    assert not ImportedPage.objects.filter(pending_links=True).exists()


def test_failing_page_changes_nothing_and_the_run_goes_on(run_import, mirror, monkeypatch):
    from importer import engine

    def broken_redirect(self, path, page):
        if "ca-phe" in path:
            raise RuntimeError("disk full")
        return original(self, path, page)

    original = engine.Importer._redirect
    monkeypatch.setattr(engine.Importer, "_redirect", broken_redirect)
    pages = Page.objects.count()
    output = run_import(mirror)
    assert f"skipped: https://sonla.gov.vn{COFFEE}: failed: RuntimeError: disk full" in output
    assert last_line(output).startswith("created 3, updated 0, unchanged 0, conflicts 0, skipped 5")
    # The failed article left neither a page nor a record behind.
    assert Page.objects.count() == pages + 3
    assert not ImportedPage.objects.filter(old_path=COFFEE).exists()
    assert not NewsPage.objects.filter(title__startswith="Sản lượng cà phê").exists()


def test_unknown_section_is_reported_not_guessed(demo_content, mirror, tmp_path):
    from io import StringIO

    selectors = tmp_path / "selectors.toml"
    selectors.write_text(
        '[selectors]\ntitle = ".asset-title"\nbody = ".journal-content-article"\n'
        'published = ".metadata-publish-date"\nsection = ".portlet-title-text"\n',
        encoding="utf-8",
    )
    out = StringIO()
    call_command("import_portal", str(mirror), "--selectors", str(selectors), stdout=out)
    assert f"skipped: https://sonla.gov.vn{COFFEE}: no section 'Kinh tế' in the portal: map it in [sections]" in (
        out.getvalue()
    )
    assert "created 1, updated 0" in last_line(out.getvalue())


def test_page_deleted_by_an_editor_is_not_brought_back(run_import, mirror):
    run_import(mirror)
    ImportedPage.objects.get(old_path=COFFEE).page.delete()
    output = run_import(mirror)
    assert f"skipped: https://sonla.gov.vn{COFFEE}: its page was deleted in the portal; not imported again" in output
    assert not NewsPage.objects.filter(title__startswith="Sản lượng cà phê").exists()
