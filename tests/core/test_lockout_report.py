"""Superusers see recent sign-in lock-outs in the admin, in Vietnamese."""

import uuid

import pytest
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Permission

from tests.core.test_sign_in_lockout import ATTACKER, PASSWORD, fail, sign_in_as, spread

REPORT = "/admin/reports/sign-in-lockouts/"


@pytest.fixture
def superuser(db):
    return get_user_model().objects.create_user("quantri", "quantri@sonla.gov.vn", PASSWORD, is_superuser=True)


@pytest.fixture
def editor(db):
    user = get_user_model().objects.create_user("bientapvien", "bientapvien@sonla.gov.vn", PASSWORD)
    user.user_permissions.add(Permission.objects.get(codename="access_admin"))
    return user


def test_the_report_lists_locked_addresses_and_targeted_accounts(client, superuser, editor):
    fail(client, 10, usernames=[f"ten-doan-{number}" for number in range(10)])
    fail(client, 5, addresses=spread(5), username="bientapvien")
    client.force_login(superuser)

    home = client.get("/admin/", HTTP_ACCEPT_LANGUAGE="vi")
    assert REPORT in home.content.decode()
    response = client.get(REPORT)
    assert response.status_code == 200
    page = response.content.decode()
    assert "Khóa đăng nhập" in page
    assert "Địa chỉ bị khóa đăng nhập trong 30 ngày qua" in page
    locked = page[page.index('id="locked-addresses"') : page.index('id="targeted-accounts"')]
    assert ATTACKER in locked and "Bị khóa đến" in locked
    # Ten names were tried from the locked address, though only the tenth try was refused.
    assert ">10<" in locked.replace(" ", "").replace("\n", "")
    accounts = page[page.index('id="targeted-accounts"') :]
    assert "bientapvien" in accounts and "Bị làm chậm đến" in accounts
    # The spread-out attack: five addresses, none locked.
    for address in spread(5):
        assert address not in locked


def test_the_report_says_when_nothing_happened(client, superuser):
    client.force_login(superuser)
    page = client.get(REPORT).content.decode()
    assert "Không có địa chỉ nào bị khóa đăng nhập." in page
    assert "Không có tên người dùng nào bị đăng nhập sai nhiều lần." in page


def test_only_superusers_see_the_report(client, editor):
    client.force_login(editor)
    assert REPORT not in client.get("/admin/").content.decode()
    response = client.get(REPORT)
    assert response.status_code in (302, 403)
    assert "Khóa đăng nhập" not in response.content.decode()


# The slow-down's counters through Redis, as in production ------------------------


@pytest.fixture
def redis_cache(settings):
    import os

    import redis

    url = os.environ.get("REDIS_URL") or "redis://127.0.0.1:6379/9"
    try:
        redis.Redis.from_url(url, socket_connect_timeout=0.5).ping()
    except redis.RedisError:
        if os.environ.get("CI"):
            pytest.fail(f"No Redis answers at {url}.")
        pytest.skip("Redis tests need a Redis server (set REDIS_URL).")
    prefix = f"test-sign-in-{uuid.uuid4().hex[:8]}"
    settings.CACHES = {
        **settings.CACHES,
        "default": {"BACKEND": "core.redis_cache.RedisCache", "LOCATION": url, "KEY_PREFIX": prefix},
    }
    client = redis.Redis.from_url(url)
    yield lambda: [key.decode() for key in client.keys(f"{prefix}:*")]
    keys = client.keys(f"{prefix}:*")
    if keys:
        client.delete(*keys)


def test_the_account_slow_down_works_through_redis(client, editor, redis_cache):
    from django.core.cache import caches
    from django.core.cache.backends.redis import RedisCache

    from core import sign_in

    assert isinstance(caches["default"], RedisCache)
    assert signed_in_from(client, "198.51.100.4")
    client.logout()
    fail(client, 5, addresses=spread(5), username="bientapvien")
    response = sign_in_as(client, PASSWORD, address="192.0.2.99")
    assert "vui lòng thử lại sau 1 phút" in response.content.decode()
    assert 0 < sign_in.account_wait("bientapvien") <= 60
    stored = redis_cache()
    assert sum("sign-in:" in key for key in stored) == 3, stored
    # The editor's usual address still gets in.
    assert signed_in_from(client, "198.51.100.4")


def signed_in_from(client, address):
    response = sign_in_as(client, PASSWORD, address=address)
    return response.status_code == 302
