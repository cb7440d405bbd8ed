"""System checks: every page type must index normalised text."""

from django.core import checks

from search.indexing import NormalisedAutocompleteField, NormalisedSearchField


def _has(model, field_class, name):
    return any(
        isinstance(field, field_class) and field.field_name == name
        for field in model.get_search_fields()
    )


@checks.register(checks.Tags.models)
def check_page_search_fields(app_configs, **kwargs):
    from wagtail.models import get_page_models

    errors = []
    for model in get_page_models():
        if model._meta.app_label == "wagtailcore" or not model.search_fields:
            continue
        if not (
            _has(model, NormalisedSearchField, "title")
            and _has(model, NormalisedAutocompleteField, "title")
        ):
            errors.append(
                checks.Error(
                    "Page search fields are not normalised, so accent-free and Lao searches "
                    "will miss this page type.",
                    hint="Use search_fields = normalised(Page.search_fields + [...]) "
                    "(from search.indexing import normalised).",
                    obj=model,
                    id="search.E001",
                )
            )
    return errors
