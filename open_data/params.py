"""Every query parameter of the API, checked before Wagtail's viewsets read it.

Wagtail's API turns some bad values into 400s and lets others through to the
database (an id past 64 bits, a date that is not one, a NUL byte) where they
become 500s. Here each parameter is read strictly: a name the endpoint does
not take, a value given twice, too long, of the wrong kind or out of range
is refused with a 400 that names the parameter (``open_data.errors``).
"""

import re

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from wagtail.models import Page

from open_data import errors, registry
from open_data.errors import ParameterError

DEFAULT_LIMIT = 20
MAX_ID = 2**31 - 1
MAX_OFFSET = 10_000_000
MAX_ORDER_FIELDS = 4
LONGEST = {"search": 200, "fields": 500, "type": 200, "order": 200, "html_path": 1000, "_": 100}
LONGEST_VALUE = 255
_WHOLE = re.compile(r"^[0-9]{1,10}$")
_FIELDS = re.compile(r"^[A-Za-z0-9_,*()\-]*$")
_NAME = re.compile(r"^-?[a-z_][a-z0-9_]*$")
PAGE_REFERENCES = ("child_of", "descendant_of", "ancestor_of", "translation_of")


def max_limit():
    return getattr(settings, "OPEN_DATA_API_MAX_LIMIT", 100)


def _whole(name, value, highest):
    if not _WHOLE.match(value) or int(value) > highest:
        raise ParameterError(name, errors.not_whole_number())
    return int(value)


def _clean_text(name, value):
    if any(ord(char) < 32 or char in "\ufffe\uffff" or 0xD800 <= ord(char) <= 0xDFFF for char in value):
        raise ParameterError(name, errors.bad_characters())


def page_types(request):
    """The page models named by ``?type=`` (already checked)."""
    value = request.GET.get("type")
    if not value:
        return []
    names = registry.type_names()
    return [names[name] for name in value.split(",")]


def _check_type(value):
    names = registry.type_names()
    for name in value.split(","):
        if name not in names:
            raise ParameterError("type", errors.unknown_value(name))


def _check_filter(model, name, value):
    try:
        field = model._meta.get_field(name)
    except Exception:
        raise ParameterError(name, errors.not_known())
    try:
        if isinstance(field, models.BooleanField):
            if value.lower() not in {"true", "false", "1", "0"}:
                raise ValueError(value)
        elif isinstance(field, (models.IntegerField, models.AutoField)):
            _whole(name, value, MAX_ID)
        elif isinstance(field, (models.DateTimeField, models.DateField)):
            if field.to_python(value) is None:
                raise ValueError(value)
        else:
            field.to_python(value)
    except (ValidationError, ValueError, TypeError, OverflowError):
        raise ParameterError(name, errors.unknown_value(value))


def _model_for(view, request):
    # (Not ``view.name``: DRF's as_view() clears it.)
    types = page_types(request) if issubclass(view.model, Page) else []
    if len(types) == 1:
        return types[0]
    return view.model


def check(request, view):
    """Raise ``ParameterError`` for the first parameter ``view`` cannot take as given."""
    action = getattr(view, "action", None)
    query = request.GET
    for name in query:
        if len(query.getlist(name)) > 1:
            raise ParameterError(name[:60], errors.given_twice())
    if action == "find_view":
        allowed = set(view.find_query_parameters) | {"format", "_"}
    elif action == "detail_view":
        allowed = {"fields", "format", "_"}
    else:
        allowed = set(view.known_query_parameters)
    # The type is checked first: the fields a client may filter by depend on it.
    if "type" in query and "type" in allowed:
        if len(query["type"]) > LONGEST["type"]:
            raise ParameterError("type", errors.too_long(LONGEST["type"]))
        _check_type(query["type"])
    model = _model_for(view, request)
    filters = set(view.filter_fields(model)) if action == "listing_view" else set()
    for name, value in query.items():
        if name not in allowed and name not in filters:
            raise ParameterError(name[:60], errors.not_known())
        longest = LONGEST.get(name, LONGEST_VALUE)
        if len(value) > longest:
            raise ParameterError(name, errors.too_long(longest))
        _clean_text(name, value)
        if name in allowed:
            _check_operation(name, value, view, model)
        else:
            _check_filter(model, name, value)


def _check_operation(name, value, view, model):
    if name == "limit":
        limit = _whole(name, value, 10**9)
        if limit > max_limit():
            raise ParameterError(name, errors.limit_too_high(max_limit()))
    elif name == "offset":
        _whole(name, value, MAX_OFFSET)
    elif name in PAGE_REFERENCES:
        if not (value == "root" and name != "ancestor_of"):
            _whole(name, value, MAX_ID)
    elif name == "id":
        _whole(name, value, MAX_ID)
    elif name == "locale":
        if value not in {code for code, _name in settings.LANGUAGES}:
            raise ParameterError(name, errors.unknown_value(value))
    elif name == "format":
        if value != "json":
            raise ParameterError(name, errors.unknown_value(value))
    elif name == "search_operator":
        if value not in {"and", "or"}:
            raise ParameterError(name, errors.unknown_value(value))
    elif name == "search":
        if not value.strip():
            raise ParameterError(name, errors.unknown_value(value))
    elif name == "fields":
        if not _FIELDS.match(value):
            raise ParameterError(name, errors.bad_characters())
    elif name == "order":
        _check_order(value, view, model)


def _check_order(value, view, model):
    names = value.split(",")
    if names == ["random"]:
        return
    allowed = set(view.filter_fields(model))
    if len(names) > MAX_ORDER_FIELDS:
        raise ParameterError("order", errors.too_long(MAX_ORDER_FIELDS))
    for name in names:
        if not _NAME.match(name) or name.lstrip("-") not in allowed:
            raise ParameterError("order", errors.unknown_value(name))
