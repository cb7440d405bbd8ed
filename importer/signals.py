"""Warnings close when an editor fixes what they were about.

When an imported page is published again, an "alt text needed" warning
stays open only while the page still holds the placeholder alt text; the
report's "open warnings" filter then shows only what is left to do.
"""

import json

from django.dispatch import receiver
from wagtail.signals import page_published

from importer.engine import ALT_TEXT_NEEDED, ALT_TEXT_PLACEHOLDER
from importer.models import ImportedPage


@receiver(page_published)
def close_fixed_warnings(sender, instance, **kwargs):
    record = ImportedPage.objects.filter(page_id=instance.pk).first()
    if record is None or not record.warnings:
        return
    body = getattr(instance, "body", None)
    raw = json.dumps(list(body.raw_data), ensure_ascii=False) if body is not None else ""
    if ALT_TEXT_PLACEHOLDER in raw:
        return
    remaining = [warning for warning in record.warnings if not warning.startswith(ALT_TEXT_NEEDED)]
    if remaining != record.warnings:
        ImportedPage.objects.filter(pk=record.pk).update(warnings=remaining)
