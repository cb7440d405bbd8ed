"""Static files in production: hashed names, compressed copies, far-future caching.

``collectstatic`` runs with the production settings into a temporary folder;
WhiteNoise then answers requests as it does under gunicorn.
"""

import json

import pytest

from tests.site_project.production_env import environment, run

ONE_YEAR = 365 * 24 * 3600

REQUEST_STATIC_FILES = """
import json, django
django.setup()
from django.contrib.staticfiles.storage import staticfiles_storage
from django.test import Client

client = Client(HTTP_HOST="sonla.gov.vn")
hashed_url = staticfiles_storage.url("css/portal.css")
result = {"hashed_url": hashed_url}
for name, url, encoding in [
    ("hashed_br", hashed_url, "br, gzip"),
    ("hashed_gzip", hashed_url, "gzip"),
    ("hashed_plain", hashed_url, ""),
    ("unhashed", "/static/css/portal.css", "gzip"),
    ("font", staticfiles_storage.url("fonts/noto-sans-latin-vi-400.woff2"), "br, gzip"),
]:
    response = client.get(url, secure=True, HTTP_ACCEPT_ENCODING=encoding)
    result[name] = {
        "status": response.status_code,
        "cache_control": response.headers.get("Cache-Control", ""),
        "encoding": response.headers.get("Content-Encoding", ""),
        "vary": response.headers.get("Vary", ""),
        "csp": response.headers.get("Content-Security-Policy", ""),
        "nosniff": response.headers.get("X-Content-Type-Options", ""),
        "hsts": response.headers.get("Strict-Transport-Security", ""),
    }
plain_http = client.get(hashed_url)
result["plain_http"] = {"status": plain_http.status_code, "location": plain_http.headers.get("Location", "")}
print(json.dumps(result))
"""


@pytest.fixture(scope="module")
def static_responses(tmp_path_factory):
    static_root = tmp_path_factory.mktemp("static")
    env = environment(DJANGO_STATIC_ROOT=str(static_root))
    collected = run(["manage.py", "collectstatic", "--no-input", "--verbosity", "0"], env, timeout=900)
    assert collected.returncode == 0, collected.stderr
    result = run(["-c", REQUEST_STATIC_FILES], env)
    assert result.returncode == 0, result.stderr
    return static_root, json.loads(result.stdout.splitlines()[-1])


def test_collected_files_are_hashed_with_compressed_copies(static_responses):
    static_root, responses = static_responses
    assert responses["hashed_url"].startswith("/static/css/portal.")
    assert responses["hashed_url"] != "/static/css/portal.css"
    hashed = static_root / responses["hashed_url"].removeprefix("/static/")
    assert hashed.is_file()
    assert hashed.with_name(hashed.name + ".gz").is_file()
    assert hashed.with_name(hashed.name + ".br").is_file()


def test_hashed_files_are_cached_for_years_and_sent_compressed(static_responses):
    _, responses = static_responses
    for name, encoding in [("hashed_br", "br"), ("hashed_gzip", "gzip"), ("hashed_plain", "")]:
        response = responses[name]
        assert response["status"] == 200, name
        assert response["encoding"] == encoding, name
        assert "immutable" in response["cache_control"], name
        max_age = int(response["cache_control"].split("max-age=")[1].split(",")[0])
        assert max_age >= ONE_YEAR, name
        assert "Accept-Encoding" in response["vary"], name
    # Fonts are already compressed: no second encoding, same caching.
    font = responses["font"]
    assert font["status"] == 200 and font["encoding"] == ""
    assert "immutable" in font["cache_control"]


def test_unhashed_name_is_cached_briefly_only(static_responses):
    """A file asked for by its plain name may change at the next deployment."""
    _, responses = static_responses
    unhashed = responses["unhashed"]
    assert unhashed["status"] == 200
    assert "immutable" not in unhashed["cache_control"]
    assert int(unhashed["cache_control"].split("max-age=")[1].split(",")[0]) <= 3600


def test_production_responses_carry_the_security_headers(static_responses):
    _, responses = static_responses
    assert "default-src 'self'" in responses["hashed_br"]["csp"]
    assert responses["hashed_br"]["nosniff"] == "nosniff"
    assert responses["hashed_br"]["hsts"] == "max-age=31536000; includeSubDomains; preload"


def test_plain_http_is_redirected_to_https(static_responses):
    _, responses = static_responses
    assert responses["plain_http"]["status"] == 301
    assert responses["plain_http"]["location"].startswith("https://sonla.gov.vn/static/css/portal.")
