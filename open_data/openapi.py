"""The OpenAPI 3 description of the read API, served at ``/api/v2/openapi.json``.

Written from the same lists the API checks its parameters against
(``open_data.params``, ``open_data.registry``), so it cannot describe a
parameter or a page type the API does not take.
"""

from django.http import JsonResponse

from open_data import params, registry
from open_data.api import ENDPOINTS


def _parameter(name, description, schema, where="query"):
    return {"name": name, "in": where, "description": description, "required": where == "path", "schema": schema}


def _common():
    return [
        _parameter("limit", f"Items per answer (default {params.DEFAULT_LIMIT}, at most {params.max_limit()}).",
                   {"type": "integer", "minimum": 0, "maximum": params.max_limit()}),
        _parameter("offset", "Items to skip.", {"type": "integer", "minimum": 0, "maximum": params.MAX_OFFSET}),
        _parameter("fields", "Fields to add (name), remove (-name), all (*) or none (_), e.g. body,-slug.",
                   {"type": "string", "maxLength": params.LONGEST["fields"]}),
        _parameter("order", "Field names, comma separated, - for descending; or random.",
                   {"type": "string", "maxLength": params.LONGEST["order"]}),
        _parameter("search", "Full-text search (accents optional in Vietnamese).",
                   {"type": "string", "maxLength": params.LONGEST["search"]}),
        _parameter("search_operator", "How search words combine.", {"type": "string", "enum": ["and", "or"]}),
        _parameter("format", "Only json.", {"type": "string", "enum": ["json"]}),
    ]


def _page_parameters():
    page_id = {"oneOf": [{"type": "integer", "minimum": 1, "maximum": params.MAX_ID}, {"type": "string", "enum": ["root"]}]}
    return _common() + [
        _parameter("type", "Page types, comma separated.", {"type": "string", "enum": sorted(registry.type_names())}),
        _parameter("locale", "Language of the pages.", {"type": "string", "enum": ["vi", "en", "lo"]}),
        _parameter("translation_of", "Translations of this page id.", page_id),
        _parameter("child_of", "Children of this page id.", page_id),
        _parameter("descendant_of", "Pages below this page id.", page_id),
        _parameter("ancestor_of", "Pages above this page id.", {"type": "integer", "minimum": 1}),
    ] + [
        _parameter(name, "Only pages whose field equals this value.", {"type": "string"})
        for name in registry.PAGE_FILTERS
    ]


ERROR = {
    "type": "object",
    "properties": {"message": {"type": "string"}, "parameter": {"type": "string"}},
    "required": ["message"],
}


def _responses(item):
    return {
        "200": {"description": "OK", "content": {"application/json": {"schema": item}},
                "headers": {"ETag": {"schema": {"type": "string"}}, "Last-Modified": {"schema": {"type": "string"}}}},
        "304": {"description": "Not modified since If-None-Match / If-Modified-Since."},
        "400": {"description": "A parameter the API cannot use; `parameter` names it.",
                "content": {"application/json": {"schema": ERROR}}},
        "404": {"description": "Not found.", "content": {"application/json": {"schema": ERROR}}},
        "429": {"description": "Too many requests from this address; see Retry-After.",
                "headers": {"Retry-After": {"schema": {"type": "integer"}}},
                "content": {"application/json": {"schema": ERROR}}},
    }


def _item_schema(name):
    meta = {"type": "object", "properties": {"type": {"type": "string"}, "detail_url": {"type": "string"}}}
    if name == "pages":
        meta["properties"].update({
            "html_url": {"type": "string", "format": "uri"},
            "locale": {"type": "string"},
            "first_published_at": {"type": "string", "format": "date-time", "nullable": True},
            "translations": {"type": "array", "items": {"type": "object", "properties": {
                "locale": {"type": "string"}, "id": {"type": "integer"}, "title": {"type": "string"},
                "html_url": {"type": "string"}, "detail_url": {"type": "string"}}}},
        })
    else:
        meta["properties"]["download_url"] = {"type": "string"}
    return {"type": "object", "properties": {"id": {"type": "integer"}, "meta": meta, "title": {"type": "string"}}}


FIGURE = {
    "type": "object",
    "description": "One figure of a statistics block (body blocks of type statistics).",
    "properties": {
        "value": {"type": "number"}, "unit": {"type": "string", "nullable": True},
        "label": {"type": "string"}, "source": {"type": "string", "nullable": True},
        "as_of": {"type": "string", "format": "date", "nullable": True},
    },
}


def description(request):
    paths = {}
    for name in ENDPOINTS:
        listing = {"type": "object", "properties": {
            "meta": {"type": "object", "properties": {"total_count": {"type": "integer"}}},
            "items": {"type": "array", "items": {"$ref": f"#/components/schemas/{name}"}}}}
        parameters = _page_parameters() if name == "pages" else _common()
        paths[f"/api/v2/{name}/"] = {"get": {
            "summary": f"List {name}", "operationId": f"list_{name}", "parameters": parameters,
            "responses": _responses(listing)}}
        paths[f"/api/v2/{name}/{{id}}/"] = {"get": {
            "summary": f"One of the {name}", "operationId": f"get_{name}",
            "parameters": [_parameter("id", "Its id.", {"type": "integer", "minimum": 1}, where="path"),
                           _parameter("fields", "As in the listing.", {"type": "string"})],
            "responses": _responses({"$ref": f"#/components/schemas/{name}"})}}
    data = {
        "openapi": "3.0.3",
        "info": {
            "title": "Sơn La provincial portal: read API",
            "version": "2",
            "description": "Published pages (articles, sections, content pages), images and documents "
            "in Vietnamese, English and Lao. Read only; anonymous; CORS open for GET.",
            "license": {"name": "CC BY 4.0", "url": "https://creativecommons.org/licenses/by/4.0/"},
        },
        "servers": [{"url": request.build_absolute_uri("/")}],
        "paths": paths,
        "components": {"schemas": {
            **{name: _item_schema(name) for name in ENDPOINTS}, "Figure": FIGURE, "Error": ERROR}},
    }
    return JsonResponse(data, json_dumps_params={"ensure_ascii": False})
