"""What comes into the admin by POST: never too big to lose, never invisible.

Two things happen to every POST to the Wagtail admin, before any view (and
before the CSRF check, which is the first to read the form) sees it:

- A form larger than ``DATA_UPLOAD_MAX_MEMORY_SIZE`` makes Django raise
  ``RequestDataTooBig``, which used to become a bare "Bad Request" page: the
  editor's browser left the edit view and what they had chosen was gone.
  Here it becomes a 413 answer the editor understands, in their admin
  language (JSON for the editor's autosave, which shows it in place), and the
  admin's browser check (``home/static/js/admin-limits.js``) stops such a
  form from being sent at all.
- Invisible format characters (``core.text_rules``) are removed from
  every submitted text value, in pages, snippets and blocks alike, and the
  editor is told which ones were removed.
"""

from django.conf import settings
from django.contrib import messages
from django.contrib.auth import get_user
from django.core.exceptions import RequestDataTooBig
from django.http import JsonResponse
from django.shortcuts import render
from django.utils import translation
from django.utils.translation import gettext as _
from wagtail.users.models import UserProfile

from core import text_rules

# Fields never rewritten: secrets and tokens are compared byte for byte.
UNTOUCHED_FIELDS = ("password", "csrfmiddlewaretoken")


def admin_prefix():
    return getattr(settings, "PORTAL_ADMIN_PATH_PREFIX", "/admin/")


def _admin_language(request):
    """The signed-in user's admin language, else the site's default."""
    user = getattr(request, "user", None) or get_user(request)
    if user.is_authenticated:
        profile = UserProfile.get_for_user(user)
        return profile.get_preferred_language() or settings.LANGUAGE_CODE
    return settings.LANGUAGE_CODE


def _expects_json(request):
    return not request.accepts("text/html")


def too_big_response(request):
    """The 413 answer to a form over the request-size limit; nothing was saved."""
    limit_mb = settings.DATA_UPLOAD_MAX_MEMORY_SIZE / (1024 * 1024)
    with translation.override(_admin_language(request)):
        message = _(
            "What you sent is too big to save (the limit is %(limit)s MB of text). Nothing was "
            "saved. Go back with your browser's Back button: the editor still holds your work. "
            "Shorten the longest text (a pasted document, for example) and save again."
        ) % {"limit": f"{limit_mb:.1f}".rstrip("0").rstrip(".")}
        if _expects_json(request):
            return JsonResponse(
                {"success": False, "error_code": "request_too_big", "error_message": message},
                status=413,
            )
        return render(
            request,
            "core/request_too_big.html",
            {"message": message},
            status=413,
        )


class AdminInputMiddleware:
    """Refuses oversized admin forms clearly and strips invisible characters from them."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if request.method == "POST" and request.path.startswith(admin_prefix()):
            try:
                request.POST  # noqa: B018  (parse now, where the size error can be answered)
            except RequestDataTooBig:
                return too_big_response(request)
            self.strip_invisible(request)
        return self.get_response(request)

    def strip_invisible(self, request):
        found = []
        count = 0
        cleaned = request.POST.copy()
        for key, values in request.POST.lists():
            if any(part in key for part in UNTOUCHED_FIELDS):
                continue
            new_values = []
            for value in values:
                characters = text_rules.INVISIBLE_CHARACTERS.findall(value)
                if characters:
                    count += len(characters)
                    found.extend(characters)
                    value = text_rules.strip_invisible(value)
                new_values.append(value)
            if new_values != values:
                cleaned.setlist(key, new_values)
        if not count:
            return
        cleaned._mutable = False
        request._post = cleaned
        # Autosave runs every few seconds; its notices would pile up unseen.
        if not _expects_json(request) and hasattr(request, "_messages"):
            messages.warning(
                request, text_rules.removed_message(list(dict.fromkeys(found)), count)
            )
