"""Three languages at /vi/, /en/ and /lo/, Lao included."""

import re

import pytest
from django.utils.translation import get_language_info

LANG_ATTR = re.compile(r'<html[^>]*\blang="([^"]+)"')


def html_lang(response):
    return LANG_ATTR.search(response.content.decode()).group(1)


@pytest.mark.parametrize(
    "accept_language, expected",
    [
        ("en-GB,en;q=0.9", "/en/"),
        ("lo-LA,lo;q=0.9,en;q=0.5", "/lo/"),
        ("vi-VN,vi;q=0.9", "/vi/"),
        ("fr-FR,fr;q=0.9,en;q=0.4", "/en/"),
        ("de-DE,de;q=0.9", "/vi/"),
        ("", "/vi/"),
        ("xx;q=bogus,,;;", "/vi/"),
    ],
)
def test_root_sends_visitor_to_best_language(client, demo_content, accept_language, expected):
    response = client.get("/", headers={"accept-language": accept_language})
    assert response.status_code == 302
    assert response["Location"] == expected


@pytest.mark.parametrize("language", ["vi", "en", "lo"])
def test_home_page_in_each_language(client, demo_content, language):
    response = client.get(f"/{language}/")
    assert response.status_code == 200
    assert html_lang(response) == language
    assert response.context["page"].locale.language_code == language


def test_lao_has_locale_info():
    info = get_language_info("lo")
    assert info["name_local"] == "ພາສາລາວ"
    assert info["bidi"] is False


def test_lao_urls_are_not_sent_to_vietnamese(client, demo_content):
    response = client.get("/lo/")
    assert response.status_code == 200
    assert "ພາສາລາວ" in response.content.decode()


@pytest.mark.parametrize("language", ["vi", "en", "lo"])
def test_unknown_url_gives_404_in_the_urls_language(client, demo_content, language):
    response = client.get(f"/{language}/khong-co-trang-nay/")
    assert response.status_code == 404
    assert html_lang(response) == language
