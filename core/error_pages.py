"""Error answers Django leaves bare, as the portal's own pages in the visitor's language.

- ``reject_unknown_host``: a request naming a host outside ``ALLOWED_HOSTS``
  gets the 400 page. Django's own handling renders that page with the bad
  host still in the request, and the site frame asking for the host fails
  again (a 500).
- ``csrf_failure`` (``CSRF_FAILURE_VIEW``): a form sent without a valid
  token gets the 403 page instead of Django's English one.
- ``ErrorPageMiddleware``: an empty 405 (a view refusing the method) or 403
  becomes the portal's page, keeping the ``Allow`` header.
"""

import logging

from django.conf import settings
from django.core.exceptions import DisallowedHost
from django.shortcuts import render
from django.urls import get_resolver
from django.utils import translation

security_logger = logging.getLogger("django.security.DisallowedHost")


def known_host():
    """A host name from ALLOWED_HOSTS to render error pages with."""
    for host in settings.ALLOWED_HOSTS:
        if host and host != "*" and not host.startswith("."):
            return host
    return "localhost"


class RejectUnknownHostMiddleware:
    """First in MIDDLEWARE: answers an unknown Host with the portal's 400 page."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        try:
            request.get_host()
        except DisallowedHost as error:
            security_logger.warning(str(error))
            request.META["HTTP_HOST"] = known_host()
            request.META.pop("HTTP_X_FORWARDED_HOST", None)
            from core.security import add_security_headers

            # LocaleMiddleware has not run yet: the language comes from the
            # address (/en/...) or the browser.
            language = translation.get_language_from_path(
                request.path_info
            ) or translation.get_language_from_request(request)
            callback = get_resolver().resolve_error_handler(400)
            with translation.override(language):
                response = callback(request, error)
            return add_security_headers(response, request)
        return self.get_response(request)


def csrf_failure(request, reason=""):
    return render(request, "403.html", status=403)


class ErrorPageMiddleware:
    """Last in MIDDLEWARE (the visitor's language is active): fills empty 403 and 405 answers."""

    TEMPLATES = {403: "403.html", 405: "405.html"}

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        template = self.TEMPLATES.get(response.status_code)
        if template is None or response.streaming or response.content.strip():
            return response
        page = render(request, template, status=response.status_code)
        if response.has_header("Allow"):
            page["Allow"] = response["Allow"]
        return page
