"""Signal wiring; the work itself lives in ``sync`` and ``memory``."""

from django.db.models.signals import post_delete, post_save, pre_save
from django.dispatch import receiver
from wagtail.models import Page, TranslatableMixin
from wagtail.signals import page_published
from wagtail_localize.models import (
    StringSegment,
    StringTranslation,
    Translation,
    TranslationLog,
    TranslationSource,
)

from core import text_rules
from translations import automation, memory, sync
from translations.models import OutdatedTranslation


@receiver(pre_save, sender=StringTranslation)
def translated_string_saving(sender, instance, raw=False, **kwargs):
    # The translation editor, PO uploads and machine drafts all save strings
    # here; a right-to-left override pasted into a Lao title would otherwise
    # reach the public page. The editor shows the saved text back at once.
    if not raw:
        instance.data = text_rules.strip_invisible(instance.data)


@receiver(page_published)
def page_went_live(sender, instance, revision=None, **kwargs):
    if kwargs.get("alias"):
        return  # aliases follow their original; they are not translations
    if instance.locale_id == sync.source_locale().pk:
        sync.on_source_published(instance, getattr(revision, "user", None))
    elif revision is not None:
        sync.clear_outdated(instance.translation_key, instance.locale_id, revision.created_at)


@receiver(post_save)
def snippet_saved(sender, instance, created, raw=False, **kwargs):
    # Pages are handled on publish; a snippet without drafts is "published"
    # on every save. Only its source is re-synced: starting translations of a
    # snippet would put Vietnamese text live at once, as snippets have no drafts.
    if raw or created or isinstance(instance, Page) or not isinstance(instance, TranslatableMixin):
        return
    if instance.locale_id == sync.source_locale().pk:
        sync.on_source_published(instance)


@receiver(post_save, sender=TranslationLog)
def snippet_translation_saved(sender, instance, created, **kwargs):
    # Page translations go live through page_published; a log without a
    # revision is a snippet translation saved (hence live) there and then.
    if created and instance.revision_id is None:
        sync.clear_outdated(instance.source.object_id, instance.locale_id, instance.created_at)


@receiver(post_save, sender=Translation)
def translation_started(sender, instance, created, **kwargs):
    if created and not automation.is_paused():
        memory.prefill(instance)


@receiver(post_save, sender=StringSegment)
def segment_added(sender, instance, created, **kwargs):
    if created:
        sync.mark_outdated(instance.source_id)
        if not automation.is_paused():
            memory.prefill_source(instance.source_id, [instance.pk])


@receiver(post_delete, sender=StringSegment)
def segment_removed(sender, instance, **kwargs):
    sync.mark_outdated(instance.source_id)


@receiver(post_delete, sender=TranslationSource)
def source_deleted(sender, instance, **kwargs):
    OutdatedTranslation.objects.filter(object_id=instance.object_id).delete()
