"""Translations made the way wagtail-localize makes them in its editor.

The Vietnamese object is the translation source; each English or Lao text
is stored as a ``StringTranslation`` of the matching source segment, and
``Translation.save_target`` builds the translated object from them. The
translator's editor, the PO export and "sync translated pages" then all see
a complete, ordinary translation.

Matching source and target strings: the loader builds an unsaved copy of the
object holding the target-language texts with the same StreamField block ids;
both are run through wagtail-localize's own segment extractor, and segments
are paired by content path and position. That covers rich text split into
one segment per <p>/<li>, table cells, figure labels, the slug and so on,
without re-implementing the extractor's rules here.
"""

import json
from collections import defaultdict

from django.core.management.base import CommandError
from wagtail.models import DraftStateMixin, Page
from wagtail_localize.models import (
    SegmentOverride,
    StringTranslation,
    Translation,
    TranslationContext,
    TranslationSource,
)
from wagtail_localize.segments import StringSegmentValue
from wagtail_localize.segments.extract import extract_segments


def _target_strings(instance):
    """Translated strings of an unsaved target-language copy, by content path."""
    by_path = defaultdict(list)
    for segment in extract_segments(instance):
        if isinstance(segment, StringSegmentValue):
            by_path[segment.path].append(segment.string.data)
    return by_path


def _store_strings(source, locale, target_instance):
    """Create or update one StringTranslation per source segment; count the changes."""
    wanted = _target_strings(target_instance)
    segments = defaultdict(list)
    for segment in source.stringsegment_set.select_related("string", "context").order_by("order"):
        segments[segment.context.path].append(segment)

    if set(segments) != set(wanted) or any(
        len(segments[path]) != len(wanted[path]) for path in segments
    ):
        mismatched = sorted(
            path
            for path in set(segments) | set(wanted)
            if len(segments.get(path, ())) != len(wanted.get(path, ()))
        )
        raise CommandError(
            f"{source.object_repr}: the {locale.language_code} text does not have the "
            f"shape of the Vietnamese text at {mismatched}"
        )

    existing = {
        (item.translation_of_id, item.context_id): item
        for item in StringTranslation.objects.filter(
            locale=locale, context__object_id=source.object_id
        )
    }
    changed = 0
    for path, path_segments in segments.items():
        for segment, data in zip(path_segments, wanted[path]):
            current = existing.get((segment.string_id, segment.context_id))
            if current is not None and current.data == data and not current.has_error:
                continue
            StringTranslation.objects.update_or_create(
                translation_of=segment.string,
                locale=locale,
                context=segment.context,
                defaults={
                    "data": data,
                    "translation_type": StringTranslation.TRANSLATION_TYPE_MANUAL,
                    "has_error": False,
                    "field_error": "",
                },
            )
            changed += 1
    return changed


def _store_overrides(source, locale, overrides):
    """Point synchronised fields (such as a page link) at the target language's object."""
    changed = 0
    for path, value in overrides.items():
        context = TranslationContext.objects.get(object_id=source.object_id, path=path)
        data_json = json.dumps(value)
        override, created = SegmentOverride.objects.get_or_create(
            locale=locale, context=context, defaults={"data_json": data_json}
        )
        if not created and override.data_json != data_json:
            override.data_json = data_json
            override.has_error = False
            override.save()
            created = True
        changed += created
    return changed


def _translated_instance(source, locale):
    try:
        return source.get_translated_instance(locale)
    except source.specific_content_type.model_class().DoesNotExist:
        return None


def _check_complete(translation):
    total, done = translation.get_progress()
    if total != done:
        raise CommandError(f"{translation.source.object_repr}: {done} of {total} strings translated")


def translate(original, targets, *, force=False, fix_target=None, overrides=None):
    """Translate ``original`` (Vietnamese, saved) into every locale in ``targets``.

    ``targets`` maps a Locale to an unsaved instance carrying that language's
    texts. ``overrides`` maps a locale to {content path: value} for synchronised
    fields. ``fix_target(page, locale)`` may adjust what wagtail-localize only
    copies (tags, links to other pages) and returns True if it changed anything.
    Returns the translated objects by locale.
    """
    source, _ = TranslationSource.update_or_create_from_instance(original)
    is_page = isinstance(original, Page)
    # Pages and snippets with drafts (topics) must end up live.
    publishable = is_page or isinstance(original, DraftStateMixin)
    results = {}
    for locale, target_instance in targets.items():
        changed = force
        changed |= bool(_store_strings(source, locale, target_instance))
        changed |= bool(_store_overrides(source, locale, (overrides or {}).get(locale, {})))
        translation, created = Translation.objects.get_or_create(
            source=source, target_locale=locale
        )
        target = _translated_instance(source, locale)
        if target is None or (publishable and (not target.live or target.has_unpublished_changes)):
            changed = True
        if changed:
            # Pages are saved as a draft first so the fix-ups below and the
            # translation go live together, as one published revision.
            translation.save_target(user=None, publish=not is_page)
            target = source.get_translated_instance(locale)
        if is_page:
            target = target.specific
            fixed = fix_target(target, locale) if fix_target else False
            if changed or fixed:
                target.save_revision(user=None).publish()
        _check_complete(translation)
        results[locale] = target
    return results
