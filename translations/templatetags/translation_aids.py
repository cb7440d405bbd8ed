"""What translators see next to wagtail-localize's editor: agreed glossary
terms found in the source, strings pre-filled from memory, and the way to
hand a finished translation to reviewers."""

from django import template
from django.urls import reverse
from wagtail.models import Page
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
    request = context["request"]
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
        "submit_url": "",
    }
    if isinstance(instance, Page):
        permissions = instance.permissions_for_user(request.user)
        if permissions.can_submit_for_moderation() or (
            instance.current_workflow_state is not None and not instance.workflow_in_progress
        ):
            aids["submit_url"] = reverse("translations:submit_for_review", args=[translation.pk])
    return aids
