"""The local server (`make run`'s settings) answers like the real site: the portal's 404, static files."""

import subprocess
import urllib.error
import urllib.request

import pytest

from tests.browser.conftest import ROOT, _free_port, wait_until_serving

pytestmark = pytest.mark.browser


@pytest.fixture(scope="module")
def local_server(browser_site):
    """``manage.py runserver`` with site_project.settings.dev, as ``make run`` starts it."""
    port = _free_port()
    env = dict(
        browser_site.env,
        DJANGO_SETTINGS_MODULE="site_project.settings.dev",
        PORTAL_HOST="127.0.0.1",
        PORTAL_PORT=str(port),
        DJANGO_DEBUG="0",
    )
    server = subprocess.Popen(
        browser_site.manage + ["runserver", f"127.0.0.1:{port}", "--noreload"],
        env=env, cwd=ROOT, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
    )
    url = f"http://127.0.0.1:{port}"
    wait_until_serving(server, url, "The local server did not start.")
    yield url
    server.terminate()
    server.wait(timeout=10)


def fetch(url):
    try:
        with urllib.request.urlopen(url, timeout=10) as response:
            return response.status, response.headers, response.read().decode()
    except urllib.error.HTTPError as error:
        return error.code, error.headers, error.read().decode()


@pytest.mark.parametrize(
    "path, heading",
    [
        ("/vi/khong-co-trang-nay/", "Không tìm thấy trang"),
        ("/en/no-such-page/", "Page not found"),
        ("/lo/no-such-page/", "ບໍ່ພົບໜ້າທີ່ຊອກຫາ"),
    ],
)
def test_a_missing_page_is_the_portals_404_not_djangos(local_server, path, heading):
    status, _, html = fetch(local_server + path)
    assert status == 404
    assert f"<h1>{heading}</h1>" in html
    assert 'class="site-header"' in html
    assert "technical_404" not in html and "Django tried these URL patterns" not in html


def test_static_files_are_served_with_debug_off(local_server):
    for path in ("/static/css/portal.css", "/static/js/portal.js", "/static/wagtailadmin/css/core.css"):
        status, _, _ = fetch(local_server + path)
        assert status == 200, path
