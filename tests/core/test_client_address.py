"""One client-address rule: the right-most address our proxies did not write, never the client's claim."""

import pytest
from django.core.exceptions import ImproperlyConfigured
from django.core.management import call_command
from django.core.management.base import SystemCheckError
from django.test import RequestFactory

from core.client_address import client_address, trusted_proxies_from_environment

VISITOR = "203.0.113.77"
PROXY = "10.0.0.1"


def request(forwarded=None, remote=PROXY, **extra):
    if forwarded is not None:
        extra["HTTP_X_FORWARDED_FOR"] = forwarded
    return RequestFactory().get("/", REMOTE_ADDR=remote, **extra)


def test_with_no_proxy_the_connection_is_the_visitor_whatever_the_headers_say(settings):
    settings.TRUSTED_PROXIES = 0
    assert client_address(request(remote=VISITOR)) == VISITOR
    forged = request("1.2.3.4", remote=VISITOR, HTTP_X_REAL_IP="5.6.7.8", HTTP_CLIENT_IP="9.9.9.9")
    assert client_address(forged) == VISITOR


@pytest.mark.parametrize(
    "forwarded",
    [
        VISITOR,
        f"1.2.3.4, {VISITOR}",
        f"1.2.3.4, 5.6.7.8, {VISITOR}",
        f"unknown, {VISITOR}",
        f'", {VISITOR}',  # an unbalanced quote must not swallow what the proxy appended
        f'for="1.2.3.4, {VISITOR}',
        f"[::1, {VISITOR}",
        f"{VISITOR}:443",
    ],
)
def test_behind_one_proxy_the_address_it_appended_is_the_visitor(settings, forwarded):
    settings.TRUSTED_PROXIES = 1
    assert client_address(request(forwarded)) == VISITOR


def test_behind_two_proxies_the_second_entry_from_the_right_is_the_visitor(settings):
    settings.TRUSTED_PROXIES = 2
    assert client_address(request(f"1.2.3.4, {VISITOR}, 198.51.100.1")) == VISITOR


def test_ipv6_visitors_are_read_in_their_canonical_form(settings):
    settings.TRUSTED_PROXIES = 1
    assert client_address(request("[2001:DB8:0::1]:8443")) == "2001:db8::1"


@pytest.mark.parametrize("forwarded", [None, "", "not-an-address", "1.2.3.4,"])
def test_a_request_that_did_not_come_through_the_proxies_is_the_connections_address(settings, forwarded):
    settings.TRUSTED_PROXIES = 1
    assert client_address(request(forwarded)) == PROXY


def test_the_setting_comes_from_one_environment_variable():
    assert trusted_proxies_from_environment({}) == 0
    assert trusted_proxies_from_environment({"DJANGO_TRUSTED_PROXIES": " 2 "}) == 2
    for bad in ("-1", "one", "1.5"):
        with pytest.raises(ImproperlyConfigured, match="DJANGO_TRUSTED_PROXIES must be a whole number"):
            trusted_proxies_from_environment({"DJANGO_TRUSTED_PROXIES": bad})


def test_the_retired_header_variable_stops_start_up_naming_its_replacement():
    with pytest.raises(ImproperlyConfigured) as error:
        trusted_proxies_from_environment({"DJANGO_CLIENT_IP_HEADER": "HTTP_X_REAL_IP"})
    assert "DJANGO_CLIENT_IP_HEADER is no longer read" in str(error.value)
    assert "DJANGO_TRUSTED_PROXIES" in str(error.value)


@pytest.mark.parametrize("name", ["CLIENT_IP_HEADER", "VISITS_CLIENT_IP_HEADER"])
def test_a_retired_setting_fails_the_system_check(settings, name):
    setattr(settings, name, "HTTP_X_FORWARDED_FOR")
    with pytest.raises(SystemCheckError, match=f"core.E001.*{name} is no longer read"):
        call_command("check")


def test_production_reads_the_number_of_proxies_from_its_one_variable():
    from tests.site_project.production_env import environment, load_settings

    values = load_settings(environment(DJANGO_TRUSTED_PROXIES="2"), ["TRUSTED_PROXIES"])
    assert isinstance(values, dict), values.stderr
    assert values["TRUSTED_PROXIES"] == 2


def test_production_refuses_to_start_with_the_retired_variable():
    from tests.site_project.production_env import environment, run

    result = run(["manage.py", "check"], environment(DJANGO_CLIENT_IP_HEADER="HTTP_X_REAL_IP"))
    assert result.returncode != 0
    last_line = result.stderr.strip().splitlines()[-1]
    assert last_line.startswith("django.core.exceptions.ImproperlyConfigured")
    assert "DJANGO_CLIENT_IP_HEADER is no longer read" in last_line
