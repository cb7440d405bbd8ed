"""Keeps translators inside their own languages in wagtail-localize's views.

wagtail-localize checks page permissions for page translations, but for a
snippet it asks only whether the user may edit that snippet *model* (Wagtail
has no per-locale snippet permissions): an English translator could then
change Lao snippet strings through its API. Every view in the
``wagtail_localize`` namespace that works on one translation (string and
override edits, PO download and upload, machine translation, preview, stop)
is refused here unless the user may edit the translation's target locale
(``translations.permissions``).
"""

from django.core.exceptions import PermissionDenied
from wagtail_localize.models import Translation

from translations.permissions import can_edit_locale


class TranslatorLocaleMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        return self.get_response(request)

    def process_view(self, request, view_func, view_args, view_kwargs):
        match = request.resolver_match
        if match is None or "wagtail_localize" not in match.namespaces:
            return None
        translation_id = view_kwargs.get("translation_id")
        if translation_id is None or not request.user.is_authenticated:
            return None
        locale_id = (
            Translation.objects.filter(pk=translation_id).values_list("target_locale_id", flat=True).first()
        )
        if locale_id is not None and not can_edit_locale(request.user, locale_id):
            raise PermissionDenied
        return None
