"""Keeping the search page's own index true where Wagtail's indexing does not reach."""

from django.dispatch import receiver
from wagtail.models import Page
from wagtail.signals import post_page_move

from search import entries


@receiver(post_page_move)
def refresh_moved_pages(sender, instance, **kwargs):
    """A moved page's descendants have new ancestors: rewrite their entries (sections, private parts)."""
    entries.refresh_subtree(Page.objects.get(pk=instance.pk))
