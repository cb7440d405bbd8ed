"""Keys under the one cache generation, per site host (core/generation.py)."""

import re

from django.test import RequestFactory

from core import generation


def request_for(host):
    return RequestFactory().get("/vi/search/", HTTP_HOST=host)


def test_each_host_gets_its_own_key_and_a_publish_makes_new_ones():
    portal = generation.host_key("search-card", request_for("sonla.gov.vn"), 42)
    assert portal == generation.host_key("search-card", request_for("sonla.gov.vn"), 42)
    assert portal != generation.host_key("search-card", request_for("en.sonla.gov.vn"), 42)
    assert portal != generation.host_key("search-card", request_for("sonla.gov.vn"), 43)

    generation.bump()

    assert portal != generation.host_key("search-card", request_for("sonla.gov.vn"), 42)


def test_any_host_header_makes_a_short_key_of_safe_characters():
    key = generation.host_key("search-scope", request_for("x" * 5000 + " \n:ພາສາລາວ"), "lo")
    assert len(key) < 80
    assert re.fullmatch(r"[\w:-]+", key)
