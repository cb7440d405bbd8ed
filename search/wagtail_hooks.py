"""Admin for search: editors' picks (a snippet) and the popular-searches report."""

from django.contrib.auth.models import Permission
from django.urls import path, reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.menu import MenuItem
from wagtail.admin.panels import FieldPanel
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet

from search.admin_views import PopularSearchesView
from search.models import EditorsPick


class EditorsPickViewSet(SnippetViewSet):
    model = EditorsPick
    icon = "pick"
    menu_label = _("Editors' picks")
    menu_order = 250
    add_to_admin_menu = True
    list_display = ["query", "page", "locale", "sort_order"]
    list_filter = ["locale"]
    search_fields = ["query"]
    panels = [
        FieldPanel("locale"),
        FieldPanel("query"),
        FieldPanel("page"),
        FieldPanel("description"),
        FieldPanel("sort_order"),
    ]


register_snippet(EditorsPickViewSet)


@hooks.register("register_admin_urls")
def register_popular_searches_urls():
    return [
        path("reports/popular-searches/", PopularSearchesView.as_view(), name="search_popular"),
        path(
            "reports/popular-searches/results/",
            PopularSearchesView.as_view(results_only=True),
            name="search_popular_results",
        ),
    ]


class PopularSearchesMenuItem(MenuItem):
    def is_shown(self, request):
        return request.user.has_perm("search.view_searchterm")


@hooks.register("register_reports_menu_item")
def register_popular_searches_menu_item():
    return PopularSearchesMenuItem(
        _("Popular searches"),
        reverse("search_popular"),
        name="popular-searches",
        icon_name="search",
        order=1300,
    )


@hooks.register("register_permissions")
def register_popular_searches_permission():
    return Permission.objects.filter(content_type__app_label="search", codename="view_searchterm")
