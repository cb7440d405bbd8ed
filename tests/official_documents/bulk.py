"""Many documents at once, straight into the tables (for the query budget and bench/documents.py).

Creating pages one by one through Wagtail takes tens of milliseconds each;
a register of 100,000 documents is written here with two multi-row inserts
per batch. The rows are what Wagtail would write for a live page.
"""

import datetime
import random

from django.contrib.contenttypes.models import ContentType
from django.db import connection, transaction
from django.utils import timezone
from wagtail.models import Page

from official_documents import keys
from official_documents.models import (
    DocumentField,
    DocumentType,
    DocumentWord,
    IssuingBody,
    OfficialDocumentPage,
)

WORDS = (
    "kế hoạch quyết định phê duyệt đề án phát triển nông nghiệp du lịch đối ngoại hợp tác "
    "chuyển đổi số cải cách hành chính thủ tục trực tuyến quy chế quản lý biên giới"
).split()
CHILD_COLUMNS = (
    "page_ptr_id", "document_type_id", "issuing_body_id", "document_field_id", "number_symbol",
    "issue_date", "effective_date", "expiry_date", "signer_name", "signer_position", "abstract",
    "body", "replaced_by_id", "number_key", "number_value", "search_key", "replaced_on", "amended_on",
    "register_page_id",
)


def add_documents(register, count, seed=1, batch=2000, abstract=None):
    """Add ``count`` live documents below ``register`` (in its language).

    ``abstract()`` writes each abstract (default: a few register words at random).
    """
    rng = random.Random(seed)
    content_type = ContentType.objects.get_for_model(OfficialDocumentPage)
    types = list(DocumentType.objects.filter(locale_id=register.locale_id).values_list("pk", flat=True))
    issuers = list(IssuingBody.objects.filter(locale_id=register.locale_id).values_list("pk", flat=True))
    fields = list(DocumentField.objects.filter(locale_id=register.locale_id).values_list("pk", flat=True))
    register.refresh_from_db()
    start = register.numchild
    now = timezone.now()
    table = connection.ops.quote_name(OfficialDocumentPage._meta.db_table)
    placeholders = ", ".join(["%s"] * len(CHILD_COLUMNS))
    with transaction.atomic():
        for offset in range(0, count, batch):
            pages, details, index_words = [], [], []
            for n in range(start + offset + 1, start + min(offset + batch, count) + 1):
                number = f"{n}/QĐ-UBND"
                issued = datetime.date(2000, 1, 1) + datetime.timedelta(days=rng.randrange(9500))
                text = abstract() if abstract else " ".join(rng.choice(WORDS) for _ in range(14))
                text = text.capitalize() + "."
                slug = f"bulk-{n}"
                pages.append(
                    Page(
                        path=Page._get_path(register.path, register.depth + 1, n),
                        depth=register.depth + 1,
                        numchild=0,
                        title=f"Quyết định {number}",
                        slug=slug,
                        url_path=f"{register.url_path}{slug}/",
                        content_type=content_type,
                        live=True,
                        has_unpublished_changes=False,
                        first_published_at=now,
                        last_published_at=now,
                        locale_id=register.locale_id,
                        draft_title=f"Quyết định {number}",
                    )
                )
                expiry = issued + datetime.timedelta(days=3650) if n % 7 == 0 else None
                details.append([
                    None, rng.choice(types), rng.choice(issuers), rng.choice(fields), number, issued,
                    issued, expiry, "", "", text, "", None, keys.key(number), n,
                    keys.key(number, f"Quyết định {number}", text), None, None, register.pk,
                ])
                index_words.append(keys.index_words(number, f"Quyết định {number}", text))
            Page.objects.bulk_create(pages)
            ids = dict(
                Page.objects.filter(path__in=[page.path for page in pages]).values_list("path", "pk")
            )
            for page, row in zip(pages, details):
                row[0] = ids[page.path]
            with connection.cursor() as cursor:
                cursor.executemany(
                    f"INSERT INTO {table} ({', '.join(CHILD_COLUMNS)}) VALUES ({placeholders})", details
                )
            DocumentWord.objects.bulk_create(
                [DocumentWord(document_id=row[0], word=word) for row, found in zip(details, index_words)
                 for word in found],
                batch_size=5000,
            )
        Page.objects.filter(pk=register.pk).update(numchild=start + count)
    register.refresh_from_db()
