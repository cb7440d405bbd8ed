"""What a reader's first view of a page costs: bytes on the wire and layout shift, in real Chromium.

    python bench/page_weight.py http://127.0.0.1:8106/vi/some-article/ [more URLs]
    python bench/page_weight.py --site http://127.0.0.1:8106     # home and an article in vi, en, lo

Each page is opened in a fresh headless Chromium context (an empty cache, as on
a first visit) emulating a mid-range phone on a slow link, as Lighthouse's
mobile audit does: a 412 x 823 viewport, 150 ms round trips, 1.6 Mbit/s down,
the CPU slowed four times. Throttling matters here: on an unthrottled loopback
the fonts arrive before the first paint and a font swap that moves the text
would go unseen.

For every page it prints what was transferred until the network went quiet
(response bodies as sent, i.e. compressed where the server compresses, plus
response headers), split by kind (HTML, CSS, JS, font, image), which font files
were fetched, and the Cumulative Layout Shift (the sum of layout-shift entries
without recent input; no session windows, so never lower than Lighthouse's).
Content images are fetched lazily or below the first screen by the browser as
it decides; they are counted, and the total without images is printed too.
1 KB = 1,000 bytes. ``--site`` finds the pages in the database the server uses
(``tests.browser.site_pages``, same environment as this command).

Chromium is Debian's (``CHROMIUM``, default /usr/bin/chromium).
"""

import argparse
import json
import os
import subprocess
import sys
from pathlib import Path

from playwright.sync_api import sync_playwright

ROOT = Path(__file__).resolve().parents[1]
FLAGS = [
    "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
    "--disable-background-networking", "--disable-component-update", "--disable-sync",
]
# Lighthouse's "mobile slow 4G" figures (simulated there, applied here).
LATENCY_MS = 150
DOWNLOAD_BYTES_PER_S = 1.6 * 1024 * 1024 / 8
UPLOAD_BYTES_PER_S = 750 * 1024 / 8
CPU_SLOWDOWN = 4

KINDS = {"document": "html", "stylesheet": "css", "script": "js", "font": "font", "image": "image"}

# Buffered, so shifts before this script runs are counted too.
CLS_SCRIPT = """() => new Promise(resolve => {
    let total = 0;
    new PerformanceObserver(list => {
        for (const entry of list.getEntries()) if (!entry.hadRecentInput) total += entry.value;
    }).observe({type: "layout-shift", buffered: true});
    setTimeout(() => resolve(total), 100);
})"""


def site_pages():
    """Home and first article per language, from the server's database."""
    result = subprocess.run(
        [sys.executable, "-m", "tests.browser.site_pages"],
        cwd=ROOT, check=True, capture_output=True, text=True,
        env=dict(os.environ, DJANGO_SETTINGS_MODULE=os.environ.get("DJANGO_SETTINGS_MODULE", "site_project.settings.dev")),
    )
    inventory = json.loads(result.stdout)
    for language in ("vi", "en", "lo"):
        yield f"{language} home", inventory[language]["home"]
        yield f"{language} article", inventory[language]["articles"][0]


def measure(browser, url):
    context = browser.new_context(viewport={"width": 412, "height": 823}, device_scale_factor=1.75,
                                  is_mobile=True, has_touch=True)
    tab = context.new_page()
    cdp = context.new_cdp_session(tab)
    cdp.send("Network.enable")
    cdp.send("Network.setCacheDisabled", {"cacheDisabled": True})
    cdp.send("Network.emulateNetworkConditions", {
        "offline": False, "latency": LATENCY_MS,
        "downloadThroughput": DOWNLOAD_BYTES_PER_S, "uploadThroughput": UPLOAD_BYTES_PER_S,
    })
    cdp.send("Emulation.setCPUThrottlingRate", {"rate": CPU_SLOWDOWN})
    responses = []
    tab.on("requestfinished", lambda request: responses.append(request))
    tab.goto(url, wait_until="load")
    tab.wait_for_load_state("networkidle")
    tab.evaluate("document.fonts.ready.then(() => true)")
    cls = tab.evaluate(CLS_SCRIPT)
    by_kind, fonts = {}, []
    for request in responses:
        sizes = request.sizes()
        size = sizes["responseBodySize"] + sizes["responseHeadersSize"]
        kind = KINDS.get(request.resource_type, "other")
        by_kind[kind] = by_kind.get(kind, 0) + size
        if kind == "font":
            fonts.append(f"{request.url.rsplit('/', 1)[-1]} {sizes['responseBodySize'] / 1000:.1f}")
    context.close()
    return by_kind, fonts, cls, len(responses)


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("urls", nargs="*")
    parser.add_argument("--site", help="base URL: measure home and an article in each language")
    args = parser.parse_args()
    pages = [(url, url) for url in args.urls]
    if args.site:
        pages += [(name, args.site.rstrip("/") + path) for name, path in site_pages()]
    print(f"   machine load: {' '.join(Path('/proc/loadavg').read_text().split()[:3])}")
    print(f"   {'page':<14} {'total KB':>9} {'no img KB':>9} {'html':>6} {'css':>6} {'js':>6} {'font':>6} {'image':>6} {'CLS':>7}  fonts")
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=os.environ.get("CHROMIUM", "/usr/bin/chromium"), args=FLAGS)
        for name, url in pages:
            by_kind, fonts, cls, _count = measure(browser, url)
            total = sum(by_kind.values())
            columns = " ".join(f"{by_kind.get(kind, 0) / 1000:6.1f}" for kind in ("html", "css", "js", "font", "image"))
            print(f"   {name:<14} {total / 1000:9.1f} {(total - by_kind.get('image', 0)) / 1000:9.1f} {columns} {cls:7.4f}  "
                  f"{', '.join(fonts) or '-'}")
        browser.close()


if __name__ == "__main__":
    main()
