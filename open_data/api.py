"""The read API at ``/api/v2/``: Wagtail's API v2, narrowed to what an anonymous visitor may see.

Wagtail's viewsets do the listing, filtering, search and field selection;
this module decides what they may see and answer:

- pages: only live pages of the types in ``open_data.registry``, outside
  every private subtree (``core.privacy``, inherited restrictions included),
  whoever asks (no sign-in is read: answers are shared through the cache);
- images and documents: never the uploader, and no document from a private
  collection;
- every parameter is checked before Wagtail sees it (``open_data.params``),
  so a bad value is a 400 naming the parameter, never a 500;
- each page carries its language, public address and live translations
  (read for a whole listing in one query); bodies come as typed blocks
  (``open_data.content``).

Answers are cached, made conditional, opened to every origin and rate
limited around these views (``open_data.http``).
"""

import re
from urllib.parse import quote

from django.conf import settings
from django.contrib.contenttypes.models import ContentType
from django.db.models import Q
from django.http import Http404
from django.urls import reverse
from django.utils import translation
from rest_framework import status
from rest_framework.fields import Field
from rest_framework.negotiation import BaseContentNegotiation
from rest_framework.permissions import AllowAny
from rest_framework.renderers import JSONRenderer
from rest_framework.response import Response
from wagtail.api import APIField
from wagtail.api.v2.filters import FieldsFilter, OrderingFilter, SearchFilter
from wagtail.api.v2.pagination import WagtailPagination
from wagtail.api.v2.router import WagtailAPIRouter
from wagtail.api.v2.serializers import PageAliasOfField, PageSerializer
from wagtail.api.v2.utils import BadRequestError, get_object_detail_url
from wagtail.api.v2.views import PagesAPIViewSet
from wagtail.documents import get_document_model
from wagtail.documents.api.v2.views import DocumentsAPIViewSet
from wagtail.images import get_image_model
from wagtail.images.api.v2.views import ImagesAPIViewSet
from wagtail.models import Collection, CollectionViewRestriction, Page, Site
from wagtail.search.backends import get_search_backend
from wagtail.search.backends.base import FilterFieldError, OrderByFieldError

from core import generation
from core.privacy import public
from open_data import content, params, registry
from open_data.errors import ParameterError, not_found

# Wagtail's messages for referenced pages that are not there, by parameter.
_MISSING_PAGE = {
    "parent page doesn't exist": "child_of",
    "descendant page doesn't exist": "ancestor_of",
    "ancestor page doesn't exist": "descendant_of",
    "translation_of page doesn't exist": "translation_of",
    "filtering by descendant_of with child_of is not supported": "descendant_of",
    "random ordering with offset is not supported": "order",
    "random ordering cannot be combined with other fields": "order",
    "filtering by tag with a search query is not supported": "search",
}


def _wagtail_error_parameter(message):
    if message in _MISSING_PAGE:
        return _MISSING_PAGE[message]
    for name in ("fields", "order", "search", "type", "limit", "offset"):
        if name in message:
            return name
    return "query"


class JSONOnly(BaseContentNegotiation):
    """JSON whatever the client's Accept header says (no 406 for a browser's Accept)."""

    def select_parser(self, request, parsers):
        return parsers[0] if parsers else None

    def select_renderer(self, request, renderers, format_suffix=None):
        return renderers[0], renderers[0].media_type


# From this offset on a page of a list is read in two steps (see below).
DEEP_OFFSET = 200


class CappedPagination(WagtailPagination):
    """Wagtail's limit and offset, checked by ``open_data.params``; counts remembered per generation."""

    def paginate_queryset(self, queryset, request, view=None):
        offset = int(request.GET.get("offset") or 0)
        limit = int(request.GET.get("limit") or params.DEFAULT_LIMIT)
        self.view = view
        self.total_count = _count(queryset)
        if offset >= DEEP_OFFSET and hasattr(queryset, "values_list"):
            # Deep in a long list: skip over ids only, then read the rows.
            ids = list(queryset.values_list("pk", flat=True)[offset : offset + limit])
            rows = queryset.filter(pk__in=ids).in_bulk()
            return [rows[pk] for pk in ids if pk in rows]
        return list(queryset[offset : offset + limit])


def _count(queryset):
    # The count over every article is the dearest query of a listing; the
    # same filters give the same count until the next publish.
    try:
        sql, sql_params = queryset.query.sql_with_params()
    except (AttributeError, Exception):
        return queryset.count()
    return generation.remember("api:count", queryset.count, hash((sql, tuple(map(str, sql_params)))))


class PublicAPIMixin:
    """What every endpoint shares: no sign-in, JSON only, checked parameters, clear errors."""

    authentication_classes = []
    permission_classes = [AllowAny]
    renderer_classes = [JSONRenderer]
    content_negotiation_class = JSONOnly
    pagination_class = CappedPagination

    def initial(self, request, *args, **kwargs):
        super().initial(request, *args, **kwargs)
        params.check(request._request, self)

    def get_renderer_context(self):
        # Compact JSON: Wagtail indents by 4, a third of the bytes of a listing.
        context = super().get_renderer_context()
        context["indent"] = None
        return context

    def check_query_parameters(self, queryset):
        # Done, strictly, by open_data.params before the view runs.
        pass

    def detail_view(self, request, pk):
        if not 0 < pk <= params.MAX_ID:
            raise Http404(not_found())
        return super().detail_view(request, pk)

    def handle_exception(self, exc):
        if isinstance(exc, ParameterError):
            return Response(exc.as_data(), status=status.HTTP_400_BAD_REQUEST)
        if isinstance(exc, BadRequestError):
            error = ParameterError(_wagtail_error_parameter(str(exc)), str(exc))
            return Response(error.as_data(), status=status.HTTP_400_BAD_REQUEST)
        if isinstance(exc, Http404):
            return Response({"message": str(exc) or "not found"}, status=status.HTTP_404_NOT_FOUND)
        return super().handle_exception(exc)

    @classmethod
    def filter_fields(cls, model):
        return list(cls.base_filters)

    @classmethod
    def get_available_fields(cls, model, db_fields_only=False):
        fields = super().get_available_fields(model, db_fields_only=db_fields_only)
        if db_fields_only:
            # Filtering and ordering: plain columns named by the registry only.
            allowed = set(cls.filter_fields(model))
            fields = [name for name in fields if name in allowed]
        return fields


# Pages -------------------------------------------------------------------


class TranslationsField(Field):
    """Links to the page's live, public translations in the other languages."""

    def get_attribute(self, instance):
        return instance

    def to_representation(self, page):
        found = self.context["view"].translations.get(page.translation_key, [])
        return [item for item in found if item["id"] != page.pk]


def public_url(page, request):
    """``page.get_full_url(request)``, reversing the language prefix once per request, not per page.

    Reversing Wagtail's catch-all address costs more than the rest of a
    listing item; the address is the site's root URL, the language prefix
    and the page's path below the site root, as Wagtail builds it.
    """
    return public_url_of_path(page.url_path, request) or page.get_full_url(request)


def public_url_of_path(url_path, request):
    """The public address of the page at ``url_path``, or None where one site does not settle it."""
    try:
        site_root_paths = request._wagtail_cached_site_root_paths
    except AttributeError:
        site_root_paths = request._wagtail_cached_site_root_paths = Site.get_site_root_paths()
    sites = [srp for srp in site_root_paths if url_path.startswith(srp.root_path)]
    if len(sites) != 1:
        return None
    _site_id, root_path, root_url, language = sites[0]
    prefixes = request.__dict__.setdefault("_open_data_prefixes", {})
    if language not in prefixes:
        with translation.override(language):
            prefixes[language] = reverse("wagtail_serve", args=("",))
    return root_url + prefixes[language] + quote(url_path[len(root_path):], safe=_SAFE)


_SAFE = "/~:@!$&'()*+,;="


def detail_url(request, page_id):
    """The API address of a page; reversed once per request."""
    cache = request.__dict__.setdefault("_open_data_detail", {})
    if "prefix" not in cache:
        # Wagtail finds the request's Site in the database for it: kept per
        # host until the next publish (a change to a Site purges too).
        cache["prefix"] = generation.remember(
            "open_data:detail-prefix",
            lambda: get_object_detail_url(request.wagtailapi_router, request, Page, 0)[:-2],
            request.get_host(),
        )
    return f"{cache['prefix']}{page_id}/"


class HtmlUrlField(Field):
    """The page's public address."""

    def get_attribute(self, instance):
        return instance

    def to_representation(self, page):
        return public_url(page, self.context["request"])


class PageDetailUrlField(Field):
    def get_attribute(self, instance):
        return instance

    def to_representation(self, page):
        return detail_url(self.context["request"], page.pk)


class BodyField(Field):
    def to_representation(self, value):
        return content.body_data(value, self.context["request"], self.context.get("router"))


class PublicAliasOfField(PageAliasOfField):
    """The page this one mirrors, only if a visitor may see that page too."""

    def get_attribute(self, instance):
        if not instance.alias_of_id:
            return None
        if not self.context["base_queryset"].filter(pk=instance.alias_of_id).exists():
            return None
        return instance.alias_of


class PublicPageSerializer(PageSerializer):
    html_url = HtmlUrlField(read_only=True)
    detail_url = PageDetailUrlField(read_only=True)
    alias_of = PublicAliasOfField(read_only=True)
    translations = TranslationsField(read_only=True)


def exposed_content_types():
    return list(ContentType.objects.get_for_models(*registry.exposed_models()).values())


def live_translations(pages, request, router):
    """``{translation key: [{locale, id, title, html_url, detail_url}]}`` for ``pages``, one query."""
    keys = {page.translation_key for page in pages}
    if not keys:
        return {}
    # Plain rows, not pages: building sixty Page objects cost more than the query.
    found = public(
        Page.objects.live().filter(translation_key__in=keys, content_type__in=exposed_content_types())
    ).values_list("pk", "title", "url_path", "translation_key", "locale__language_code")
    order = [code for code, _name in settings.LANGUAGES]
    result = {}
    for pk, title, url_path, translation_key, language in found:
        result.setdefault(translation_key, []).append({
            "locale": language,
            "id": pk,
            "title": title,
            "html_url": public_url_of_path(url_path, request)
            or Page.objects.get(pk=pk).get_full_url(request),
            "detail_url": detail_url(request, pk),
        })
    for items in result.values():
        items.sort(key=lambda item: order.index(item["locale"]) if item["locale"] in order else 99)
    return result


class PublicPagesAPIViewSet(PublicAPIMixin, PagesAPIViewSet):
    base_serializer_class = PublicPageSerializer
    known_query_parameters = (PagesAPIViewSet.known_query_parameters - {"site", "rich_text_format"})
    meta_fields = PagesAPIViewSet.meta_fields + ["last_published_at", "translations"]
    listing_default_fields = PagesAPIViewSet.listing_default_fields + ["translations"]
    base_filters = registry.PAGE_FILTERS

    @classmethod
    def filter_fields(cls, model):
        return list(registry.PAGE_FILTERS) + list(registry.entry_for(model)["filters"])

    @classmethod
    def get_body_fields(cls, model):
        names = registry.entry_for(model)["fields"] if model is not Page else []
        fields = []
        for name in cls.body_fields + list(names):
            if name == "body" or _is_stream(model, name):
                fields.append(APIField(name, serializer=BodyField(read_only=True)))
            else:
                fields.append(APIField(name))
        return fields

    @classmethod
    def get_meta_fields(cls, model):
        return cls._convert_api_fields(cls.meta_fields)

    @classmethod
    def get_listing_default_fields(cls, model):
        fields = super().get_listing_default_fields(model)
        return fields + list(registry.entry_for(model)["listing"]) if model is not Page else fields

    def get_root_page(self):
        from wagtail.models import Site

        site = Site.find_for_request(self.request)
        if site is None:
            raise Http404(not_found())
        return site.root_page

    def get_base_queryset(self):
        queryset = Page.objects.live().filter(content_type__in=exposed_content_types())
        return public(queryset).select_related("locale")

    def get_queryset(self):
        models = params.page_types(self.request)
        if len(models) == 1:
            model = models[0]
            queryset = public(model.objects.live()).select_related("locale")
            if any(f.name == "image" and f.is_relation for f in model._meta.get_fields()):
                queryset = queryset.select_related("image")
        elif models:
            queryset = self.get_base_queryset().type(*models)
        else:
            queryset = self.get_base_queryset()
        if not _asks_for_body(self.request):
            # The body is most of a row's bytes and listings rarely show it.
            deferred = [name for name in ("body",) if _has_field(queryset.model, name)]
            if deferred:
                queryset = queryset.defer(*deferred)
        # Children in the editors' order (the tree's); other lists by id,
        # which an index gives at any offset (sorting 10,000 paths does not).
        return queryset.order_by("path" if "child_of" in self.request.GET else "id")

    def get_object(self):
        if not hasattr(self, "_cached_object"):
            try:
                page = self.get_base_queryset().get(pk=self.kwargs["pk"])
            except Page.DoesNotExist:
                raise Http404(not_found())
            self._cached_object = page.specific
        return self._cached_object

    def listing_view(self, request):
        queryset = self.filter_queryset(self.get_queryset())
        items = self.paginate_queryset(queryset)
        self.translations = live_translations(items, request, request.wagtailapi_router)
        serializer = self.get_serializer(items, many=True)
        return self.get_paginated_response(serializer.data)

    def detail_view(self, request, pk):
        if not 0 < pk <= params.MAX_ID:
            raise Http404(not_found())
        instance = self.get_object()
        self.translations = live_translations([instance], request, request.wagtailapi_router)
        return Response(self.get_serializer(instance).data)

    def get_serializer_context(self):
        context = super().get_serializer_context()
        context["_wagtail_rich_text_format"] = "html"
        return context

    def resolve_rich_text_format(self):
        return "html"


def _asks_for_body(request):
    fields = request.GET.get("fields", "")
    return fields.startswith("*") or "body" in fields


def _has_field(model, name):
    try:
        model._meta.get_field(name)
    except Exception:
        return False
    return True


def _is_stream(model, name):
    from wagtail.fields import StreamField

    try:
        return isinstance(model._meta.get_field(name), StreamField)
    except Exception:
        return False


# Images and documents -------------------------------------------------------


class PlainWordsSearchFilter(SearchFilter):
    """Wagtail's search filter, given only the words of the query.

    Images and documents index raw text and their queries are not normalised
    (``search.backend``); SQLite's full-text syntax would take a stray ``"``
    or ``*`` for an operator and fail.
    """

    def filter_queryset(self, request, queryset, view):
        if "search" not in request.GET:
            return queryset
        words = " ".join(re.findall(r"\w+", request.GET["search"]))
        if not words:
            return queryset.none()
        try:
            return get_search_backend().search(
                words,
                queryset,
                operator=request.GET.get("search_operator"),
                order_by_relevance="order" not in request.GET,
            )
        except (FilterFieldError, OrderByFieldError) as error:
            raise ParameterError("order", str(error)) from error


def private_collection_ids():
    """Collections under any view restriction, for everyone (answers are shared)."""

    def read():
        paths = list(
            Collection.objects.filter(
                pk__in=CollectionViewRestriction.objects.values("collection_id")
            ).values_list("path", flat=True)
        )
        if not paths:
            return set()
        under = Q()
        for path in paths:
            under |= Q(path__startswith=path)
        return set(Collection.objects.filter(under).values_list("pk", flat=True))

    return generation.remember("api:private-collections", read)


class FromOwnQuerysetMixin:
    """An image or document is found in the endpoint's own (public) queryset, or is a JSON 404."""

    def get_object(self):
        if not hasattr(self, "_cached_object"):
            try:
                self._cached_object = self.get_queryset().get(pk=self.kwargs["pk"])
            except self.model.DoesNotExist:
                raise Http404(not_found())
        return self._cached_object


class PublicImagesAPIViewSet(FromOwnQuerysetMixin, PublicAPIMixin, ImagesAPIViewSet):
    filter_backends = [FieldsFilter, OrderingFilter, PlainWordsSearchFilter]
    known_query_parameters = ImagesAPIViewSet.known_query_parameters - {"rich_text_format"}
    base_filters = ["id", "title", "width", "height"]
    model = get_image_model()

    def get_queryset(self):
        return self.model.objects.prefetch_related("tags").order_by("id")


class PublicDocumentsAPIViewSet(FromOwnQuerysetMixin, PublicAPIMixin, DocumentsAPIViewSet):
    filter_backends = [FieldsFilter, OrderingFilter, PlainWordsSearchFilter]
    known_query_parameters = DocumentsAPIViewSet.known_query_parameters - {"rich_text_format"}
    base_filters = ["id", "title"]
    model = get_document_model()

    def get_queryset(self):
        return (
            self.model.objects.exclude(collection__in=private_collection_ids())
            .prefetch_related("tags")
            .order_by("id")
        )


def _prefetched_tags(serializer_class):
    """Tags read from the prefetched rows: Wagtail's field makes one query per item."""

    class PrefetchedTagsField(Field):
        def get_attribute(self, instance):
            return instance

        def to_representation(self, instance):
            return sorted(tag.name for tag in instance.tags.all())

    return type(serializer_class.__name__, (serializer_class,), {"tags": PrefetchedTagsField(read_only=True)})


PublicImagesAPIViewSet.base_serializer_class = _prefetched_tags(ImagesAPIViewSet.base_serializer_class)
PublicDocumentsAPIViewSet.base_serializer_class = _prefetched_tags(DocumentsAPIViewSet.base_serializer_class)


ENDPOINTS = {
    "pages": PublicPagesAPIViewSet,
    "images": PublicImagesAPIViewSet,
    "documents": PublicDocumentsAPIViewSet,
}

router = WagtailAPIRouter("open_data_api")
for _name, _viewset in ENDPOINTS.items():
    router.register_endpoint(_name, _viewset)
