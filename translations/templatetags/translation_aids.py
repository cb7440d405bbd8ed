"""What translators see next to wagtail-localize's editor: agreed glossary
terms found in the source and strings pre-filled from memory. Handing a
finished translation to reviewers is the footer's (``translation_editor``)."""

from django import template
from wagtail_localize.models import StringSegment, StringTranslation

from translations import glossary
from translations.memory import PREFILL_TOOLS

register = template.Library()


def _term_report(translation):
    locale = translation.target_locale
    segments = list(
        StringSegment.objects.filter(source=translation.source)
        .select_related("string")
        .annotate_translation(locale)
        .order_by("order")
    )
    terms = glossary.all_terms()
    report = {}
    for segment in segments:
        for term in glossary.terms_in(segment.string.data, terms):
            entry = report.setdefault(
                term.pk,
                {"term": term, "agreed": term.target(locale.language_code), "missing": 0, "translated": 0},
            )
            if not segment.translation:
                continue
            entry["translated"] += 1
            if entry["agreed"] and not glossary.target_uses_term(segment.translation, term, locale.language_code):
                entry["missing"] += 1
    return sorted(report.values(), key=lambda entry: entry["term"].term.casefold())


@register.simple_tag(takes_context=True)
def translation_aids(context, translation, instance):
    total, done = translation.get_progress()
    aids = {
        "terms": _term_report(translation),
        "prefilled": StringTranslation.objects.filter(
            context__object_id=translation.source.object_id,
            locale=translation.target_locale,
            tool_name__in=PREFILL_TOOLS,
        ).count(),
        "total": total,
        "done": done,
    }
    return aids
