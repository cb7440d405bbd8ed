"""Lighthouse accessibility (or, with ``--performance``, mobile performance) scores for home, section and article in each language.

A report for people, not a test gate (Lighthouse takes about 15 s a page).
Serve the portal first (``make run``), then::

    .venv/bin/python -m tests.browser.lighthouse_report [--url http://127.0.0.1:8000]
        [--lighthouse path/to/node_modules/.bin/lighthouse]

``--performance`` audits mobile performance instead (Lighthouse's default
phone and slow-4G throttling) and prints the score, CLS, LCP and total
blocking time; serve the production set-up for it (compressed, hashed static
files), e.g. ``make serve-production``.

Without ``--lighthouse`` it runs ``npx --yes lighthouse@12.2.3`` (13.x needs a
newer Node). Chromium is Debian's (``CHROMIUM``, default /usr/bin/chromium).
The page list comes from the database the server uses (the same environment
as this command). Full JSON reports go to ``.local/lighthouse/``.
"""

import argparse
import json
import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
OUT = ROOT / ".local" / "lighthouse"
CHROME_FLAGS = (
    "--headless=new --no-sandbox --disable-gpu --disable-quic --no-first-run "
    "--disable-background-networking --disable-component-update --disable-sync"
)


def pages():
    result = subprocess.run(
        [sys.executable, "-m", "tests.browser.site_pages"],
        cwd=ROOT,
        check=True,
        capture_output=True,
        text=True,
        env=dict(os.environ, DJANGO_SETTINGS_MODULE=os.environ.get("DJANGO_SETTINGS_MODULE", "site_project.settings.dev")),
    )
    inventory = json.loads(result.stdout)
    for language, urls in inventory.items():
        yield language, "home", urls["home"]
        yield language, "section", urls["section"]
        yield language, "article", urls["articles"][0]


def audit_performance(lighthouse, url, path):
    subprocess.run(
        [*lighthouse, url, "--only-categories=performance", "--output=json", f"--output-path={path}",
         "--quiet", f"--chrome-flags={CHROME_FLAGS}"],
        check=True,
        env=dict(os.environ, CHROME_PATH=os.environ.get("CHROMIUM", "/usr/bin/chromium")),
    )
    report = json.loads(path.read_text())
    audits = report["audits"]
    details = (
        f"CLS {audits['cumulative-layout-shift']['numericValue']:.3f}, "
        f"LCP {audits['largest-contentful-paint']['numericValue'] / 1000:.2f} s, "
        f"TBT {audits['total-blocking-time']['numericValue']:.0f} ms"
    )
    return round(report["categories"]["performance"]["score"] * 100), [details]


def audit(lighthouse, url, path):
    subprocess.run(
        [
            *lighthouse,
            url,
            "--only-categories=accessibility",
            "--output=json",
            f"--output-path={path}",
            "--quiet",
            f"--chrome-flags={CHROME_FLAGS}",
        ],
        check=True,
        env=dict(os.environ, CHROME_PATH=os.environ.get("CHROMIUM", "/usr/bin/chromium")),
    )
    report = json.loads(path.read_text())
    failed = [
        f"{key}: {item['title']}"
        for key, item in report["audits"].items()
        if item.get("score") is not None and item["score"] < 1 and item.get("scoreDisplayMode") == "binary"
    ]
    return round(report["categories"]["accessibility"]["score"] * 100), failed


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--url", default="http://127.0.0.1:8000")
    parser.add_argument("--lighthouse", help="the lighthouse command (default: npx lighthouse@12.2.3)")
    parser.add_argument("--performance", action="store_true", help="mobile performance instead of accessibility")
    args = parser.parse_args()
    lighthouse = [args.lighthouse] if args.lighthouse else ["npx", "--yes", "lighthouse@12.2.3"]
    OUT.mkdir(parents=True, exist_ok=True)
    scores = []
    for language, kind, path in pages():
        run = audit_performance if args.performance else audit
        name = f"{kind}-{language}{'-performance' if args.performance else ''}.json"
        score, failed = run(lighthouse, args.url.rstrip("/") + path, OUT / name)
        scores.append(score)
        print(f"{language}  {kind:8} {score:3}  {path}")
        for line in failed:
            print(f"      {line}")
    print(f"lowest score: {min(scores)}")
    return 0 if min(scores) >= (98 if args.performance else 100) else 1


if __name__ == "__main__":
    sys.exit(main())
