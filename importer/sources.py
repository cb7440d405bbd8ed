"""Where old pages come from: a wget mirror on disk, or the old portal itself over HTTP.

A mirror is what ``wget --mirror --adjust-extension`` leaves: under the
folder, ``HOST/PATH.html`` (or ``HOST/PATH/index.html``) is the old page
``https://HOST/PATH``, with any query string kept in the file name, and the
images and files the page uses lie under the same host folder.

Over HTTP the importer reads a sitemap (or a plain list of addresses) and
fetches one page at a time, with a pause between requests, a User-Agent
that names the portal, a timeout and a few retries: the old portal is a
production site still serving readers while it is copied.
"""

import os
import time
import urllib.error
import urllib.request
from urllib.parse import quote, unquote, urlsplit

from bs4 import BeautifulSoup

USER_AGENT = "SonLaPortalImporter/1.0 (new Son La provincial portal; migration of old articles)"
PAGE_SUFFIXES = (".html", ".htm")


class FetchError(Exception):
    """A page or file could not be had; the message says why."""


def split_address(url):
    """``(host, path with query)`` of an absolute address."""
    parts = urlsplit(url)
    path = parts.path or "/"
    return parts.hostname or "", path + (f"?{parts.query}" if parts.query else "")


class MirrorSource:
    def __init__(self, folder, scheme="https"):
        self.folder = os.path.abspath(folder)
        self.scheme = scheme
        if not os.path.isdir(self.folder):
            raise FetchError(f"{folder} is not a folder")

    def describe(self):
        return f"mirror {self.folder}"

    def _files(self):
        for directory, subdirs, names in os.walk(self.folder):
            subdirs.sort()
            for name in sorted(names):
                if name.lower().endswith(PAGE_SUFFIXES):
                    yield os.path.join(directory, name)

    def count(self):
        return sum(1 for _ in self._files())

    def address_of(self, file_path):
        relative = os.path.relpath(file_path, self.folder).replace(os.sep, "/")
        host, _, rest = relative.partition("/")
        for suffix in ("/index.html", "/index.htm"):
            if ("/" + rest).endswith(suffix):
                rest = ("/" + rest)[: -len(suffix)].lstrip("/")
                break
        else:
            if rest in ("index.html", "index.htm"):
                rest = ""
            else:
                rest = rest.rsplit(".", 1)[0]
        return f"{self.scheme}://{host}/{rest}"

    def pages(self):
        """``(address, load)`` for each page; ``load()`` gives ``(bytes, charset or None)``."""
        for file_path in self._files():
            yield self.address_of(file_path), (lambda path=file_path: (_read(path), None))

    def canonical(self, url):
        """A link as the mirror rewrote it (``page.html``) back to the old address."""
        host, path = split_address(url)
        path_only, sep, query = path.partition("?")
        for suffix in ("/index.html", "/index.htm", ".html", ".htm"):
            target = query if query.endswith(suffix) else path_only if path_only.endswith(suffix) else ""
            if target:
                if target is query:
                    query = query[: -len(suffix)]
                else:
                    path_only = path_only[: -len(suffix)] or "/"
                break
        return f"{urlsplit(url).scheme}://{host}{path_only}{sep}{query}"

    def fetch_asset(self, url):
        host, path = split_address(url)
        path_only = path.partition("?")[0]
        for candidate in (path_only, unquote(path_only), quote(unquote(path_only))):
            file_path = os.path.join(self.folder, host, candidate.lstrip("/"))
            if os.path.isfile(file_path) and os.path.abspath(file_path).startswith(self.folder):
                return _read(file_path)
        raise FetchError("file not in the mirror")


def _read(path):
    try:
        with open(path, "rb") as handle:
            return handle.read()
    except OSError as error:
        raise FetchError(f"cannot read the mirror's file: {error.strerror}")


class HttpSource:
    def __init__(self, url, delay=1.0, timeout=20, retries=3, max_bytes=30 * 1024 * 1024):
        self.url = url
        self.delay = delay
        self.timeout = timeout
        self.retries = retries
        self.max_bytes = max_bytes
        self._last_request = 0.0
        self._addresses = None

    def describe(self):
        return f"addresses listed at {self.url}"

    def get(self, url):
        """``(bytes, charset)`` of one address, politely; ``FetchError`` after the retries."""
        last_error = "no attempt"
        for attempt in range(self.retries + 1):
            wait = self._last_request + self.delay - time.monotonic()
            if wait > 0:
                time.sleep(wait)
            self._last_request = time.monotonic()
            request = urllib.request.Request(url, headers={"User-Agent": USER_AGENT, "Accept": "*/*"})
            try:
                with urllib.request.urlopen(request, timeout=self.timeout) as response:
                    data = response.read(self.max_bytes + 1)
                    if len(data) > self.max_bytes:
                        raise FetchError("larger than the importer accepts")
                    return data, response.headers.get_content_charset()
            except urllib.error.HTTPError as error:
                last_error = f"HTTP {error.code}"
                if error.code < 500 and error.code != 429:
                    break
            except (urllib.error.URLError, TimeoutError, ConnectionError, OSError) as error:
                last_error = str(getattr(error, "reason", error))
            time.sleep(min(30, self.delay * 2 ** attempt))
        raise FetchError(f"could not fetch: {last_error}")

    def addresses(self):
        if self._addresses is None:
            data, _ = self.get(self.url)
            self._addresses = list(dict.fromkeys(self._read_listing(data)))
        return self._addresses

    def _read_listing(self, data, depth=0):
        head = data[:2048].lstrip()
        if head.startswith(b"<?xml") or b"<urlset" in head or b"<sitemapindex" in head:
            soup = BeautifulSoup(data, "xml")
            if soup.find("sitemapindex") and depth < 2:
                for loc in soup.select("sitemap > loc"):
                    nested, _ = self.get(loc.get_text(strip=True))
                    yield from self._read_listing(nested, depth + 1)
            for loc in soup.select("url > loc"):
                yield loc.get_text(strip=True)
            return
        for line in data.decode("utf-8", "replace").splitlines():
            line = line.strip()
            if line.startswith(("http://", "https://")):
                yield line

    def count(self):
        return len(self.addresses())

    def pages(self):
        for url in self.addresses():
            yield url, (lambda url=url: self.get(url))

    def canonical(self, url):
        return url

    def fetch_asset(self, url):
        return self.get(url)[0]


def open_source(source, delay=1.0):
    if source.startswith(("http://", "https://")):
        return HttpSource(source, delay=delay)
    return MirrorSource(source)
