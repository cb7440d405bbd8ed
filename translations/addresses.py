"""A translated page's address (slug): kept from the source, changed only to a valid, free one.

wagtail-localize makes the slug a segment translators must fill like any
text, then quietly "repairs" whatever they type: it runs Django's
``slugify`` (Lao or Vietnamese letters vanish, "ແຂວງຫົວພັນ 2027" becomes
"2027") and appends "-1" when the result is taken. The portal's rule:

* A new translation keeps the Vietnamese address: the slug segment is filled
  with it (or, after the source changes, with the translated page's current
  address), so a Lao translator never needs to touch it.
* A translator may replace it (an English translator often will), but only
  with an address as typed will be used: lower-case a-z, digits, hyphens. A
  value that is not is kept as typed and marked as an error on that segment,
  with the reason, in the translator's admin language; an address another
  page of the same section already has is an error too.
* A segment with an error does not count as translated, so the translation
  cannot be published or submitted for review until it is fixed
  (``wagtail_hooks`` and ``views`` refuse that; :func:`publish_problem` also
  catches an address taken since it was typed).
"""

from django.db.models.signals import post_save, pre_save
from django.dispatch import receiver
from django.utils.text import slugify
from django.utils.translation import gettext as _
from wagtail.models import Page
from wagtail_localize.models import StringSegment, StringTranslation, Translation

from translations import automation

SLUG_PATH = "slug"
# Shown by wagtail-localize's editor as "Translated with ... on <date>".
KEPT_TOOL = "Source address"


def _target_page(translation_key, locale_id):
    return Page.objects.filter(translation_key=translation_key, locale_id=locale_id).first()


def _is_page_context(context):
    model = context.object.content_type.model_class()
    return model is not None and issubclass(model, Page)


def address_problem(value, page=None):
    """Why ``value`` cannot be the address of ``page`` (a translated page), or None."""
    if not value:
        return _("The address cannot be empty. Keep the Vietnamese address if unsure.")
    if slugify(value) != value:
        suggestion = slugify(value)
        if suggestion:
            return _(
                "“%(value)s” cannot be used as an address: use only lower-case Latin letters without "
                "accents (a–z), digits and hyphens, for example “%(suggestion)s”."
            ) % {"value": value, "suggestion": suggestion}
        return _(
            "“%(value)s” cannot be used as an address: use only lower-case Latin letters without "
            "accents (a–z), digits and hyphens. Lao or Vietnamese letters cannot be part of an address; "
            "keep the Vietnamese address if unsure."
        ) % {"value": value}
    if page is not None and not page.is_root():
        parent = page.get_parent()
        taken = parent.get_children().exclude(pk=page.pk).filter(slug=value).first() if parent else None
        if taken is not None:
            return _(
                "“%(value)s” is already the address of “%(title)s” in the same section: choose another one."
            ) % {"value": value, "title": taken.get_admin_display_title()}
    return None


@receiver(pre_save, sender=StringTranslation)
def check_address(sender, instance, raw=False, update_fields=None, **kwargs):
    """Mark an unusable address as an error instead of letting wagtail-localize strip it."""
    if raw or (update_fields is not None and "data" not in update_fields):
        return
    context = instance.context
    if context is None or context.path != SLUG_PATH:
        return
    page = None
    if _is_page_context(context):
        page = _target_page(context.object_id, instance.locale_id)
    problem = address_problem(instance.data, page)
    if problem:
        instance.has_error = True
        instance.field_error = problem


def keep_source_address(translation):
    """Fill the untranslated slug segment of ``translation`` with the address to keep."""
    if not translation.enabled or automation.is_paused():
        return 0
    filled = 0
    segments = StringSegment.objects.filter(source_id=translation.source_id, context__path=SLUG_PATH)
    for segment in segments.select_related("string", "context", "context__object"):
        exists = StringTranslation.objects.filter(
            translation_of_id=segment.string_id,
            context_id=segment.context_id,
            locale_id=translation.target_locale_id,
        ).exists()
        if exists:
            continue
        target = _target_page(segment.context.object_id, translation.target_locale_id)
        value = target.slug if target is not None and target.slug else segment.string.data
        StringTranslation.objects.create(
            translation_of_id=segment.string_id,
            context_id=segment.context_id,
            locale_id=translation.target_locale_id,
            data=value,
            translation_type=StringTranslation.TRANSLATION_TYPE_MANUAL,
            tool_name=KEPT_TOOL,
        )
        filled += 1
    return filled


@receiver(post_save, sender=Translation)
def translation_started(sender, instance, created, **kwargs):
    if created:
        keep_source_address(instance)


@receiver(post_save, sender=StringSegment)
def address_changed_at_source(sender, instance, created, **kwargs):
    # The Vietnamese address changed: translated pages keep theirs (links to
    # them keep working) unless their translator changes it.
    if created and instance.context.path == SLUG_PATH:
        for translation in Translation.objects.filter(source_id=instance.source_id, enabled=True):
            keep_source_address(translation)


def publish_problem(translation):
    """Why the page of ``translation`` cannot go live with its address now, or None.

    Checked again when publishing or submitting: another page may have taken
    the address since the translator typed it. The problem is also shown on
    the slug segment in the translation editor.
    """
    page = _target_page(translation.source.object_id, translation.target_locale_id)
    if page is None:
        return None
    for segment in StringSegment.objects.filter(source_id=translation.source_id, context__path=SLUG_PATH):
        string_translation = StringTranslation.objects.filter(
            translation_of_id=segment.string_id,
            context_id=segment.context_id,
            locale_id=translation.target_locale_id,
        ).first()
        if string_translation is None:
            continue
        if string_translation.has_error and string_translation.field_error:
            return string_translation.field_error
        problem = address_problem(string_translation.data, page)
        if problem:
            string_translation.has_error = True
            string_translation.field_error = problem
            string_translation.save(update_fields=["has_error", "field_error"])
            return problem
    return None
