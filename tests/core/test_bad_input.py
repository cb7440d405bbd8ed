"""The bad-input sweep: hostile values against every public URL pattern.

For every pattern the resolver knows outside the admin, hostile path
segments, query values, ``Accept-Language`` and ``Host`` headers, methods and
bodies are sent. No answer may be a server error or show a traceback; an
HTML error answer must be the portal's own page in the visitor's language;
and nothing stored may change, apart from the visit counter and the search
log, which count what visitors do.
"""

import hashlib
import json
import re

import pytest
from django.apps import apps
from django.core import serializers
from django.test import Client
from django.utils import translation

from tests.core import bad_input

# Stores that record visits and searches by design; everything else must not change.
RECORDS_OF_VISITORS = {"visits", "search.searchterm", "search.searchtermday"}

ERROR_HEADINGS = {
    400: "Bad request",
    403: "Access denied",
    404: "Page not found",
    405: "This address does not accept that kind of request",
}


def stored_state():
    """Row counts of every model, and a hash of every row of the content models."""
    state = {}
    for model in apps.get_models():
        meta = model._meta
        if meta.proxy or not meta.managed:
            continue
        if meta.app_label in RECORDS_OF_VISITORS or meta.label_lower in RECORDS_OF_VISITORS:
            continue
        # Serialised as a fixture would be: stable text for every field type.
        rows = serializers.serialize("json", model._base_manager.order_by("pk"))
        digest = hashlib.sha256(rows.encode()).hexdigest()
        state[meta.label_lower] = digest
    return state


def concrete_url(route, pattern, samples):
    """A working URL for ``route`` with ``{}`` where a hostile segment may go, or None."""
    name = pattern.name
    if name == "wagtail_serve":
        return samples["article"] + "{}/"
    if name == "wagtaildocs_serve":
        return "/documents/{}/" + samples["document_name"]
    if route.startswith("^media/"):
        return "/media/{}"
    if route.startswith("api/v2/^"):
        # The read API's endpoints, which Wagtail's router includes as ^pages/ and so on.
        route = route.replace("^", "", 1)
    if "^" in route or "(?P" in route:
        raise AssertionError(f"New regular-expression URL pattern {route!r}: add a sample for it here.")
    converters = re.findall(r"<(?:(\w+):)?(\w+)>", route)
    url = "/" + route
    for index, (_converter, variable) in enumerate(converters):
        value = "{}" if index == len(converters) - 1 else samples.get(variable, "1")
        url = re.sub(rf"<(?:\w+:)?{variable}>", value, url, count=1)
    if not converters:
        url = url + "{}"
    return url


@pytest.fixture
def samples(demo_content):
    from wagtail.documents.models import Document

    document = Document.objects.first()
    return {
        "article": demo_content.articles["vi"][0].url,
        "section_id": str(demo_content.sections["vi"][0].pk),
        "document_name": document.filename if document else "x.pdf",
        "section": "vi",
    }


def check(response, language, problems, label):
    body = b"".join(response.streaming_content) if response.streaming else response.content
    status = response.status_code
    if status >= 500:
        problems.append(f"{label}: {status}")
        return
    if b"Traceback" in body or b"Exception Value" in body or b"File \"/" in body:
        problems.append(f"{label}: traceback in the body")
    content_type = response.headers.get("Content-Type", "")
    if status >= 400 and status != 429:
        if content_type.startswith("application/json"):
            # Machine addresses (the read API, the open-data downloads) answer in JSON,
            # with a message saying what was wrong.
            try:
                data = json.loads(body)
            except ValueError:
                data = None
            if not isinstance(data, dict) or not data.get("message"):
                problems.append(f"{label}: {status} JSON without a message")
            return
        if not content_type.startswith("text/html"):
            problems.append(f"{label}: {status} answered with {content_type or 'no content type'}")
            return
        html = body.decode("utf-8", "replace")
        shown = re.search(r'<html lang="(\w+)"', html)
        shown = shown.group(1) if shown else None
        if language is not None and shown != language:
            problems.append(f"{label}: {status} page in {shown!r}, not {language!r}")
            return
        with translation.override(shown or "vi"):
            heading = translation.gettext(ERROR_HEADINGS.get(status, "Page not found"))
        if shown not in ("vi", "en", "lo") or f"<h1>{heading}</h1>" not in html:
            problems.append(f"{label}: {status} is not the portal's error page")


def sweep(client, samples, languages=("vi",)):
    problems = []
    requests = 0
    for route, pattern in bad_input.public_patterns():
        template = concrete_url(route, pattern, samples)
        language = "vi"
        base = template.replace("{}", "1" if "<int:" in route or pattern.name == "wagtaildocs_serve" else "")
        for segment in bad_input.PATH_SEGMENTS:
            url = template.replace("{}", segment)
            check(client.get(url, HTTP_ACCEPT_LANGUAGE=language), language, problems, f"GET {url[:120]}")
            requests += 1
        for value in bad_input.QUERY_VALUES:
            query = {name: value for name in bad_input.QUERY_NAMES}
            check(client.get(base, query, HTTP_ACCEPT_LANGUAGE=language), language, problems, f"GET {base} ?={value[:40]!r}")
            requests += 1
        prefix = base.split("/")[1]
        for header in bad_input.ACCEPT_LANGUAGES:
            response = client.get(base, HTTP_ACCEPT_LANGUAGE=header)
            # Under /vi/ the address decides; elsewhere the browser's choice may.
            expected = prefix if prefix in ("vi", "en", "lo") else None
            check(response, expected, problems, f"GET {base} Accept-Language {header[:40]!r}")
            requests += 1
        for host in bad_input.HOSTS:
            check(client.get(base, HTTP_HOST=host, HTTP_ACCEPT_LANGUAGE=language), language, problems, f"GET {base} Host {host[:40]!r}")
            requests += 1
        for method in bad_input.METHODS:
            response = client.generic(method, base, HTTP_ACCEPT_LANGUAGE=language)
            check(response, language, problems, f"{method} {base}")
            requests += 1
        for content_type, body in bad_input.BODIES:
            response = client.generic("POST", base, body, content_type=content_type, HTTP_ACCEPT_LANGUAGE=language)
            check(response, language, problems, f"POST {base} {content_type} {len(body)} bytes")
            requests += 1
    return problems, requests


def test_there_are_at_least_200_hostile_values():
    assert bad_input.hostile_value_count() >= 200


def test_every_public_pattern_is_swept():
    names = {pattern.name for _route, pattern in bad_input.public_patterns()}
    assert {"search", "site_map", "wagtail_serve", "wagtaildocs_serve", "robots_txt"} <= names
    assert not any(route.startswith("admin/") for route, _ in bad_input.public_patterns())


@pytest.mark.django_db
def test_hostile_input_never_breaks_or_changes_the_site(samples, settings):
    # As in production: only the portal's own host names are accepted.
    settings.ALLOWED_HOSTS = ["testserver", "sonla.gov.vn"]
    # Every request comes from one address; the read API's rate limit would answer most with 429.
    settings.OPEN_DATA_RATE_LIMIT = 0
    client = Client(raise_request_exception=False, enforce_csrf_checks=True)
    before = stored_state()
    problems, requests = sweep(client, samples)
    after = stored_state()
    changed = sorted(label for label in before if before[label] != after.get(label))
    assert requests >= 200 * 10
    assert changed == [], changed
    assert problems == [], f"{len(problems)} problems in {requests} requests:\n" + "\n".join(problems[:80])
