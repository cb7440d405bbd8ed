"""Security headers on every response, and public pages that a strict policy does not break."""

import re
from html.parser import HTMLParser

import pytest
from django.contrib.auth import get_user_model

from core.security import ADMIN_POLICY, PUBLIC_POLICY, render_policy

LANGUAGES = ("vi", "en", "lo")


def directives(response):
    policy = response.headers["Content-Security-Policy"]
    return {
        part.split()[0]: part.split()[1:] for part in (p.strip() for p in policy.split(";")) if part
    }


def public_urls(demo_content):
    urls = ["/vi/search/?q=Sơn+La", "/en/site-map/", "/lo/", "/vi/khong-co-trang-nay/"]
    for code in LANGUAGES:
        urls += [demo_content.homes[code].url, demo_content.sections[code][0].url]
        urls += [demo_content.articles[code][0].url]
    return urls


def assert_common_headers(response):
    assert response.headers["X-Content-Type-Options"] == "nosniff"
    assert response.headers["Referrer-Policy"] in {"same-origin", "strict-origin-when-cross-origin"}
    permissions = response.headers["Permissions-Policy"]
    for feature in ("camera", "microphone", "geolocation", "payment"):
        assert f"{feature}=()" in permissions


@pytest.mark.django_db
def test_public_pages_forbid_inline_script_eval_and_foreign_origins(client, demo_content):
    for url in public_urls(demo_content):
        response = client.get(url)
        assert response.status_code in (200, 404), url
        policy = directives(response)
        assert policy["script-src"] == ["'self'"], url
        assert policy["style-src"] == ["'self'"], url
        assert policy["default-src"] == ["'self'"], url
        assert policy["object-src"] == ["'none'"], url
        assert policy["frame-ancestors"] == ["'none'"], url
        assert policy["base-uri"] == ["'self'"] and policy["form-action"] == ["'self'"], url
        assert_common_headers(response)


@pytest.mark.django_db
def test_redirects_and_static_files_carry_the_headers(client):
    for url, status in [("/", 302), ("/static/css/portal.css", 200)]:
        response = client.get(url, HTTP_ACCEPT_LANGUAGE="en")
        assert response.status_code == status, url
        assert directives(response)["script-src"] == ["'self'"], url
        assert_common_headers(response)


class InlineCode(HTMLParser):
    """Collects what a policy without 'unsafe-inline' would block."""

    def __init__(self):
        super().__init__()
        self.blocked = []
        self._in_script = False

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if tag == "script":
            kind = (attrs.get("type") or "text/javascript").lower()
            # JSON data blocks never run; any other script must come from a file.
            if "src" not in attrs and "json" not in kind:
                self.blocked.append(f"inline <script> {attrs}")
        if tag == "style":
            self.blocked.append("<style> element")
        for name, value in attrs.items():
            if name.startswith("on"):
                self.blocked.append(f"<{tag} {name}=...>")
            if name == "style":
                self.blocked.append(f"<{tag} style={value!r}>")
            if name in ("href", "src", "action") and (value or "").strip().lower().startswith("javascript:"):
                self.blocked.append(f"<{tag} {name}={value!r}>")


@pytest.mark.django_db
def test_public_pages_need_nothing_the_policy_blocks(client, demo_content):
    """No inline script, handler, style or ``javascript:`` URL: the strict policy breaks nothing."""
    for url in public_urls(demo_content):
        parser = InlineCode()
        parser.feed(client.get(url).content.decode())
        assert parser.blocked == [], url


@pytest.mark.django_db
def test_admin_gets_its_own_policy_and_the_login_page_the_strict_one(client):
    user = get_user_model().objects.create_superuser("quantri", "quantri@sonla.gov.vn", "mat-khau-thu")
    client.force_login(user)
    admin = client.get("/admin/")
    assert admin.status_code == 200
    assert admin.headers["Content-Security-Policy"] == render_policy(ADMIN_POLICY)
    assert directives(admin)["object-src"] == ["'none'"]
    assert directives(admin)["frame-ancestors"] == ["'self'"]
    assert_common_headers(admin)

    client.logout()
    login = client.get("/admin/login/")
    assert login.status_code == 200
    assert login.headers["Content-Security-Policy"] == render_policy(PUBLIC_POLICY)
    parser = InlineCode()
    parser.feed(login.content.decode())
    assert not [item for item in parser.blocked if "script" in item or " on" in item]


@pytest.mark.django_db
def test_editors_get_eval_for_the_userbar_but_never_inline_scripts(client, demo_content):
    """Wagtail's userbar checker needs eval; anonymous visitors keep the strict policy."""
    url = demo_content.articles["vi"][0].url
    assert directives(client.get(url))["script-src"] == ["'self'"]
    reader = get_user_model().objects.create_user("bandoc", "bandoc@example.org", "mat-khau-thu")
    client.force_login(reader)
    assert directives(client.get(url))["script-src"] == ["'self'"]
    editor = get_user_model().objects.create_superuser("bientap", "bientap@sonla.gov.vn", "mat-khau-thu")
    client.force_login(editor)
    assert directives(client.get(url))["script-src"] == ["'self'", "'unsafe-eval'"]


def test_image_origins_can_be_added_for_object_storage(client, settings):
    settings.CONTENT_SECURITY_POLICY_IMG_SOURCES = ["https://media.sonla.gov.vn"]
    response = client.get("/static/css/portal.css")
    assert directives(response)["img-src"] == ["'self'", "data:", "https://media.sonla.gov.vn"]
    assert directives(response)["script-src"] == ["'self'"]


def test_policy_renders_as_the_header_grammar_expects():
    header = render_policy({"default-src": ["'self'"], "img-src": ["'self'", "data:"]})
    assert header == "default-src 'self'; img-src 'self' data:"
    assert re.fullmatch(r"[a-z-]+ [^;]+(; [a-z-]+ [^;]+)*", render_policy(PUBLIC_POLICY))
