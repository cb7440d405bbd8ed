"""Admin integration of the news app: the Topics snippet."""

from django.utils.translation import gettext_lazy as _
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet

from news.topics import Topic


class TopicViewSet(SnippetViewSet):
    """Topics editors tag articles with; translators translate them per language."""

    model = Topic
    icon = "tag"
    menu_label = _("Topics")
    menu_order = 260
    add_to_admin_menu = True
    list_display = ["name", "live"]
    ordering = ["name"]


register_snippet(TopicViewSet)
