"""The fixture mirror (tests/importer/fixtures/mirror), written for these tests in the old portal's style.

sonla.gov.vn/ holds: three articles in three old sections (one with an
image and its caption and a link to another article, one with a table, one
at a Liferay address longer than 255 characters with an image lacking alt
text, a PDF and a missing image), one Windows-1258 page, a cut-off page, a
page without a date, a section listing and the home page.
"""

import io
import pathlib
import shutil
from contextlib import redirect_stderr

import pytest
from django.core.management import call_command

FIXTURES = pathlib.Path(__file__).parent / "fixtures"
MIRROR = FIXTURES / "mirror"
SELECTORS = FIXTURES / "selectors.toml"
HOST = "sonla.gov.vn"
WEB = "/web/portal"
CONFERENCE = f"{WEB}/thong-tin-doi-ngoai/-/asset_publisher/Ab12Cd/content/hoi-nghi-so-ket-thong-tin-doi-ngoai"
COFFEE = f"{WEB}/kinh-te/-/asset_publisher/Xy34Ef/content/san-luong-ca-phe-son-la-tang"
FESTIVAL_FILE = next((MIRROR / HOST / "web/portal/van-hoa-xa-hoi/-/asset_publisher/Gh56Ij/content").glob("le-hoi*"))
FESTIVAL = f"{WEB}/van-hoa-xa-hoi/-/asset_publisher/Gh56Ij/content/" + FESTIVAL_FILE.name[: -len(".html")]
ETHNIC = f"{WEB}/van-hoa-xa-hoi/-/asset_publisher/Gh56Ij/content/ngay-hoi-van-hoa-cac-dan-toc"
ARTICLES = (CONFERENCE, COFFEE, FESTIVAL, ETHNIC)


@pytest.fixture(autouse=True)
def _media(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path / "media"


@pytest.fixture
def mirror(tmp_path):
    """A copy of the fixture mirror that a test may change."""
    target = tmp_path / "mirror"
    shutil.copytree(MIRROR, target)
    return target


def page_file(mirror, old_path):
    return mirror / HOST / (old_path.lstrip("/") + ".html")


@pytest.fixture
def run_import(demo_content):
    """Runs ``import_portal`` and returns its output."""

    def run(source, *args, selectors=True):
        out = io.StringIO()
        options = ["--selectors", str(SELECTORS)] if selectors else []
        with redirect_stderr(io.StringIO()):
            call_command("import_portal", str(source), *options, *args, stdout=out)
        return out.getvalue()

    return run
