"""Keeping the search page's own index true where Wagtail's indexing does not reach."""

from django.core.cache import cache
from django.db.models.signals import post_delete, post_save
from django.dispatch import receiver
from wagtail.models import Page
from wagtail.signals import post_page_move

from search import entries
from search.models import PICKED_KEYS, EditorsPick


@receiver(post_page_move)
def refresh_moved_pages(sender, instance, **kwargs):
    """A moved page's descendants have new ancestors: rewrite their entries (sections, private parts)."""
    entries.refresh_subtree(Page.objects.get(pk=instance.pk))


@receiver(post_save, sender=EditorsPick)
@receiver(post_delete, sender=EditorsPick)
def forget_picked_keys(sender, **kwargs):
    """A pick was added, changed or removed: the set of picked words is read again.

    Cached search pages show picks too: the model is in
    ``CACHE_PURGE_MODELS``, so ``core.purge`` forgets them as it does pages.
    """
    cache.delete(PICKED_KEYS)
