"""``/healthz/``: what the proxy's health checks ask every second (core/health.py)."""

from django.db import OperationalError


def test_health_check_answers_ok_without_being_cached_or_counted(client, db):
    response = client.get("/healthz/", HTTP_USER_AGENT="varnish-health-check")
    assert response.status_code == 200
    assert response.content == b"ok\n"
    assert "no-store" in response["Cache-Control"]


def test_health_check_fails_when_the_database_cannot_be_reached(client, db, monkeypatch):
    from core import health

    class Unreachable:
        def cursor(self):
            raise OperationalError("connection refused")

    monkeypatch.setattr(health, "connections", {"default": Unreachable()})
    response = client.get("/healthz/")
    assert response.status_code == 503
