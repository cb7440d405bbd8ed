"""Publish-to-fresh through the proxy of ``make cluster``: N publishes, vi/en/lo in turn.

Run by bench/cluster.sh with the app servers' environment (cluster/app.env),
so a publish here runs the same code as one in the admin: the commit, the
replica position, the page-cache purge and Varnish's BAN. For each publish,
three readers per language keep reading the article through the proxy;
printed as JSON: for each publish, how long after the publish returned a
reader could still be sent the old text, and when the first new text
arrived (which includes the render after the purge).
"""

import json
import os
import statistics
import sys
import threading
import time
import uuid

import django

PROXY = f"http://127.0.0.1:{os.environ.get('PROXY_PORT', '8170')}"
AGENT = "Mozilla/5.0 (X11; Linux x86_64; rv:140.0) Gecko/20100101 Firefox/140.0"


def watch(url, title, published, seconds=2.0, readers=3):
    import requests

    answers = []
    lock = threading.Lock()

    def read(offset):
        session = requests.Session()
        session.headers["User-Agent"] = AGENT
        time.sleep(offset)
        while time.monotonic() < published + seconds:
            sent = time.monotonic()
            try:
                fresh = title in session.get(PROXY + url, timeout=10).text
            except requests.RequestException:
                fresh = False
            with lock:
                answers.append((sent - published, time.monotonic() - published, fresh))
            time.sleep(0.05)

    threads = [threading.Thread(target=read, args=(i * 0.05 / readers,)) for i in range(readers)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    stale_until = max([0.0, *(sent for sent, _, fresh in answers if not fresh)])
    arrived = [arrival for _, arrival, fresh in answers if fresh]
    return stale_until, (min(arrived) if arrived else None)


def main(count):
    django.setup()
    from wagtail_localize.models import Translation

    from news.models import NewsPage

    source = NewsPage.objects.live().filter(locale__language_code="vi").order_by("path")[1]
    pages = {p.locale.language_code: p.specific for p in [source, *source.get_translations().live()]}
    for page in pages.values():
        # Edited as pages of their own, as an editor does after "Stop synced translation".
        Translation.objects.filter(source__object_id=page.translation_key, target_locale=page.locale).update(
            enabled=False
        )
    results = []
    languages = ["vi", "en", "lo"]
    for number in range(count):
        language = languages[number % 3]
        page = pages[language].__class__.objects.get(pk=pages[language].pk)
        title = f"{page.title.split(' · ')[0]} · {uuid.uuid4().hex[:6]}"
        page.title = title
        page.save_revision().publish()
        published = time.monotonic()
        stale_until, first_fresh = watch(page.get_url(), title, published)
        results.append({"language": language, "stale_until": stale_until, "first_fresh": first_fresh})
        time.sleep(0.5)
    stale = [r["stale_until"] for r in results]
    fresh = [r["first_fresh"] for r in results if r["first_fresh"] is not None]
    print(json.dumps({
        "publishes": len(results),
        "never_fresh": sum(r["first_fresh"] is None for r in results),
        "stale_until_median": round(statistics.median(stale), 3),
        "stale_until_max": round(max(stale), 3),
        "first_fresh_median": round(statistics.median(fresh), 3) if fresh else None,
        "first_fresh_max": round(max(fresh), 3) if fresh else None,
    }))


if __name__ == "__main__":
    sys.path.insert(0, os.getcwd())
    main(int(sys.argv[1]) if len(sys.argv) > 1 else 20)
