"""What a first view of a page transfers: HTML, CSS, JavaScript, fonts, icons.

    python bench/page_weight.py http://127.0.0.1:8106/vi/some-article/

Fetches the page and everything it references that a browser loads on a
first visit with an empty cache (stylesheets, scripts, icons, and the fonts
and images the stylesheets point to), each with ``Accept-Encoding: br,
gzip`` as a browser sends it, and adds up the bytes on the wire (bodies as
sent, compressed where the server compresses; headers not counted). Content
images (in <img> elements) are left out, as the goal says. Prints one line
per file and the total in KB (1 KB = 1,000 bytes).
"""

import gzip
import re
import sys
import urllib.request
from html.parser import HTMLParser
from urllib.parse import urljoin

ACCEPT = {"Accept-Encoding": "br, gzip", "User-Agent": "Mozilla/5.0 (page weight)"}
CSS_URL = re.compile(r"url\(\s*['\"]?([^'\")]+)['\"]?\s*\)")


class Assets(HTMLParser):
    def __init__(self):
        super().__init__()
        self.urls = []

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if tag == "link" and attrs.get("href") and set((attrs.get("rel") or "").split()) & {
            "stylesheet", "icon", "preload", "modulepreload"
        }:
            self.urls.append(attrs["href"])
        elif tag == "script" and attrs.get("src"):
            self.urls.append(attrs["src"])


def fetch(url):
    """``(bytes on the wire, decoded body, content type)``."""
    with urllib.request.urlopen(urllib.request.Request(url, headers=ACCEPT)) as response:
        raw = response.read()
        encoding = response.headers.get("Content-Encoding", "")
        kind = response.headers.get("Content-Type", "")
    if encoding == "gzip":
        body = gzip.decompress(raw)
    elif encoding == "br":
        import brotli  # only if the server sends Brotli

        body = brotli.decompress(raw)
    else:
        body = raw
    return len(raw), body, kind, encoding


def main():
    page = sys.argv[1]
    size, body, _kind, encoding = fetch(page)
    rows = [(size, encoding or "identity", page)]
    parser = Assets()
    parser.feed(body.decode("utf-8", "replace"))
    queue = [urljoin(page, url) for url in parser.urls]
    seen = set()
    while queue:
        url = queue.pop(0)
        if url in seen or url.startswith("data:"):
            continue
        seen.add(url)
        size, body, kind, encoding = fetch(url)
        rows.append((size, encoding or "identity", url))
        if "css" in kind:
            queue += [urljoin(url, ref) for ref in CSS_URL.findall(body.decode("utf-8", "replace"))]
    for size, encoding, url in rows:
        print(f"    {size / 1000:8.1f} KB  {encoding:8}  {url}")
    total = sum(size for size, _encoding, _url in rows)
    print(f"    {total / 1000:8.1f} KB  first view in all ({len(rows)} files)")


if __name__ == "__main__":
    main()
