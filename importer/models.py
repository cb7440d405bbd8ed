"""What the importer remembers between runs: which old address became which page.

The old address is the key of everything: a second run finds its record,
compares the article's fingerprint and the page's latest revision with what
it wrote last time, and so updates, leaves alone or reports a conflict.
The record also answers old addresses too long for Wagtail's redirects
(``importer.middleware``), and pointing at the page object (not a stored
path) keeps every redirect right after the page is moved or renamed.
"""

import hashlib

from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.contrib.redirects.models import Redirect

STATUS_CREATED = "created"
STATUS_UPDATED = "updated"
STATUS_UNCHANGED = "unchanged"
STATUS_CONFLICT = "conflict"
STATUS_SKIPPED = "skipped"

STATUS_CHOICES = [
    (STATUS_CREATED, _("created")),
    (STATUS_UPDATED, _("updated")),
    (STATUS_UNCHANGED, _("unchanged")),
    (STATUS_CONFLICT, _("conflict")),
    (STATUS_SKIPPED, _("skipped")),
]

# Wagtail's Redirect.old_path is a CharField of this length.
REDIRECT_PATH_LIMIT = Redirect._meta.get_field("old_path").max_length


def address_key(path):
    """The lookup key of an old address: a hash of its normalised path and query."""
    return hashlib.sha256(Redirect.normalise_path(path).encode("utf-8")).hexdigest()


class ImportedPage(models.Model):
    old_url = models.TextField(_("old address"))
    old_path = models.TextField(_("old path"))
    key = models.CharField(max_length=64, unique=True)
    page = models.ForeignKey(
        "wagtailcore.Page",
        verbose_name=_("page"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    old_section = models.CharField(_("old section"), max_length=255, blank=True)
    # The revision this importer wrote last; a newer one is an editor's.
    revision_id = models.BigIntegerField(null=True, blank=True)
    fingerprint = models.CharField(max_length=64, blank=True)
    status = models.CharField(_("status"), max_length=20, choices=STATUS_CHOICES)
    warnings = models.JSONField(_("warnings"), default=list, blank=True)
    # Links to old articles not imported yet when this one was written.
    pending_links = models.BooleanField(default=False)
    first_imported_at = models.DateTimeField(_("first imported"), auto_now_add=True)
    last_run_at = models.DateTimeField(_("last run"), auto_now=True)

    class Meta:
        verbose_name = _("imported page")
        verbose_name_plural = _("imported pages")
        permissions = [("view_import_report", _("Can view the imported-content report"))]

    def __str__(self):
        return self.old_url

    @property
    def page_title(self):
        return self.page.title if self.page_id else self.old_url

    @property
    def page_url(self):
        return (self.page.full_url or "") if self.page_id else ""

    @property
    def warnings_text(self):
        return "; ".join(self.warnings)


class ImportedFile(models.Model):
    """One image or document, by content hash, however many old addresses served it."""

    sha256 = models.CharField(max_length=64, unique=True)
    old_url = models.TextField()
    image = models.ForeignKey(
        "wagtailimages.Image", null=True, blank=True, on_delete=models.CASCADE, related_name="+"
    )
    document = models.ForeignKey(
        "wagtaildocs.Document", null=True, blank=True, on_delete=models.CASCADE, related_name="+"
    )
    alt_text_needed = models.BooleanField(default=False)


class ImportedFileAddress(models.Model):
    """An old file address already fetched, so a re-run need not fetch it again."""

    key = models.CharField(max_length=64, unique=True)
    file = models.ForeignKey(ImportedFile, on_delete=models.CASCADE, related_name="addresses")
