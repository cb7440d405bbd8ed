"""The public page types the accessibility tests visit, by language."""

LANGUAGES = ("vi", "en", "lo")
WIDTHS = (1280, 320)

# kind -> key in the ``site_pages`` inventory (a URL or a list of URLs)
PAGE_KINDS = {
    "home": "home",
    "section": "section",
    "section-page-2": "section_page_2",
    "articles": "articles",
    "content-pages": "content_pages",
    "search-results": "search_results",
    "search-none": "search_none",
    "search-filtered": "search_filtered",
    "not-found": "not_found",
    "site-map": "site_map",
}
BLOCK_TYPES = ("image", "table", "quote", "statistics", "document")


def urls_for(site_pages, language, kind):
    """The URLs of one page kind; fails clearly when the demo content lacks one."""
    inventory = site_pages.get(language)
    assert inventory, f"The demo content has no {language} home page."
    value = inventory[PAGE_KINDS[kind]]
    urls = value if isinstance(value, list) else [value]
    urls = [url for url in urls if url]
    assert urls, f"The demo content has no {kind} page in {language}."
    return urls


def expected_status(kind):
    return 404 if kind == "not-found" else 200


def visit(tab, url, kind):
    response = tab.goto(url)
    assert response.status == expected_status(kind), f"{url} answered {response.status}"
    return response
