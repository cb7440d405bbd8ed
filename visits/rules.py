"""What counts as a visit: one successful HTML view of a public page by a person.

Kept apart from the middleware so each rule can be read, and tested, on its
own. The public-page test is the presence of the figures marker that the
site frame renders (``visits.markers``): admin pages, Wagtail's password
forms and any response outside the frame lack it.
"""

from visits import conf


def is_bot(request):
    """Known crawlers, link previewers, scripts and monitors; also no user agent at all."""
    agent = request.META.get("HTTP_USER_AGENT", "")
    return not agent.strip() or bool(conf.bot_pattern().search(agent))


def is_prefetch(request):
    """Speculative loads a browser makes before (or instead of) a person looking."""
    purpose = request.META.get("HTTP_SEC_PURPOSE") or request.META.get("HTTP_PURPOSE") or ""
    return "prefetch" in purpose.lower() or "prerender" in purpose.lower()


def is_countable_response(response):
    """A complete 200 HTML page; not a redirect, an error, a file or a stream."""
    return (
        response.status_code == 200
        and not response.streaming
        and response.get("Content-Type", "").startswith("text/html")
    )


def should_count(request, response):
    """Whether this request and response make one visit, markers aside."""
    if request.method != "GET" or not is_countable_response(response):
        return False
    if getattr(request, "is_preview", False) or request.path.startswith(conf.excluded_paths()):
        return False
    return not (is_bot(request) or is_prefetch(request))
