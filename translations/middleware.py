"""Keeps translators inside their own languages in wagtail-localize's views.

wagtail-localize checks page permissions for page translations, but for a
snippet it asks only whether the user may edit that snippet *model* (Wagtail
has no per-locale snippet permissions): an English translator could then
change Lao snippet strings through its API. Every view in the
``wagtail_localize`` namespace that works on one translation (string and
override edits, PO download and upload, machine translation, preview, stop)
is refused here unless the user may edit the translation's target locale
(``translations.permissions``).

Its "Sync translated pages" view can also publish every translation at once,
unfinished ones included, with the Vietnamese text standing in for what is
missing. Publishing translations is the reviewers' step, so that option is
dropped here: the sync itself still happens.
"""

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.utils.translation import gettext as _
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
        if match.url_name == "update_translations" and request.POST.get("publish_translations"):
            request.POST = request.POST.copy()
            del request.POST["publish_translations"]
            messages.warning(
                request,
                _("Translations were synced but not published: reviewers publish each language once it is translated."),
            )
        translation_id = view_kwargs.get("translation_id")
        if translation_id is None or not request.user.is_authenticated:
            return None
        locale_id = (
            Translation.objects.filter(pk=translation_id).values_list("target_locale_id", flat=True).first()
        )
        if locale_id is not None and not can_edit_locale(request.user, locale_id):
            raise PermissionDenied
        return None
