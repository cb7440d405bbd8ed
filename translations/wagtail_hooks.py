"""Admin integration: URLs, menu items, dashboard panel, glossary snippet, guards."""

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.shortcuts import redirect
from django.urls import include, path, reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from wagtail import hooks
from wagtail.admin.menu import MenuItem
from wagtail.admin.utils import get_valid_next_url_from_request
from wagtail.models import Page, TranslatableMixin
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet
from wagtail_localize.models import Translation

from translations import addresses, urls
from translations.models import GlossaryTerm
from translations.panels import TranslatorTasksPanel
from translations.permissions import can_edit_locale, translation_locales
from translations.roles import OVERVIEW_PERMISSION


@hooks.register("register_admin_urls")
def register_admin_urls():
    return [path("translations/", include(urls, namespace="translations"))]


class OverviewMenuItem(MenuItem):
    def is_shown(self, request):
        return request.user.has_perm(OVERVIEW_PERMISSION)


@hooks.register("register_reports_menu_item")
def register_overview_menu_item():
    return OverviewMenuItem(
        gettext_lazy("Translation overview"), reverse("translations:overview"), icon_name="site", order=8900
    )


@hooks.register("construct_homepage_panels")
def add_translator_tasks_panel(request, panels):
    locales = translation_locales(request.user)
    if locales:
        panels.append(TranslatorTasksPanel(locales))


class GlossaryViewSet(SnippetViewSet):
    model = GlossaryTerm
    icon = "doc-full"
    menu_label = gettext_lazy("Glossary")
    menu_order = 250
    add_to_admin_menu = True
    list_display = ["term", "english", "lao", "note"]
    search_fields = ["term", "english", "lao"]
    ordering = ["term"]


register_snippet(GlossaryViewSet)


# Guards ---------------------------------------------------------------------------
# Registered before wagtail-localize's own hooks (order < 0), which answer the
# same requests with the translation editor.


def _refuse_incomplete_publish(request, instance):
    """Publishing from the translation editor with missing strings would put
    Vietnamese fallback text live; refuse until every string is translated."""
    if request.method != "POST" or request.POST.get("action") != "publish":
        return None
    translation = Translation.objects.filter(
        source__object_id=instance.translation_key, target_locale_id=instance.locale_id, enabled=True
    ).first()
    if translation is None:
        return None
    address_problem = addresses.publish_problem(translation)
    if address_problem:
        messages.error(request, _("Not published: the address is not usable. %(problem)s") % {"problem": address_problem})
        return redirect(request.path)
    total, done = translation.get_progress()
    if done < total:
        messages.error(
            request,
            _("Not published: %(count)s strings are not translated yet, and visitors would see them in Vietnamese.")
            % {"count": total - done},
        )
        return redirect(request.path)
    return None


@hooks.register("before_edit_page", order=-10)
def refuse_incomplete_page_publish(request, page):
    return _refuse_incomplete_publish(request, page)


@hooks.register("before_bulk_action")
def refuse_bulk_publishing_translations(request, action_type, objects, action_class_instance):
    """The explorer's bulk "Publish" would publish a translation's latest draft,
    which wagtail-localize built with Vietnamese text for every missing string.
    Synced translations go live from the translation editor or through review."""
    if action_type != "publish":
        return None
    pages = [obj for obj in objects if isinstance(obj, Page)]
    synced = Translation.objects.filter(
        enabled=True,
        source__object_id__in=[page.translation_key for page in pages],
        target_locale_id__in={page.locale_id for page in pages},
    ).values_list("source__object_id", "target_locale_id")
    synced = set(synced)
    refused = [page for page in pages if (page.translation_key, page.locale_id) in synced]
    if refused:
        messages.error(
            request,
            _("Not published: %(titles)s. Translations are published from the translation editor or through review.")
            % {"titles": ", ".join(page.get_admin_display_title() for page in refused)},
        )
        return redirect(get_valid_next_url_from_request(request) or reverse("wagtailadmin_home"))
    return None


@hooks.register("before_edit_snippet", order=-10)
def keep_snippet_edits_in_language(request, instance):
    if not isinstance(instance, TranslatableMixin):
        return None
    if not can_edit_locale(request.user, instance.locale_id):
        raise PermissionDenied
    return _refuse_incomplete_publish(request, instance)


@hooks.register("before_delete_snippet", order=-10)
def keep_snippet_deletes_in_language(request, instances):
    for instance in instances:
        if isinstance(instance, TranslatableMixin) and not can_edit_locale(request.user, instance.locale_id):
            raise PermissionDenied
