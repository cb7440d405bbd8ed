"""Repeated failed sign-ins lock a user name out from that address for 15 minutes."""

import time

import pytest
from django.contrib.auth import get_user_model
from django.core.cache import cache
from django.core.management import call_command

from site_project import login_lockout

PASSWORD = "mat-khau-dung-2026"
ATTACKER = "203.0.113.77"
LOCKED_VI = (
    "Đăng nhập sai quá nhiều lần. Để bảo đảm an toàn, việc đăng nhập bằng tên người dùng "
    "này bị tạm khóa trong 15 phút."
)
LOCKED_EN = (
    "Too many failed sign-in attempts. For your security, signing in with this user name is "
    "blocked for 15 minutes."
)


@pytest.fixture
def editor(db):
    return get_user_model().objects.create_user(
        "bientapvien", "bientapvien@sonla.gov.vn", PASSWORD, is_superuser=True
    )


def sign_in(client, password, address=ATTACKER, language="vi", username="bientapvien"):
    return client.post(
        "/admin/login/",
        {"username": username, "password": password},
        REMOTE_ADDR=address,
        HTTP_ACCEPT_LANGUAGE=language,
    )


def signed_in(response):
    return response.status_code == 302 and response.url == "/admin/"


def fail(client, times, **kwargs):
    for attempt in range(times):
        response = sign_in(client, f"doan-sai-{attempt}", **kwargs)
        assert response.status_code == 200
    return response


def test_five_failures_lock_out_even_the_right_password(client, editor):
    fourth = fail(client, 4)
    assert LOCKED_VI not in fourth.content.decode()
    fifth = fail(client, 1)
    assert LOCKED_VI in fifth.content.decode()

    response = sign_in(client, PASSWORD)
    assert not signed_in(response)
    assert LOCKED_VI in response.content.decode()
    assert "_auth_user_id" not in client.session


def test_lockout_message_is_in_the_visitors_language(client, editor):
    response = fail(client, 5, language="en")
    assert LOCKED_EN in response.content.decode()
    response = sign_in(client, PASSWORD, language="vi")
    assert LOCKED_VI in response.content.decode()


def test_other_addresses_can_still_sign_in_with_that_name(client, editor):
    fail(client, 5)
    assert signed_in(sign_in(client, PASSWORD, address="198.51.100.4"))


def test_other_user_names_from_that_address_are_not_locked(client, editor):
    get_user_model().objects.create_user("dichgia", "dichgia@sonla.gov.vn", PASSWORD, is_superuser=True)
    fail(client, 5)
    assert signed_in(sign_in(client, PASSWORD, username="dichgia"))


def test_user_name_case_does_not_escape_the_lockout(client, editor):
    fail(client, 5)
    response = sign_in(client, PASSWORD, username="BienTapVien")
    assert LOCKED_VI in response.content.decode()


def test_a_success_forgets_earlier_failures(client, editor):
    fail(client, 4)
    assert signed_in(sign_in(client, PASSWORD))
    client.logout()
    response = fail(client, 4)
    assert LOCKED_VI not in response.content.decode()
    assert signed_in(sign_in(client, PASSWORD))


def test_lockout_ends_after_fifteen_minutes(client, editor, monkeypatch):
    fail(client, 5)
    start = time.time()
    monkeypatch.setattr("django.core.cache.backends.locmem.time.time", lambda: start + 14 * 60)
    assert LOCKED_VI in sign_in(client, PASSWORD).content.decode()
    monkeypatch.setattr("django.core.cache.backends.locmem.time.time", lambda: start + 15 * 60 + 5)
    assert signed_in(sign_in(client, PASSWORD))


def test_front_end_login_is_locked_too(client, editor):
    """Wagtail's login for private pages authenticates through the same backends."""
    fail(client, 5)
    response = client.post(
        "/vi/_util/login/",
        {"username": "bientapvien", "password": PASSWORD},
        REMOTE_ADDR=ATTACKER,
    )
    assert response.status_code == 200
    assert "_auth_user_id" not in client.session


def test_neither_address_nor_user_name_is_stored(client, editor, capsys):
    fail(client, 5)
    keys = [key for key in cache._cache if "login-failures" in key]
    assert len(keys) == 1
    assert ATTACKER not in keys[0] and "bientapvien" not in keys[0]
    assert keys[0].endswith(login_lockout.failure_key("bientapvien", _Request(ATTACKER)))
    call_command("dumpdata", "--indent", "0")
    dump = capsys.readouterr().out
    assert ATTACKER not in dump


class _Request:
    def __init__(self, address):
        self.META = {"REMOTE_ADDR": address}


def test_proxy_header_names_the_client(client, editor, settings):
    """Behind a proxy every request comes from its address; the configured header tells clients apart."""
    settings.CLIENT_IP_HEADER = "HTTP_X_REAL_IP"
    for attempt in range(5):
        client.post(
            "/admin/login/",
            {"username": "bientapvien", "password": f"sai-{attempt}"},
            REMOTE_ADDR="127.0.0.1",
            HTTP_X_REAL_IP=ATTACKER,
        )
    colleague = client.post(
        "/admin/login/",
        {"username": "bientapvien", "password": PASSWORD},
        REMOTE_ADDR="127.0.0.1",
        HTTP_X_REAL_IP="198.51.100.9",
    )
    assert signed_in(colleague)
