"""The public search page: ``/<language>/search/?q=...``."""

import atexit
import threading
import time
from functools import partial

from django.apps import apps
from django.conf import settings
from django.core.cache import cache
from django.core.paginator import Paginator
from django.db.models import CharField, Exists, F, OuterRef
from django.db.models.functions import Cast
from django.shortcuts import render
from django.utils.translation import get_language, gettext
from wagtail.coreutils import get_supported_content_language_variant
from wagtail.models import Locale, Page, PageViewRestriction, Site

from core import generation
from search import cards, engine
from search.forms import SearchForm
from search.highlight import excerpt, highlight
from search.indexing import text_fields
from search.models import EditorsPick, SearchTerm

RESULTS_PER_PAGE = 10


def _home_and_locale(request):
    """This language's home page on the current site (or None) and the active locale, in one query."""
    site = Site.find_for_request(request)
    if site is not None:
        code = get_supported_content_language_variant(get_language())
        home = (
            Page.objects.filter(translation_key=site.root_page.translation_key, locale__language_code=code)
            .select_related("locale")
            .first()
        )
        if home is not None:
            return home, home.locale
    return None, Locale.get_active()


def _sections(locale, home):
    """Live, public sections of this language below ``home``, in one query.

    Wagtail's ``public()`` would first read every view restriction; here
    the restrictions are a subquery (a section is private when its path
    starts with a restricted page's path).
    """
    restricted = PageViewRestriction.objects.annotate(
        section_path=Cast(OuterRef("path"), CharField())
    ).filter(
        section_path__startswith=F("page__path")
    )
    # The section model is named in settings: search sits below the apps
    # that define page types and does not import them.
    section_model = apps.get_model(settings.SEARCH_SECTION_MODEL)
    sections = section_model.objects.live().filter(locale=locale).exclude(Exists(restricted))
    if home is not None:
        sections = sections.descendant_of(home)
    return list(sections.order_by("path"))


SCOPE_TIMEOUT = 60 * 60


def _scope(request):
    """The site, this language's home page and locale, and its sections.

    They change only when a page is published, unpublished, moved or
    deleted, or a site, locale or view restriction changes, which is when
    the one cache generation changes (``core.purge``); so, like an
    article's route (``core.routes``), they are kept under that version, per
    host and language, and a search reads them with one cache look-up
    instead of four queries (the site alone is a query Wagtail builds anew
    each time: about 5 ms of CPU).
    """
    key = generation.host_key("search-scope", request, get_language())
    scope = cache.get(key)
    if scope is not None:
        request._wagtail_site = scope["site"]
        return scope["home"], scope["locale"], scope["sections"]
    home, locale = _home_and_locale(request)
    sections = _sections(locale, home)
    site = getattr(request, "_wagtail_site", None)
    if site is not None:
        cache.set(key, {"site": site, "home": home, "locale": locale, "sections": sections}, SCOPE_TIMEOUT)
    return home, locale, sections


def _nearest_section(page, sections_by_path):
    """The closest section above ``page``, from the sections already loaded."""
    steplen = page.steplen
    for end in range(len(page.path) - steplen, 0, -steplen):
        section = sections_by_path.get(page.path[:end])
        if section is not None:
            return section
    return None


def _page_number(value, num_pages, notices, more=False):
    """The page of results to show; a bad or too large number gives a notice, not an error.

    ``more``: there are more results than are counted, and the pages stop at ``num_pages``.
    """
    if value in (None, ""):
        return 1
    try:
        number = int(value)
    except (TypeError, ValueError):
        notices.append(gettext("“%(value)s” is not a page number, so the first page is shown.")
                       % {"value": str(value)[:20]})
        return 1
    if number < 1:
        notices.append(gettext("Pages are numbered from 1, so the first page is shown."))
        return 1
    if number > num_pages and more:
        notices.append(
            gettext("Only the first %(count)s pages of results are shown, so the last of them is shown. "
                    "Add words or a filter to find the others.")
            % {"count": num_pages}
        )
        return num_pages
    if number > num_pages:
        notices.append(
            gettext("There are only %(count)s pages of results, so the last one is shown.")
            % {"count": num_pages}
        )
        return num_pages
    return number


def _decorate(pages, parsed, sections_by_path, request):
    """Give each result what its listing shows: marked title and excerpt, address, section.

    A result is a page (editors' picks) or its cached card (:mod:`search.cards`).
    """
    for page in pages:
        page.search_title = highlight(page.title, parsed.highlight)
        if not hasattr(page, "search_url"):
            page.search_url = page.get_url(request)
        description = getattr(page, "pick_description", "")
        texts = [description] if description else getattr(page, "texts", None)
        if texts is None:
            texts = text_fields(page)
        page.search_excerpt = excerpt(texts, parsed.highlight)
        page.search_section = _nearest_section(page, sections_by_path)


def _filters_key(form):
    """What the filters' rendered controls depend on, or None when they are not to be kept.

    Only the usual cases are kept (no date typed, no value refused), so the
    kept copies are bounded by the sections and sort orders.
    """
    if not form.is_bound:
        return "-"
    data = form.data
    if form.errors or data.get("date_from") or data.get("date_to"):
        return None
    return f"{data.get('section', '')}|{data.get('sort', '')}"


def search(request):
    home, locale, sections = _scope(request)
    sections_by_path = {section.path: section for section in sections}
    form = SearchForm(request.GET if "q" in request.GET else None, sections=sections)
    context = {
        "form": form,
        "query": "",
        "results": None,
        "picks": [],
        "notices": [],
        # Links to other pages of results keep the query and its filters.
        "kept_params": tuple(SearchForm.base_fields),
    }
    context["filters_key"] = _filters_key(form)
    if not form.is_bound:
        return render(request, "search/search.html", context)

    query, parsed = form.parsed_query()
    page_notices = []
    counted = None
    options = form.search_options()
    section_id = options.pop("section_id")
    context.update(query=query, order=options["order"], has_filters=form.has_filters)
    if parsed:
        options.update(
            locale=locale,
            root=home,
            section=next((s for s in sections if s.pk == section_id), None),
        )
        options.update(per_page=RESULTS_PER_PAGE, loader=partial(cards.loader, request))
        found = engine.search(parsed, **options)
        if not found.count() and len(parsed.parts) > 1:
            # No page has every word: show the pages that have some of them.
            found = engine.search(parsed, operator="or", **options)
            context["partial"] = found.count() > 0
        paginator = Paginator(found, RESULTS_PER_PAGE)
        # More than the count limit: "more than 1,000 results", and their pages.
        number = _page_number(request.GET.get("page"), paginator.num_pages, page_notices, found.more)
        context["more"] = found.more
        results = paginator.page(number)
        _decorate(results, parsed, sections_by_path, request)
        context["results"] = results
        if number == 1:
            context["picks"] = EditorsPick.for_query(query, locale)
            _decorate(context["picks"], parsed, sections_by_path, request)
        if not request.GET.get("page"):
            # A new search, not a visitor moving through the pages of one;
            # counted with the cached ones (below), not written on each search.
            counted = (query, locale.pk)
            count_search(*counted)
    context["notices"] = form.notices() + page_notices
    response = render(request, "search/search.html", context)
    if counted:
        # Served again from the page cache, the search still counts (core/page_cache.py).
        response.page_cache_on_hit = ("search.views.count_search", counted)
    return response


# Searches are counted in this process and written together at most every
# SEARCH_COUNT_SECONDS: written one by one, every reader of a popular search
# waits for the lock on the same row and for two commits (the load test's
# cached searches ran at a tenth of a cached article's rate; on a miss the
# two upserts were a search's longest wait for the database).
_pending_counts = {}
_pending_lock = threading.Lock()
_last_written = [time.monotonic()]


def count_search(query, locale_id):
    """Count a search, answered by the view or from the page cache."""
    with _pending_lock:
        key = (query, locale_id)
        _pending_counts[key] = _pending_counts.get(key, 0) + 1
        now = time.monotonic()
        if now - _last_written[0] < getattr(settings, "SEARCH_COUNT_SECONDS", 5):
            return
        _last_written[0] = now
    write_counts()


def write_counts():
    """Write the searches counted in this process since the last time."""
    with _pending_lock:
        counts = dict(_pending_counts)
        _pending_counts.clear()
    for (query, locale_id), hits in counts.items():
        SearchTerm.record(query, Locale(pk=locale_id), hits)


# What a worker counted in its last seconds is written when it stops.
atexit.register(lambda: write_counts() if _pending_counts else None)
