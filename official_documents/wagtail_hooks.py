"""Admin integration: the register's snippets (types, issuers, fields) in one menu group."""

from django.utils.translation import gettext_lazy as _
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet, SnippetViewSetGroup

from .models import DocumentField, DocumentType, IssuingBody


class DocumentTypeViewSet(SnippetViewSet):
    model = DocumentType
    icon = "doc-full"
    list_display = ["name", "code", "sort_order"]
    ordering = ["sort_order", "name"]


class IssuingBodyViewSet(SnippetViewSet):
    model = IssuingBody
    icon = "group"
    list_display = ["name", "sort_order"]
    ordering = ["sort_order", "name"]


class DocumentFieldViewSet(SnippetViewSet):
    model = DocumentField
    icon = "folder-open-inverse"
    list_display = ["name", "sort_order"]
    ordering = ["sort_order", "name"]


class RegisterViewSetGroup(SnippetViewSetGroup):
    items = (DocumentTypeViewSet, IssuingBodyViewSet, DocumentFieldViewSet)
    menu_icon = "doc-full-inverse"
    menu_label = _("Documents register")
    menu_order = 270


register_snippet(RegisterViewSetGroup)
