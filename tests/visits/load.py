"""Parallel page views against a live server, as several visitors at once."""

import re
from concurrent.futures import ThreadPoolExecutor
from http.client import HTTPException
from urllib.error import URLError

from tests.visits.conftest import BOT_UA, browser_ua

LINK = re.compile(r'href="(/(?:vi|en|lo)/[^"#?]*)"')


def site_map_paths(server):
    """Every page listed on the three site maps (Wagtail pages only), read as a bot."""
    paths = set()
    for language in ("vi", "en", "lo"):
        status, body = server.get(f"/{language}/site-map/", BOT_UA)
        assert status == 200
        html = body.decode()
        # The site map's own list; the frame's menu and footer link to non-page views too.
        start = html.index('<main')
        paths.update(LINK.findall(html[start : html.index("</main>")]))
    paths -= {f"/{language}/{view}/" for language in ("vi", "en", "lo") for view in ("site-map", "search")}
    return sorted(paths)


def run_load(server, paths, clients=8, per_client=25):
    """``clients`` visitors each view ``per_client`` pages; returns [(status or error), ...]."""

    def visit(number):
        results = []
        for index in range(per_client):
            path = paths[(number * per_client + index) % len(paths)]
            try:
                status, _body = server.get(path, browser_ua(number))
                results.append(status)
            # A page cut off by a killed server (IncompleteRead) was not answered.
            except (URLError, ConnectionError, OSError, HTTPException) as error:
                results.append(type(error).__name__)
        return results

    with ThreadPoolExecutor(max_workers=clients) as pool:
        return [status for results in pool.map(visit, range(clients)) for status in results]
