"""The one purge: forget everything cached the moment anything it shows changes.

Every public page shows the site frame (menu, identity, reform sidebar, the
language switcher of its translations) and often lists of other pages, so
any change to a page, a snippet the frame shows, an image or document, a
privacy setting or a site purges the whole page cache, every frame, every
cached address and list at once (``purge_site`` bumps ``core.generation``).
The purge runs when the change happens and again when its transaction
commits: a visitor rendering a page between the two would otherwise put the
old content back under the new generation.

The project's own models shown on many pages (the site identity, topics)
are named in the ``CACHE_PURGE_MODELS`` setting, so this module needs no
import of the apps that define them.

With a CDN configured (``WAGTAILFRONTENDCACHE``), the changed pages, their
translations and the listings above them are purged there too (``core.cdn``).
"""

from django.conf import settings
from django.db import transaction
from django.db.models.signals import post_delete, post_save
from django.dispatch import receiver
from taggit.models import Tag
from wagtail.documents import get_document_model
from wagtail.images import get_image_model
from wagtail.models import CollectionViewRestriction, Locale, Page, PageViewRestriction, Site
from wagtail.signals import page_published, page_slug_changed, page_unpublished, post_page_move

from core import cdn, generation, read_replica


def _purge_now():
    # First, so that pages rebuilt after the purge wait for the read replica
    # to have this change (core/read_replica.py).
    read_replica.note_primary_position()
    generation.bump()


def purge_site():
    """Forget every cached page and frame, now and once the change is committed."""
    _purge_now()
    transaction.on_commit(_purge_now)
    cdn.purge_everything()


@receiver(page_published)
@receiver(page_unpublished)
@receiver(page_slug_changed)
@receiver(post_page_move)
def page_changed(sender, instance, **kwargs):
    purge_site()
    cdn.purge_page(instance)


@receiver(post_delete)
def page_deleted(sender, instance, **kwargs):
    if isinstance(instance, Page):
        purge_site()
        cdn.purge_page(instance)


@receiver(post_save)
def alias_created(sender, instance, created=False, **kwargs):
    # An alias is live at once, without a publish, and shares its source's
    # view restrictions.
    if created and isinstance(instance, Page) and instance.alias_of_id:
        purge_site()


@receiver(post_save, sender=PageViewRestriction)
@receiver(post_delete, sender=PageViewRestriction)
# A private collection hides its documents (the read API lists them).
@receiver(post_save, sender=CollectionViewRestriction)
@receiver(post_delete, sender=CollectionViewRestriction)
@receiver(post_save, sender=Site)
@receiver(post_delete, sender=Site)
@receiver(post_save, sender=Locale)
@receiver(post_delete, sender=Locale)
@receiver(post_save, sender=Tag)
@receiver(post_delete, sender=Tag)
@receiver(post_delete, sender=get_image_model())
@receiver(post_delete, sender=get_document_model())
def shown_everywhere_changed(sender, **kwargs):
    # A privacy setting decides who may see a page; a deleted image leaves
    # pages pointing at nothing (its foreign keys are cleared without signals).
    purge_site()


def _connect_project_models():
    # Django resolves "app_label.ModelName" senders once the model is loaded.
    for label in getattr(settings, "CACHE_PURGE_MODELS", ()):
        post_save.connect(shown_everywhere_changed, sender=label, dispatch_uid=f"core.purge.save.{label}")
        post_delete.connect(shown_everywhere_changed, sender=label, dispatch_uid=f"core.purge.delete.{label}")


_connect_project_models()


# Wagtail records a file's size and hash on first use, possibly while a page
# is being rendered; that changes nothing a visitor sees.
FILE_FACTS = {"file_size", "file_hash"}


@receiver(post_save, sender=get_image_model())
@receiver(post_save, sender=get_document_model())
def file_changed(sender, created=False, update_fields=None, **kwargs):
    # A new file is on no page yet. An edited one may have a new title, file
    # or focal point, so new rendition addresses.
    if created or (update_fields and set(update_fields) <= FILE_FACTS):
        return
    purge_site()
