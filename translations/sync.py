"""What happens when Vietnamese content is published or saved.

- A Vietnamese page goes live: draft translations into every language that
  has none are started with wagtail-localize's ``TranslationCreator`` by a
  task queued when the publish commits (``TRANSLATIONS_AUTO_DRAFTS`` turns this off). They
  are never published here: visitors only ever see reviewed translations.
- A page (or snippet) that already has translations changes: its
  ``TranslationSource`` is re-synced, as wagtail-localize's "Sync translated
  pages" does without publishing. ``StringTranslation`` rows are keyed by
  source string and context, so every translation of unchanged text survives;
  new or edited text shows up untranslated. Translated pages are not re-saved
  either, so their live versions stay as reviewed.
- Any change to a source's string segments (from here, from wagtail-localize's
  own sync view or from code) marks its translations outdated
  (``mark_outdated``, wired in ``signals``); publishing a translation made
  after the change clears the mark (``clear_outdated``).
"""

import logging
from functools import partial

from django.conf import settings
from django.contrib.auth import get_user_model
from django.db import transaction
from django.utils import timezone
from django_tasks import task
from wagtail.models import DraftStateMixin, Locale, Page
from wagtail_localize.models import Translation, TranslationSource
from wagtail_localize.operations import TranslationCreator

from translations import automation, notifications
from translations.models import OutdatedTranslation

logger = logging.getLogger(__name__)


def auto_drafts_enabled():
    return getattr(settings, "TRANSLATIONS_AUTO_DRAFTS", True) and not automation.is_paused()


def source_locale():
    return Locale.get_default()


def target_locales():
    return list(Locale.objects.exclude(pk=source_locale().pk).order_by("pk"))


def _has_translation_record(instance, locale):
    return Translation.objects.filter(
        source__object_id=instance.translation_key, target_locale=locale
    ).exists()


def _needs_translation(instance, locale):
    # Any existing copy counts, even one a translator took over by hand
    # (a disabled Translation) or an alias: those are never overwritten here.
    return not _has_translation_record(instance, locale) and not instance.has_translation(locale)


def create_draft_translations(page, user=None):
    """Start a draft translation of ``page`` into each language that has none.

    Untranslated ancestors are started first, top down, each as a draft of its
    own: left to itself Wagtail would copy a missing parent as an *alias*, a
    live page showing the Vietnamese text. Returns {locale: translated page}.
    """
    page = page.specific
    if page.alias_of_id or page.is_root():
        return {}
    created = {}
    for locale in target_locales():
        if not _needs_translation(page, locale):
            continue
        creator = TranslationCreator(user, [locale])
        for ancestor in page.get_ancestors().filter(depth__gt=1).specific():
            if _needs_translation(ancestor, locale):
                creator.create_translations(ancestor, include_related_objects=False)
        _start_related_drafts(creator, page, locale)
        creator.create_translations(page, include_related_objects=False)
        translated = page.get_translation_or_none(locale)
        if translated is not None:
            created[locale] = translated
    return created


def _start_related_drafts(creator, page, locale):
    """Draft translations of the snippets ``page`` refers to that can be drafts (its topics).

    Started before the page's own, so that its translation already points
    at them. Snippets without drafts (none today) are left alone: their
    translation would be live at once, in Vietnamese.
    """
    source, _ = TranslationSource.get_or_create_from_instance(page)
    for segment in source.relatedobjectsegment_set.select_related("object"):
        instance = segment.object.get_instance_or_none(page.locale)
        if isinstance(instance, DraftStateMixin) and _needs_translation(instance, locale):
            creator.create_translations(instance, include_related_objects=False)


def _segment_keys(source):
    return set(source.stringsegment_set.values_list("string_id", "context_id"))


def sync_source(instance):
    """Re-extract the source of an object that already has translations.

    Returns the target locales whose translation now has changed text (empty
    when the object was never submitted for translation or no text changed).
    """
    source = TranslationSource.objects.get_for_instance_or_none(instance)
    if source is None:
        return []
    before = _segment_keys(source)
    source, _ = TranslationSource.update_or_create_from_instance(instance)
    if _segment_keys(source) == before:
        return []
    return [
        translation.target_locale
        for translation in source.translations.filter(enabled=True).select_related("target_locale")
    ]


def on_source_published(instance, user=None):
    """A Vietnamese page was published (or a Vietnamese snippet saved).

    The source is re-synced at once, inside the publishing transaction. Draft
    translations are started by a task queued once that transaction commits:
    a rolled-back publish starts nothing, and with a task worker configured
    the editor's publish does not wait for them.
    """
    try:
        # A savepoint: whatever goes wrong here must not undo the editor's publish.
        with transaction.atomic():
            changed = sync_source(instance)
    except Exception:
        logger.exception("Could not re-sync the translation source of %r", instance)
        changed = []
    if auto_drafts_enabled() and isinstance(instance, Page):
        # As Wagtail queues its own after-publish work: immediately with the
        # default task backend, on a worker if the deployer configures one.
        transaction.on_commit(
            partial(
                start_drafts.enqueue,
                instance.pk,
                getattr(user, "pk", None),
                [locale.pk for locale in changed],
            )
        )
    elif changed:
        notifications.notify_translators(instance, created={}, changed=changed)


@task()
def start_drafts(page_id, user_id=None, changed_locale_ids=()):
    """Start the missing draft translations of a live page and tell translators."""
    page = Page.objects.filter(pk=page_id, live=True).first()
    if page is None:
        return
    user = get_user_model().objects.filter(pk=user_id).first() if user_id else None
    try:
        with transaction.atomic():
            created = create_draft_translations(page, user)
    except Exception:
        logger.exception("Could not start the translations of %r", page)
        created = {}
    changed = list(Locale.objects.filter(pk__in=changed_locale_ids))
    if created or changed:
        notifications.notify_translators(page.specific, created=created, changed=changed)


def mark_outdated(source_id):
    """Record that the translations of this source no longer match it.

    Keeps the earliest date: a translation stays "outdated since" the first
    change its published version does not reflect.
    """
    now = timezone.now()
    for object_id, locale_id in Translation.objects.filter(source_id=source_id).values_list(
        "source__object_id", "target_locale_id"
    ):
        OutdatedTranslation.objects.get_or_create(
            object_id=object_id, locale_id=locale_id, defaults={"since": now}
        )


def clear_outdated(object_id, locale_id, made_at):
    """A translation made at ``made_at`` went live: forget the changes it includes."""
    OutdatedTranslation.objects.filter(
        object_id=object_id, locale_id=locale_id, since__lte=made_at
    ).delete()
