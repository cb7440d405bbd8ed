"""Sign-in lock-out: an address is locked after ten failures, an account slowed down after five from anywhere."""

import datetime

import pytest
from axes.models import AccessAttempt, AccessFailureLog, AccessLog
from django.contrib.auth import get_user_model
from django.core.cache import cache
from django.utils import timezone

from core import sign_in

PASSWORD = "mat-khau-dung-2026"
ATTACKER = "203.0.113.77"
OFFICE = "198.51.100.4"
PROXY = "127.0.0.1"
ADDRESS_LOCKED_VI = (
    "Đăng nhập sai quá nhiều lần từ địa chỉ mạng của bạn. Để bảo đảm an toàn, việc đăng nhập "
    "từ địa chỉ này bị tạm khóa trong 15 phút."
)
ADDRESS_LOCKED_EN = (
    "Too many failed sign-in attempts from your network address. For your security, signing in "
    "from it is blocked for 15 minutes."
)


def account_slowed_vi(minutes):
    return (
        "Có quá nhiều lần đăng nhập sai với tên người dùng này. Để bảo đảm an toàn, vui lòng thử "
        f"lại sau {minutes} phút."
    )


@pytest.fixture
def editor(db):
    return get_user_model().objects.create_user(
        "bientapvien", "bientapvien@sonla.gov.vn", PASSWORD, is_superuser=True
    )


@pytest.fixture
def translator(db):
    return get_user_model().objects.create_user("dichgia", "dichgia@sonla.gov.vn", PASSWORD)


@pytest.fixture
def clock(monkeypatch):
    """The account slow-down's clock, moved on only when the test says so."""

    class Clock:
        now = 1_800_000_000.0

        def __call__(self):
            return self.now

        def advance(self, seconds):
            self.now += seconds

    fake = Clock()
    monkeypatch.setattr(sign_in, "clock", fake)
    return fake


def sign_in_as(client, password, address=ATTACKER, language="vi", username="bientapvien", **headers):
    return client.post(
        "/admin/login/",
        {"username": username, "password": password},
        REMOTE_ADDR=address,
        HTTP_ACCEPT_LANGUAGE=language,
        **headers,
    )


def signed_in(response):
    return response.status_code == 302 and response.url == "/admin/"


def text(response):
    return response.content.decode()


def fail(client, times, addresses=None, usernames=None, **kwargs):
    """``times`` wrong passwords, each from the next of ``addresses`` / for the next of ``usernames``."""
    for attempt in range(times):
        if addresses:
            kwargs["address"] = addresses[attempt % len(addresses)]
        if usernames:
            kwargs["username"] = usernames[attempt % len(usernames)]
        response = sign_in_as(client, f"doan-sai-{attempt}", **kwargs)
        assert response.status_code == 200
    return response


def spread(count, start=1):
    """``count`` different addresses, as a botnet would use."""
    return [f"192.0.2.{number}" for number in range(start, start + count)]


# Per account, whatever the address ---------------------------------------------


def test_an_attack_spread_over_many_addresses_slows_the_account_down(client, editor, clock):
    fourth = fail(client, 4, addresses=spread(4))
    assert "thử lại sau" not in text(fourth)
    fifth = fail(client, 1, addresses=spread(1, start=5))
    assert account_slowed_vi(1) in text(fifth)

    # Even the right password from yet another address must wait.
    response = sign_in_as(client, PASSWORD, address="192.0.2.99")
    assert not signed_in(response)
    assert account_slowed_vi(1) in text(response)
    assert "_auth_user_id" not in client.session
    # No address got near its own limit: only the account rule stopped this.
    assert not AccessFailureLog.objects.filter(locked_out=True).exists()


def test_the_wait_grows_with_each_failure_but_is_capped_at_fifteen_minutes(client, editor, clock):
    fail(client, 5, addresses=spread(5))
    waits = []
    for attempt in range(8):
        response = sign_in_as(client, PASSWORD, address=f"192.0.2.{100 + attempt}")
        waits.append(next(m for m in (1, 2, 4, 8, 15) if account_slowed_vi(m) in text(response)))
        clock.advance(sign_in.account_wait("bientapvien") + 1)
        fail(client, 1, addresses=[f"192.0.2.{200 + attempt}"])
    assert waits == [1, 2, 4, 8, 15, 15, 15, 15]


def test_after_the_wait_the_right_password_works(client, editor, clock):
    fail(client, 5, addresses=spread(5))
    clock.advance(59)
    assert not signed_in(sign_in_as(client, PASSWORD, address="192.0.2.99"))
    clock.advance(2)
    assert signed_in(sign_in_as(client, PASSWORD, address="192.0.2.99"))


def test_tries_refused_during_the_wait_do_not_lengthen_it(client, editor, clock):
    fail(client, 5, addresses=spread(5))
    for address in spread(6, start=50):
        assert account_slowed_vi(1) in text(sign_in_as(client, "doan-tiep", address=address))
    clock.advance(61)
    assert signed_in(sign_in_as(client, PASSWORD, address="192.0.2.99"))


def test_the_editors_usual_address_is_not_slowed_down_during_an_attack(client, editor, clock):
    assert signed_in(sign_in_as(client, PASSWORD, address=OFFICE))
    client.logout()
    fail(client, 6, addresses=spread(6))
    assert account_slowed_vi(1) in text(sign_in_as(client, PASSWORD, address="192.0.2.99"))
    assert signed_in(sign_in_as(client, PASSWORD, address=OFFICE))


def test_a_success_clears_the_accounts_failures(client, editor, clock):
    fail(client, 4, addresses=spread(4))
    assert signed_in(sign_in_as(client, PASSWORD, address="192.0.2.50"))
    client.logout()
    response = fail(client, 4, addresses=spread(4, start=10))
    assert "thử lại sau" not in text(response)
    assert signed_in(sign_in_as(client, PASSWORD, address="192.0.2.60"))


def test_user_name_case_does_not_escape_the_slow_down(client, editor, clock):
    fail(client, 5, addresses=spread(5))
    response = sign_in_as(client, PASSWORD, username="BienTapVien", address="192.0.2.99")
    assert account_slowed_vi(1) in text(response)


def test_other_accounts_are_not_slowed_down(client, editor, translator, clock):
    fail(client, 5, addresses=spread(5))
    client.post("/admin/login/", {"username": "dichgia", "password": PASSWORD}, REMOTE_ADDR="192.0.2.99")
    assert "_auth_user_id" in client.session


# Per address, whatever the user names -----------------------------------------


def test_ten_failures_from_one_address_lock_it_for_every_user_name(client, editor, translator):
    names = [f"ten-doan-{number}" for number in range(10)]
    ninth = fail(client, 9, usernames=names)
    assert ADDRESS_LOCKED_VI not in text(ninth)
    tenth = fail(client, 1, usernames=names)
    assert ADDRESS_LOCKED_VI in text(tenth)

    # A real account's right password from that address is refused, unchecked.
    response = sign_in_as(client, PASSWORD, username="dichgia")
    assert not signed_in(response)
    assert ADDRESS_LOCKED_VI in text(response)
    assert "_auth_user_id" not in client.session
    # Other addresses are not affected.
    assert signed_in(sign_in_as(client, PASSWORD, username="dichgia", address=OFFICE))


def test_lockout_message_is_in_the_visitors_language(client, editor):
    names = [f"ten-doan-{number}" for number in range(10)]
    response = fail(client, 10, usernames=names, language="en")
    assert ADDRESS_LOCKED_EN in text(response)
    assert ADDRESS_LOCKED_VI in text(sign_in_as(client, PASSWORD, language="vi"))


def test_the_address_lockout_ends_after_fifteen_minutes(client, editor):
    fail(client, 10, usernames=[f"ten-doan-{number}" for number in range(10)])
    assert ADDRESS_LOCKED_VI in text(sign_in_as(client, PASSWORD))
    earlier = timezone.now() - datetime.timedelta(minutes=14)
    AccessAttempt.objects.update(attempt_time=earlier)
    assert ADDRESS_LOCKED_VI in text(sign_in_as(client, PASSWORD))
    AccessAttempt.objects.update(attempt_time=timezone.now() - datetime.timedelta(minutes=15, seconds=5))
    assert signed_in(sign_in_as(client, PASSWORD))


def test_front_end_login_is_locked_too(client, editor):
    """Wagtail's login for private pages authenticates through the same backends."""
    fail(client, 10, usernames=[f"ten-doan-{number}" for number in range(10)])
    response = client.post(
        "/vi/_util/login/",
        {"username": "bientapvien", "password": PASSWORD},
        REMOTE_ADDR=ATTACKER,
    )
    assert response.status_code == 200
    assert "_auth_user_id" not in client.session


# Behind a proxy: a forged X-Forwarded-For changes nothing -------------------------


def test_a_forged_forwarded_for_cannot_dodge_the_address_lockout(client, editor, translator, settings):
    """One proxy appends the real address; whatever the attacker puts before it is ignored."""
    settings.TRUSTED_PROXIES = 1
    forged = [f"10.9.8.{number}" for number in range(7)] + ['"', '"1.2.3.4', "unknown", "[::1"]
    for attempt, prefix in enumerate(forged[:10]):
        sign_in_as(
            client,
            f"sai-{attempt}",
            username=f"ten-doan-{attempt}",
            address=PROXY,
            HTTP_X_FORWARDED_FOR=f"{prefix}, {ATTACKER}",
        )
    response = sign_in_as(
        client, PASSWORD, username="dichgia", address=PROXY, HTTP_X_FORWARDED_FOR=f"{forged[-1]}, {ATTACKER}"
    )
    assert ADDRESS_LOCKED_VI in text(response)
    assert set(AccessAttempt.objects.values_list("ip_address", flat=True)) == {ATTACKER}
    # A colleague coming through the same proxy is told apart by the address the proxy saw.
    colleague = sign_in_as(client, PASSWORD, username="dichgia", address=PROXY, HTTP_X_FORWARDED_FOR=OFFICE)
    assert signed_in(colleague)


def test_without_trusted_proxies_forwarding_headers_are_ignored(client, editor, translator, settings):
    settings.TRUSTED_PROXIES = 0
    for attempt in range(10):
        sign_in_as(
            client,
            f"sai-{attempt}",
            username=f"ten-doan-{attempt}",
            HTTP_X_FORWARDED_FOR=f"10.9.8.{attempt}",
            HTTP_X_REAL_IP=f"10.9.7.{attempt}",
        )
    assert ADDRESS_LOCKED_VI in text(sign_in_as(client, PASSWORD, username="dichgia", HTTP_X_FORWARDED_FOR=OFFICE))


# What is kept ------------------------------------------------------------------


def test_the_cache_holds_neither_address_nor_user_name(client, editor, clock):
    assert signed_in(sign_in_as(client, PASSWORD, address=OFFICE))
    client.logout()
    fail(client, 5, addresses=[ATTACKER])
    keys = [key for key in cache._cache if "sign-in:" in key]
    assert len(keys) == 3  # the account's count and last failure, the known-good address
    for key in keys:
        assert ATTACKER not in key and OFFICE not in key and "bientapvien" not in key


def test_failures_are_logged_for_thirty_days_and_successes_not_at_all(client, editor):
    fail(client, 1)
    old = AccessFailureLog.objects.get()
    AccessFailureLog.objects.filter(pk=old.pk).update(attempt_time=timezone.now() - datetime.timedelta(days=31))
    fail(client, 1)
    assert list(AccessFailureLog.objects.values_list("ip_address", flat=True)) == [ATTACKER]
    assert not AccessFailureLog.objects.filter(pk=old.pk).exists()
    assert signed_in(sign_in_as(client, PASSWORD, address=OFFICE))
    assert not AccessLog.objects.exists()
    assert not AccessFailureLog.objects.filter(ip_address=OFFICE).exists()
