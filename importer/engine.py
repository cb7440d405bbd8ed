"""The import itself: each old page, in its own transaction, to a Vietnamese NewsPage.

For every page of the source the importer finds its record by old address
and decides: create, update (the old page changed), unchanged, conflict (an
editor changed the page since the import wrote it: their latest revision is
not the one recorded) or skipped (not an article, damaged, no section...).
A failing page rolls back alone and the run goes on. A second pass at the
end turns links to old articles imported later in the run into page links.
"""

import contextlib
import hashlib
import io
import json
import logging
import os
import uuid
from dataclasses import dataclass, field
from urllib.parse import unquote, urlsplit

from bs4 import BeautifulSoup
from django.conf import settings
from django.core.files.base import ContentFile
from django.core.files.images import ImageFile
from django.db import transaction
from django.utils import timezone
from PIL import Image as PILImage
from wagtail.contrib.redirects.models import Redirect
from wagtail.documents import get_document_model
from wagtail.images import get_image_model
from wagtail.models import Page, PageLogEntry, Revision

from core import purge
from core.uploads import content_matches_extension
from importer.decoding import decode
from importer.extract import NotAnArticle, extract
from importer.models import (
    REDIRECT_PATH_LIMIT,
    STATUS_CONFLICT,
    STATUS_CREATED,
    STATUS_SKIPPED,
    STATUS_UNCHANGED,
    STATUS_UPDATED,
    ImportedFile,
    ImportedFileAddress,
    ImportedPage,
    address_key,
)
from importer.sources import FetchError, split_address
from search.normalize import slugify
from translations import automation

logger = logging.getLogger(__name__)

ALT_TEXT_NEEDED = "alt text needed"
# Read out instead of the missing description: never an empty alt, which
# would tell screen readers the image is decorative. The admin report lists
# the pages still holding it.
ALT_TEXT_PLACEHOLDER = "Ảnh chưa có mô tả (cần bổ sung)"
ALT_TEXT_NEEDED_TAG = "can-mo-ta-anh"  # "alt text needed", as a tag editors can filter images by
IMAGE_EXTENSIONS = {"jpg", "jpeg", "png", "gif", "webp", "bmp"}
SLUG_LIMIT = 200


@dataclass
class Outcome:
    url: str
    status: str
    new_url: str = ""
    warnings: list = field(default_factory=list)
    reason: str = ""


@dataclass
class Totals:
    created: int = 0
    updated: int = 0
    unchanged: int = 0
    conflicts: int = 0
    skipped: int = 0
    warnings: int = 0

    def add(self, outcome):
        name = {STATUS_CONFLICT: "conflicts"}.get(outcome.status, outcome.status)
        setattr(self, name, getattr(self, name) + 1)
        self.warnings += len(outcome.warnings)

    def line(self, dry_run=False):
        text = (
            f"created {self.created}, updated {self.updated}, unchanged {self.unchanged}, "
            f"conflicts {self.conflicts}, skipped {self.skipped}, warnings {self.warnings}"
        )
        return f"{text} (dry run: nothing written)" if dry_run else text


class _Skip(Exception):
    pass


def _source_hash(data, selectors):
    digest = hashlib.sha256(data)
    digest.update(selectors.fingerprint_text().encode("utf-8"))
    return digest.hexdigest()


def _fingerprint(article):
    content = [article.title, article.published_at.isoformat(), article.lead, article.byline,
               article.section, article.items]
    return hashlib.sha256(json.dumps(content, ensure_ascii=False, default=str).encode("utf-8")).hexdigest()


class Importer:
    def __init__(self, source, selectors, dry_run=False, drafts=False, translation_drafts=False):
        self.source = source
        self.translation_drafts = translation_drafts
        self.selectors = selectors
        self.dry_run = dry_run
        self.drafts = drafts
        self.totals = Totals()
        self.wrote = False
        self._sections = {}
        self._image_model = get_image_model()
        self._document_model = get_document_model()

    # -- one page ---------------------------------------------------------
    def import_page(self, url, load):
        """Import one old page; always returns an ``Outcome``, never raises for bad input."""
        try:
            with self._automation():
                outcome = self._import_page(url, load)
        except _Skip as skip:
            outcome = Outcome(url, STATUS_SKIPPED, reason=str(skip))
        except Exception as error:  # a page the importer cannot handle must not stop the run
            logger.debug("import of %s failed", url, exc_info=True)
            outcome = Outcome(url, STATUS_SKIPPED, reason=f"failed: {type(error).__name__}: {error}")
        self.totals.add(outcome)
        return outcome

    def _import_page(self, url, load):
        path = split_address(url)[1]
        key = address_key(path)
        record = ImportedPage.objects.filter(key=key).select_related("page").first()
        try:
            data, charset = load()
        except FetchError as error:
            raise _Skip(str(error))
        source_hash = _source_hash(data, self.selectors)
        if record is not None and record.page_id is None:
            raise _Skip("its page was deleted in the portal; not imported again")
        page = record.page.specific if record else None
        if page is not None and record.fingerprint.startswith(source_hash[:32]):
            return Outcome(url, STATUS_UNCHANGED, page.full_url or "", list(record.warnings))

        text, _, warnings = decode(data, charset)
        try:
            article = extract(text, url, self.selectors)
        except NotAnArticle as error:
            raise _Skip(str(error))
        warnings += article.warnings
        fingerprint = source_hash[:32] + _fingerprint(article)[:32]
        if page is not None and record.fingerprint[32:] == fingerprint[32:]:
            if not self.dry_run:
                ImportedPage.objects.filter(pk=record.pk).update(fingerprint=fingerprint)
            return Outcome(url, STATUS_UNCHANGED, page.full_url or "", list(record.warnings))
        if page is not None and page.latest_revision_id != record.revision_id:
            if not self.dry_run:
                # Shown in the admin report, so that editors find what to compare.
                ImportedPage.objects.filter(pk=record.pk).update(status=STATUS_CONFLICT)
            return Outcome(url, STATUS_CONFLICT, page.full_url or "", list(record.warnings),
                           reason="changed by an editor since it was imported; not overwritten")
        section = self._section(article)
        status = STATUS_UPDATED if page is not None else STATUS_CREATED
        if self.dry_run:
            return Outcome(url, status, page.full_url if page else "", warnings)
        with transaction.atomic():
            body, pending = self._body(article, warnings)
            page = self._write(page, section, article, body, path)
            record = record or ImportedPage(key=key, old_path=path)
            record.old_url = url
            record.page = page
            record.old_section = article.section[:255]
            record.revision_id = page.latest_revision_id
            record.fingerprint = fingerprint
            record.status = status
            record.warnings = warnings
            record.pending_links = pending
            record.save()
            self._redirect(path, page)
        return Outcome(url, status, page.full_url or "", warnings)

    def _automation(self):
        # Ten years of old articles would each start an English and a Lao
        # draft (translations.sync): thousands of pages nobody asked for,
        # and most of the import's time. Translators start the ones worth it.
        return contextlib.nullcontext() if self.translation_drafts else automation.paused()

    # -- where it goes ----------------------------------------------------
    def _section(self, article):
        wanted = self.selectors.sections.get(article.section) or article.section
        url_segment = _section_segment(article.url)
        if not article.section and url_segment in self.selectors.sections:
            wanted = self.selectors.sections[url_segment]
        wanted = wanted or self.selectors.default_section
        if wanted not in self._sections:
            from django.apps import apps

            section_model = apps.get_model("news", "SectionPage")
            found = (
                section_model.objects.filter(locale__language_code=settings.LANGUAGE_CODE, title=wanted)
                .order_by("depth", "path")
                .first()
            )
            if found is None and self.selectors.default_section and wanted != self.selectors.default_section:
                found = (
                    section_model.objects.filter(
                        locale__language_code=settings.LANGUAGE_CODE, title=self.selectors.default_section
                    )
                    .order_by("depth", "path")
                    .first()
                )
            self._sections[wanted] = found
        section = self._sections[wanted]
        if section is None:
            raise _Skip(
                f"no section {article.section or url_segment!r} in the portal: map it in [sections]"
            )
        return section

    def _write(self, page, section, article, body, path):
        from django.apps import apps

        news_page_model = apps.get_model("news", "NewsPage")
        created = page is None
        if created:
            page = news_page_model(locale_id=section.locale_id)
            page.slug = self._slug(section, article, path)
        page.title = article.title
        page.lead = article.lead
        page.published_at = article.published_at
        page.author = article.byline
        page.body = body
        if created:
            self._create(section, page)
        else:
            # An update goes the editor's way, signals and all: translations
            # of the page learn that their source changed.
            revision = page.save_revision(clean=False, log_action=True)
            if not self.drafts:
                revision.publish(skip_permission_checks=True)
            page.refresh_from_db(fields=["latest_revision", "live", "url_path"])
        return page

    def _create(self, section, page):
        """A new page, saved once (so indexed once) with its first revision.

        Wagtail's usual path (add_child, save_revision, publish) saves the
        page three times, re-indexing it each time, and purges every cache
        of the site on each publish: the import's own cost at ten thousand
        articles. The page is written as the publish would leave it, and
        the caches are purged once at the end of the run (``finish``).
        """
        live = not self.drafts
        page.live = live
        page.has_unpublished_changes = not live
        page.draft_title = page.title
        if live:
            page.first_published_at = page.published_at
            page.last_published_at = timezone.now()
        section.add_child(instance=page)
        self._store_revision(page, "wagtail.create")
        self.wrote = True

    def _store_revision(self, page, action):
        revision = Revision.objects.create(
            content_object=page,
            base_content_type=page.get_base_content_type(),
            content=page.serializable_data(),
            object_str=str(page),
        )
        fields = {"latest_revision": revision, "latest_revision_created_at": revision.created_at}
        if page.live:
            fields["live_revision"] = revision
            fields["last_published_at"] = revision.created_at
        Page.objects.filter(pk=page.pk).update(**fields)
        for name, value in fields.items():
            setattr(page, name, value)
        # One entry in the page's history: what the importer did to it.
        action = "wagtail.publish" if page.live else action
        PageLogEntry.objects.log_action(page, action, revision=revision, content_changed=True)
        return revision

    def finish(self):
        """Forget cached pages once, if the run wrote any (see ``_create``)."""
        if self.wrote and not self.dry_run:
            purge.purge_site()

    def _slug(self, section, article, path):
        base = slugify(_old_slug(path)) or slugify(article.title) or "bai-viet"
        base = base[:SLUG_LIMIT].strip("-")
        taken = set(
            Page.objects.child_of(section).filter(slug__startswith=base).values_list("slug", flat=True)
        )
        slug, number = base, 2
        while slug in taken:
            slug, number = f"{base}-{number}", number + 1
        return slug

    def _redirect(self, path, page):
        old_path = Redirect.normalise_path(path)
        if len(old_path) > REDIRECT_PATH_LIMIT:
            return  # answered by importer.middleware from the record
        Redirect.objects.update_or_create(
            old_path=old_path,
            site=None,
            defaults={"redirect_page": page, "redirect_link": "", "is_permanent": True},
        )

    # -- body ---------------------------------------------------------------
    def _body(self, article, warnings):
        blocks = []
        pending = False
        host = split_address(article.url)[0]
        for kind, value in article.items:
            if kind == "rich":
                html, unresolved = self._links(value, host, warnings)
                pending = pending or unresolved
                blocks.append(_block("paragraph", html))
            elif kind == "image":
                block = self._image_block(value, warnings)
                if block:
                    blocks.append(block)
            elif kind == "table":
                blocks.append(_block("table", {
                    "data": value["rows"],
                    "first_row_is_table_header": True,
                    "first_col_is_header": False,
                    "table_header_choice": "row",
                    "table_caption": value["caption"],
                    "cell": [],
                    "mergeCells": [],
                }))
        return blocks, pending

    def _links(self, html, host, warnings):
        """Rich text with its links turned into page and document links where it can."""
        soup = BeautifulSoup(html, "html.parser")
        unresolved = False
        for anchor in soup.find_all("a", href=True):
            href = self.source.canonical(anchor["href"])
            link_host, link_path = split_address(href)
            if not _same_site(link_host, host):
                continue
            extension = _extension(link_path)
            if extension and extension not in ("html", "htm", "aspx", "jsp", "php"):
                document = self._document(href, anchor.get_text(" ").strip(), warnings)
                if document is not None:
                    anchor.attrs = {"linktype": "document", "id": str(document.pk)}
                continue
            target = ImportedPage.objects.filter(key=address_key(link_path), page__isnull=False).first()
            if target is not None:
                anchor.attrs = {"linktype": "page", "id": str(target.page_id)}
            else:
                unresolved = True
        return str(soup), unresolved

    def _image_block(self, value, warnings):
        stored = self._file(value["src"], warnings, kind="image")
        if stored is None:
            return None
        alt = value["alt"] or value["caption"]
        if not alt:
            alt = ALT_TEXT_PLACEHOLDER
            warnings.append(f"{ALT_TEXT_NEEDED}: {value['src']}")
            if not stored.alt_text_needed:
                stored.alt_text_needed = True
                stored.save(update_fields=["alt_text_needed"])
                stored.image.tags.add(ALT_TEXT_NEEDED_TAG)
        return _block("image", {
            "image": {"image": stored.image_id, "decorative": False, "alt_text": alt},
            "caption": value["caption"],
        })

    def _document(self, url, link_text, warnings):
        stored = self._file(url, warnings, kind="document", title=link_text)
        return stored.document if stored else None

    def _file(self, url, warnings, kind, title=""):
        """The stored file for an old address, imported once per content hash."""
        url_key = hashlib.sha256(url.encode("utf-8")).hexdigest()
        known = ImportedFileAddress.objects.filter(key=url_key).select_related("file").first()
        if known is not None and (known.file.image_id if kind == "image" else known.file.document_id):
            return known.file
        try:
            data = self.source.fetch_asset(url)
        except FetchError as error:
            warnings.append(f"{kind} missing: {url} ({error})")
            return None
        digest = hashlib.sha256(data).hexdigest()
        stored = ImportedFile.objects.filter(sha256=digest).first()
        if stored is None or not (stored.image_id if kind == "image" else stored.document_id):
            name = _file_name(url)
            if kind == "image":
                made = self._make_image(name, data, warnings, url)
            else:
                made = self._make_document(name, data, title, warnings, url)
            if made is None:
                return None
            if stored is None:
                stored = ImportedFile(sha256=digest, old_url=url)
            setattr(stored, kind, made)
            stored.save()
        ImportedFileAddress.objects.update_or_create(key=url_key, defaults={"file": stored})
        return stored

    def _make_image(self, name, data, warnings, url):
        try:
            with PILImage.open(io.BytesIO(data)) as picture:
                picture.verify()
        except Exception:
            warnings.append(f"image unreadable: {url}")
            return None
        stem = os.path.splitext(name)[0]
        image = self._image_model(title=stem[:255] or "anh", file=ImageFile(io.BytesIO(data), name=name))
        image.save()
        return image

    def _make_document(self, name, data, title, warnings, url):
        extension = _extension(name)
        allowed = getattr(settings, "WAGTAILDOCS_EXTENSIONS", None)
        if allowed is not None and extension not in allowed:
            warnings.append(f"file type .{extension} not accepted by the portal; link kept to {url}")
            return None
        if not content_matches_extension(io.BytesIO(data), extension):
            warnings.append(f"file is not the .{extension} its name says; link kept to {url}")
            return None
        document = self._document_model(
            title=(title or os.path.splitext(name)[0])[:255], file=ContentFile(data, name=name)
        )
        document.save()
        return document

    # -- second pass ------------------------------------------------------
    def relink(self):
        """Links to old articles imported after the page that links to them, as page links."""
        changed = 0
        pending = ImportedPage.objects.filter(pending_links=True, page__isnull=False)
        for record_id in list(pending.values_list("pk", flat=True)):
            with self._automation():
                changed += self._relink(record_id)
        return changed

    def _relink(self, record_id):
        """One page of the second pass; 1 if its links changed."""
        record = ImportedPage.objects.select_related("page").get(pk=record_id)
        page = record.page.specific
        if page.latest_revision_id != record.revision_id:
            return 0  # an editor's page: left as they made it
        raw = list(page.body.raw_data)
        host = split_address(record.old_url)[0]
        still_pending = False
        touched = False
        for block in raw:
            if block["type"] != "paragraph":
                continue
            html, unresolved = self._links(block["value"], host, [])
            still_pending = still_pending or unresolved
            if html != block["value"]:
                block["value"] = html
                touched = True
        if self.dry_run:
            return 0
        with transaction.atomic():
            if touched:
                # The importer's own page, changed only in its links: saved
                # as new pages are (``_create``).
                page.body = raw
                page.save(update_fields=["body"], clean=False)
                self._store_revision(page, "wagtail.edit")
                self.wrote = True
            record.revision_id = page.latest_revision_id
            record.pending_links = still_pending
            record.save(update_fields=["revision_id", "pending_links", "last_run_at"])
        return 1 if touched else 0


def _block(kind, value):
    return {"type": kind, "value": value, "id": str(uuid.uuid4())}


def _same_site(link_host, host):
    def bare(name):
        return (name or "").lower().removeprefix("www.")

    return bool(link_host) and bare(link_host) == bare(host)


def _extension(path):
    name = path.partition("?")[0].rsplit("/", 1)[-1]
    return name.rsplit(".", 1)[-1].lower() if "." in name else ""


def _file_name(url):
    name = unquote(urlsplit(url).path.rsplit("/", 1)[-1]) or "tep"
    return name[-100:]


def _old_slug(path):
    """The last meaningful segment of a Liferay address (``.../content/<slug>``)."""
    segments = [segment for segment in path.partition("?")[0].split("/") if segment]
    return unquote(segments[-1]) if segments else ""


def _section_segment(url):
    """``<section>`` of ``/web/<site>/<section>/-/asset_publisher/...``."""
    segments = [segment for segment in urlsplit(url).path.split("/") if segment]
    if len(segments) >= 3 and segments[0] == "web":
        return segments[2]
    return ""
