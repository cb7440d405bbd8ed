"""Management commands and the middleware-order system check."""

import json

import pytest
from django.core.management import call_command
from django.test.utils import override_settings

from visits import checks
from visits.models import VisitSettings

COUNTER = "visits.middleware.VisitCounterMiddleware"


def test_set_visit_total_and_visit_figures(db, capsys):
    call_command("set_visit_total", "51827387")
    assert VisitSettings.load().carried_over_total == 51_827_387
    capsys.readouterr()
    call_command("visit_figures", "--json")
    assert json.loads(capsys.readouterr().out) == {
        "total": 51_827_387,
        "today": 0,
        "online": 0,
        "carried_over": 51_827_387,
    }


def test_flush_visits_without_redis_only_prunes(db, capsys):
    call_command("flush_visits")
    assert capsys.readouterr().out == ""


def test_the_counter_must_sit_above_page_caches_and_below_gzip(settings):
    assert checks.check_middleware_order(None) == []
    base = [m for m in settings.MIDDLEWARE if m != COUNTER]
    with override_settings(MIDDLEWARE=base):
        assert [e.id for e in checks.check_middleware_order(None)] == ["visits.W001"]
    cache_first = ["django.middleware.cache.UpdateCacheMiddleware", COUNTER] + base
    with override_settings(MIDDLEWARE=cache_first):
        assert [e.id for e in checks.check_middleware_order(None)] == ["visits.E001"]
    gzip_inside = [COUNTER, "django.middleware.gzip.GZipMiddleware"] + base
    with override_settings(MIDDLEWARE=gzip_inside):
        assert [e.id for e in checks.check_middleware_order(None)] == ["visits.E002"]


def test_flush_visits_says_when_redis_is_unreachable(settings, db):
    from django.core.management.base import CommandError

    settings.VISITS_REDIS_URL = "redis://127.0.0.1:9/0"
    with pytest.raises(CommandError, match="nothing was moved"):
        call_command("flush_visits")
