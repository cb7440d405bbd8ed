"""Translation memory: text translated anywhere on the site, offered again.

wagtail-localize keys a ``StringTranslation`` by (source ``String``, locale,
context), and a context belongs to one object: a sentence translated on one
article is not offered on another (upstream issue #657). This module fills
that gap. Whenever a translation gains string segments without a translation
(a new ``Translation``, or a re-synced source), each one whose source text
was already translated into the target language elsewhere is pre-filled from
there; failing that, a segment that is exactly a glossary term gets the
agreed term. Pre-filled strings carry ``tool_name`` "Translation memory" or
"Glossary", which wagtail-localize's editor shows next to them ("Translated
with Translation memory on ..."), and stay editable like any other.
"""

from django.db.models import Case, Exists, IntegerField, OuterRef, Value, When
from wagtail_localize.models import StringSegment, StringTranslation, Translation

from translations import glossary

MEMORY_TOOL = "Translation memory"
GLOSSARY_TOOL = "Glossary"
PREFILL_TOOLS = (MEMORY_TOOL, GLOSSARY_TOOL)


def untranslated_segments(source_id, locale_id, segment_ids=None):
    """(string id, context id, string data) of segments with no translation into the locale."""
    segments = StringSegment.objects.filter(source_id=source_id)
    if segment_ids is not None:
        segments = segments.filter(pk__in=segment_ids)
    translated = StringTranslation.objects.filter(
        translation_of_id=OuterRef("string_id"),
        context_id=OuterRef("context_id"),
        locale_id=locale_id,
    )
    return list(
        segments.exclude(Exists(translated))
        .values_list("string_id", "context_id", "string__data")
        .distinct()
    )


def best_translations(string_ids, locale_id):
    """The preferred earlier translation of each source string into the locale.

    A translator's own work beats text that was itself pre-filled or machine
    translated; among equals the most recent wins.
    """
    candidates = (
        StringTranslation.objects.filter(
            translation_of_id__in=string_ids, locale_id=locale_id, has_error=False
        )
        .exclude(data="")
        .annotate(
            rank=Case(
                When(tool_name__in=PREFILL_TOOLS, then=Value(2)),
                When(translation_type=StringTranslation.TRANSLATION_TYPE_MACHINE, then=Value(1)),
                default=Value(0),
                output_field=IntegerField(),
            )
        )
        .order_by("rank", "-updated_at", "-pk")
    )
    best = {}
    for candidate in candidates:
        best.setdefault(candidate.translation_of_id, candidate)
    return best


def prefill(translation, segment_ids=None):
    """Pre-fill untranslated segments of ``translation`` from memory, then the glossary.

    Returns the number of strings filled. Existing translations are never
    touched: only segments with no ``StringTranslation`` at all are filled.
    """
    if not translation.enabled:
        return 0
    locale = translation.target_locale
    missing = untranslated_segments(translation.source_id, locale.pk, segment_ids)
    if not missing:
        return 0
    remembered = best_translations({string_id for string_id, _, _ in missing}, locale.pk)
    terms = None
    filled = 0
    for string_id, context_id, source_text in missing:
        candidate = remembered.get(string_id)
        if candidate is not None:
            data, kind, tool = candidate.data, candidate.translation_type, MEMORY_TOOL
        else:
            if "<" in source_text:
                continue  # the agreed term alone would drop the inline markup
            if terms is None:
                terms = glossary.all_terms()
            term = glossary.exact_term(source_text, terms)
            agreed = term.target(locale.language_code) if term else ""
            if not agreed:
                continue
            data, kind, tool = agreed, StringTranslation.TRANSLATION_TYPE_MANUAL, GLOSSARY_TOOL
        _, created = StringTranslation.objects.get_or_create(
            translation_of_id=string_id,
            locale=locale,
            context_id=context_id,
            defaults={"data": data, "translation_type": kind, "tool_name": tool},
        )
        filled += created
    return filled


def prefill_source(source_id, segment_ids=None):
    """Pre-fill every enabled translation of a source; used after a re-sync."""
    filled = 0
    for translation in Translation.objects.filter(source_id=source_id, enabled=True).select_related(
        "target_locale"
    ):
        filled += prefill(translation, segment_ids)
    return filled
