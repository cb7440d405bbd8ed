"""What a backup round trip must keep, read from one site database.

``python -m tests.backup.backup_probe visit`` counts visits of the
first translated article with an image (as browsers would); ``... fingerprint``
prints, as JSON, that article in every language, its image and file, its
visit counts, the site's totals and the row count of every model, and what an
English reader gets from the server.
"""

import hashlib
import json
import sys

import django

CHROME = "Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0 Safari/537.36"


def article_with_image():
    from news.models import NewsPage

    for page in NewsPage.objects.live().filter(locale__language_code="vi", image__isnull=False).order_by("path"):
        translations = page.get_translations().live()
        if {t.locale.language_code for t in translations} >= {"en", "lo"}:
            return page
    raise SystemExit("The demo content has no translated article with an image.")


def visit():
    from django.test import Client

    article = article_with_image()
    for number, page in enumerate([article, *article.get_translations().live()]):
        for reader in range(3 + number):
            client = Client(HTTP_USER_AGENT=CHROME, REMOTE_ADDR=f"198.51.100.{10 + reader}")
            assert client.get(page.url).status_code == 200


def sha256_of_file(field_file):
    with field_file.open("rb") as file:
        return hashlib.sha256(file.read()).hexdigest()


def main():
    django.setup()
    command = sys.argv[1]
    if command == "visit":
        visit()
    elif command == "fingerprint":
        print(json.dumps(build_fingerprint(), sort_keys=True, default=str))


def build_fingerprint():
    from django.test import Client

    from backup.archive import row_counts
    from visits.models import Tally

    article = article_with_image()
    pages = [article, *article.get_translations().live().order_by("locale__language_code")]
    result = {"rows": row_counts(), "pages": {}}
    for page in pages:
        page = page.specific
        tallies = Tally.objects.filter(kind=Tally.PAGE, page_id=page.pk)
        result["pages"][page.locale.language_code] = {
            "id": page.pk,
            "translation_key": str(page.translation_key),
            "url": page.url,
            "title": page.title,
            "lead": page.lead,
            "body": json.dumps(page.body.raw_data, sort_keys=True, default=str),
            "image": page.image.file.name,
            "image_sha256": sha256_of_file(page.image.file),
            "image_alt": page.image_alt,
            "views": sum(tallies.values_list("views", flat=True)),
        }
    result["site_views"] = sum(Tally.objects.filter(kind=Tally.SITE).values_list("views", flat=True))

    english = result["pages"]["en"]
    response = Client(HTTP_USER_AGENT="backup-probe-bot").get(english["url"])
    html = response.content.decode()
    result["english_reader"] = {
        "status": response.status_code,
        "shows_title": english["title"] in html,
        "rendition_files_exist": rendition_files_exist(html),
    }
    return result


def rendition_files_exist(html):
    """Every /media/images/... file the page shows exists in MEDIA_ROOT (at least one)."""
    import re
    from pathlib import Path

    from django.conf import settings

    paths = set(re.findall(r'/media/(images/[^"\s?]+)', html))
    return bool(paths) and all((Path(settings.MEDIA_ROOT) / path).is_file() for path in paths)


if __name__ == "__main__":
    main()
