"""Imported articles and the "Imported content" report, in a real browser, checked with axe-core.

A server of its own (the fixture mirror imported into a fresh demo site), so
the other browser tests' site keeps exactly the demo content.
"""

import os
import secrets
import subprocess
import sys

import pytest

from tests.browser.a11y import format_violations, run_axe, serve_axe
from tests.browser.conftest import ROOT, _free_port, signed_in_tab, wait_until_serving
from tests.importer.conftest import COFFEE, CONFERENCE, FESTIVAL, MIRROR, SELECTORS

pytestmark = pytest.mark.browser


@pytest.fixture(scope="module")
def imported_site(tmp_path_factory):
    env = dict(
        os.environ,
        DJANGO_SETTINGS_MODULE="site_project.settings.test",
        DATABASE_URL=f"sqlite:///{tmp_path_factory.mktemp('imported') / 'db.sqlite3'}",
        DJANGO_MEDIA_ROOT=str(tmp_path_factory.mktemp("imported-media")),
    )
    manage = [sys.executable, str(ROOT / "manage.py")]
    password = secrets.token_urlsafe(16)
    for command in (
        ["migrate", "--no-input", "-v0"],
        ["load_demo_content", "-v0"],
        ["import_portal", str(MIRROR), "--selectors", str(SELECTORS)],
        ["create_local_admin"],
    ):
        subprocess.run(manage + command, env=dict(env, PORTAL_ADMIN_PASSWORD=password), cwd=ROOT, check=True,
                       capture_output=True)
    port = _free_port()
    server = subprocess.Popen(manage + ["runserver", f"127.0.0.1:{port}", "--noreload"], env=env, cwd=ROOT,
                              stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    url = f"http://127.0.0.1:{port}"
    wait_until_serving(server, url, "The imported site's server did not start.")
    yield url, password
    server.terminate()
    server.wait(timeout=10)


def test_old_addresses_open_accessible_articles(browser, imported_site):
    url, _ = imported_site
    context = browser.new_context(base_url=url)
    serve_axe(context)
    tab = context.new_page()
    try:
        for old_path, title in ((CONFERENCE, "Hội nghị sơ kết"), (COFFEE, "Sản lượng cà phê"),
                                (FESTIVAL, "Lễ hội Hoa Ban")):
            response = tab.goto(old_path)
            assert response.ok and "/vi/" in tab.url
            assert tab.locator("h1").inner_text().startswith(title)
            violations = run_axe(tab)
            assert not violations, f"{tab.url}:\n{format_violations(violations)}"
    finally:
        context.close()


def test_imported_content_report_is_accessible(browser, imported_site):
    url, password = imported_site
    context = browser.new_context(base_url=url, locale="en-GB")
    serve_axe(context)
    try:
        tab = signed_in_tab(context, url, "admin", password)
        tab.goto("/admin/reports/imported/?open_warnings=yes")
        assert "Nội dung đã nhập" in tab.title() or "Imported content" in tab.title()
        assert "Lễ hội Hoa Ban năm 2018" in tab.content()
        violations = run_axe(tab)
        assert not violations, format_violations(violations)
    finally:
        context.close()
