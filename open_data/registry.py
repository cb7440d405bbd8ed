"""Which page types the read API shows, and which of their fields.

The API lives above the content apps and must not change them, so the
fields it shows are named here, by model label, rather than in each model's
``api_fields``. A type whose app is not installed is skipped, so a type can
be listed before its app lands: the documents register
(``official_documents``) joins through its models' ``api_fields`` and the
entries below.

Each entry: ``fields`` shown on the detail view (and available to
``?fields=``), ``listing`` added to the listing's defaults, ``filters`` the
database fields a client may filter and order by.
"""

from functools import cache

from django.apps import apps

EXPOSED_PAGE_TYPES = {
    "home.HomePage": {"fields": ["intro", "body"], "listing": [], "filters": []},
    "home.ContentPage": {"fields": ["intro", "body"], "listing": [], "filters": []},
    "news.SectionPage": {"fields": ["intro"], "listing": [], "filters": []},
    "news.NewsPage": {
        "fields": ["lead", "published_at", "author", "image", "image_alt", "image_caption", "body"],
        "listing": ["published_at"],
        "filters": ["published_at", "author"],
    },
    # The documents register: its models' own ``api_fields`` (None = use them).
    "official_documents.DocumentIndexPage": {"fields": None, "listing": [], "filters": []},
    "official_documents.OfficialDocumentPage": {
        "fields": None,
        "listing": ["number_symbol", "issue_date", "status"],
        "filters": None,
    },
}

# Fields of every page a client may filter and order by (Wagtail's meta
# fields that are plain columns; never owner, locked_by or revisions).
PAGE_FILTERS = ["id", "title", "slug", "first_published_at", "last_published_at"]


def model_for(label):
    """The model named ``label`` ("app.Model"), or None while its app is not installed."""
    app_label, _, model_name = label.partition(".")
    if not apps.is_installed(app_label):
        return None
    try:
        return apps.get_model(app_label, model_name)
    except LookupError:
        return None


@cache
def exposed_models():
    """``{model: entry}`` for the types whose apps are installed, in the order above."""
    result = {}
    for label, entry in EXPOSED_PAGE_TYPES.items():
        model = model_for(label)
        if model is None:
            continue
        entry = dict(entry)
        if entry["fields"] is None:
            entry["fields"] = [getattr(f, "name", f) for f in getattr(model, "api_fields", ())]
        if entry["filters"] is None:
            entry["filters"] = [
                name for name in entry["fields"] if _is_plain_column(model, name)
            ]
        result[model] = entry
    return result


def _is_plain_column(model, name):
    try:
        field = model._meta.get_field(name)
    except Exception:
        return False
    return field.concrete and not field.is_relation and field.get_internal_type() in {
        "CharField", "DateField", "DateTimeField", "IntegerField", "BooleanField", "SlugField",
    }


def entry_for(model):
    """The entry of ``model`` or of the nearest exposed model it inherits from."""
    models = exposed_models()
    if model in models:
        return models[model]
    for exposed, entry in models.items():
        if issubclass(model, exposed):
            return entry
    return {"fields": [], "listing": [], "filters": []}


def type_names():
    return {f"{model._meta.app_label}.{model.__name__}": model for model in exposed_models()}
