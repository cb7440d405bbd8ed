"""The last step of a migration: does every recorded old address answer 301 to its page?

Asks the site itself (Django's test client, so through every middleware a
visitor's request meets) for each old path, and compares the answer with
the page's current address.
"""

from django.conf import settings
from django.test import Client
from wagtail.models import Site

from importer.models import ImportedPage


def _host():
    site = Site.objects.filter(is_default_site=True).first()
    hosts = [host for host in settings.ALLOWED_HOSTS if host not in ("*",) and not host.startswith(".")]
    if site and (site.hostname in hosts or "*" in settings.ALLOWED_HOSTS):
        return site.hostname
    return hosts[0] if hosts else "localhost"


def check_old_addresses(write):
    """``(failures, count)``; each failure is ``(old path, what was answered)``."""
    client = Client(HTTP_HOST=_host(), secure=getattr(settings, "SECURE_SSL_REDIRECT", False))
    failures = []
    checked = 0
    records = ImportedPage.objects.filter(page__isnull=False).select_related("page").order_by("pk")
    for record in records.iterator(chunk_size=500):
        checked += 1
        expected = record.page.specific_deferred.url
        response = client.get(record.old_path)
        location = response.headers.get("Location", "")
        if response.status_code != 301 or not location.endswith(expected or "\0"):
            answer = f"{response.status_code} {location}".strip()
            failures.append((record.old_path, answer))
            write(f"not redirected: {record.old_path} -> {answer} (expected 301 to {expected})")
    return failures, checked
