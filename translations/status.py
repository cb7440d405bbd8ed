"""One status per translatable object and target language.

Shared by the translators' dashboard panel and the overview report. Every
number comes from a handful of bulk queries (pages, targets, translations,
progress per language, workflow states, outdated marks), never one query per
row, so the report stays fast as the site grows.

Statuses, for the Vietnamese object X and a target language L:

- missing: X has no copy in L (or only an alias showing the Vietnamese text);
- in progress N%: a draft copy exists, N% of its strings are translated (the
  address is left out: it is kept from the source without any work, see
  ``translations.addresses``);
  ``changes_requested`` when a reviewer sent it back;
- awaiting review: the copy is in L's moderation workflow;
- published: the live copy matches the current source;
- outdated since DATE: the copy is live, but the source changed on DATE and
  no translation made after that has been published yet.

Snippets have no drafts: an existing copy is "published" when complete and
current, "in progress" while strings are missing, "outdated" after a change.
"""

from dataclasses import dataclass, field
from datetime import datetime

from django.contrib.admin.utils import quote
from django.contrib.contenttypes.models import ContentType
from django.db.models import Count, Exists, Max, OuterRef
from django.urls import reverse
from django.utils import formats, timezone
from django.utils.functional import cached_property
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy
from wagtail.models import Locale, Page, TranslatableMixin, WorkflowState
from wagtail.snippets.models import get_snippet_models
from wagtail_localize.models import StringSegment, StringTranslation, Translation, TranslationLog

from translations.addresses import SLUG_PATH
from translations.models import OutdatedTranslation
from translations.roles import tree_root

MISSING = "missing"
IN_PROGRESS = "in_progress"
AWAITING_REVIEW = "awaiting_review"
PUBLISHED = "published"
OUTDATED = "outdated"

STATUS_CHOICES = [
    (MISSING, _("Missing")),
    # A context: Wagtail's own "In progress" (a workflow state) must not read "Đang dịch".
    (IN_PROGRESS, pgettext_lazy("translation status", "In progress")),
    (AWAITING_REVIEW, _("Awaiting review")),
    (PUBLISHED, _("Published")),
    (OUTDATED, _("Outdated")),
]
STATUS_NAMES = dict(STATUS_CHOICES)
# Work waiting for a translator, most urgent first (the dashboard's order).
TODO_ORDER = {OUTDATED: 0, IN_PROGRESS: 1, AWAITING_REVIEW: 2}


@dataclass
class Row:
    """The translation of one object into one language."""

    source: object
    locale: Locale
    kind: str
    section: object = None
    status: str = MISSING
    target_id: object = None
    translation_id: int = None
    translated: int = 0
    total: int = 0
    since: datetime = None
    changes_requested: bool = False
    is_page: bool = True
    edit_url_name: str = field(default="", repr=False)

    @property
    def title(self):
        return self.source.title if self.is_page else str(self.source)

    @property
    def percent(self):
        if not self.total:
            return 100 if self.translation_id else 0
        return self.translated * 100 // self.total

    @property
    def complete(self):
        return self.translation_id is not None and self.translated == self.total

    @property
    def language(self):
        return self.locale.get_display_name()

    @property
    def section_title(self):
        return self.section.title if self.section else ""

    @property
    def status_name(self):
        return STATUS_NAMES[self.status]

    @property
    def status_label(self):
        """The status as a person reads it: "In progress (40%)", "Outdated since 02/11/2025"."""
        if self.status == IN_PROGRESS:
            if self.changes_requested:
                return _("Changes requested (%(percent)s%%)") % {"percent": self.percent}
            if self.translated == 0:
                return _("Not started")
            return _("In progress (%(percent)s%%)") % {"percent": self.percent}
        if self.status == AWAITING_REVIEW:
            return _("Awaiting review")
        if self.status == OUTDATED:
            return _("Outdated since %(date)s") % {"date": self.since_display}
        return self.status_name

    @property
    def since_display(self):
        if not self.since:
            return ""
        return formats.date_format(timezone.localtime(self.since), "SHORT_DATE_FORMAT")

    @property
    def since_iso(self):
        return timezone.localtime(self.since).date().isoformat() if self.since else ""

    def _edit_url(self, pk):
        if pk is None:
            return ""
        if self.is_page:
            return reverse("wagtailadmin_pages:edit", args=[pk])
        return reverse(self.edit_url_name, args=[quote(pk)])

    @property
    def edit_url(self):
        """The target's editor: wagtail-localize's translation editor when synced."""
        return self._edit_url(self.target_id)

    @property
    def source_edit_url(self):
        return self._edit_url(self.source.pk)

    @property
    def po_download_url(self):
        if self.translation_id is None or self.target_id is None:
            return ""
        return reverse("wagtail_localize:download_pofile", args=[self.translation_id])

    @property
    def submit_for_review_url(self):
        if self.translation_id is None or not self.is_page:
            return ""
        return reverse("translations:submit_for_review", args=[self.translation_id])


class StatusBoard:
    """Computes ``Row``s for every translatable object against the target locales."""

    def __init__(self, locales=None):
        self.source_locale = Locale.get_default()
        self.locales = list(locales) if locales is not None else list(
            Locale.objects.exclude(pk=self.source_locale.pk).order_by("pk")
        )

    # Bulk look-ups -------------------------------------------------------------

    @cached_property
    def translations(self):
        rows = Translation.objects.filter(
            source__locale=self.source_locale, target_locale__in=self.locales
        ).values("pk", "source_id", "source__object_id", "target_locale_id", "enabled", "source__last_updated_at")
        return {(row["source__object_id"], row["target_locale_id"]): row for row in rows}

    @cached_property
    def totals(self):
        return dict(
            StringSegment.objects.filter(source__locale=self.source_locale)
            .exclude(context__path=SLUG_PATH)
            .values("source_id")
            .annotate(n=Count("pk"))
            .values_list("source_id", "n")
        )

    @cached_property
    def translated(self):
        """{(source id, locale id): translated segments}, as ``Translation.get_progress`` counts them."""
        result = {}
        for locale in self.locales:
            done = StringTranslation.objects.filter(
                translation_of_id=OuterRef("string_id"),
                context_id=OuterRef("context_id"),
                locale_id=locale.pk,
                has_error=False,
            )
            counts = (
                StringSegment.objects.filter(source__locale=self.source_locale)
                .exclude(context__path=SLUG_PATH)
                .filter(Exists(done))
                .values("source_id")
                .annotate(n=Count("pk"))
                .values_list("source_id", "n")
            )
            result.update({(source_id, locale.pk): n for source_id, n in counts})
        return result

    @cached_property
    def marks(self):
        return {
            (mark.object_id, mark.locale_id): mark.since
            for mark in OutdatedTranslation.objects.filter(locale__in=self.locales)
        }

    @cached_property
    def workflow_states(self):
        page_type = ContentType.objects.get_for_model(Page)
        return dict(
            WorkflowState.objects.active()
            .filter(base_content_type=page_type)
            .values_list("object_id", "status")
        )

    @cached_property
    def snippet_logs(self):
        """Latest time each snippet translation was saved (snippets have no revisions)."""
        return {
            (row["source__object_id"], row["locale_id"]): row["last"]
            for row in TranslationLog.objects.filter(
                revision__isnull=True, source__locale=self.source_locale
            )
            .values("source__object_id", "locale_id")
            .annotate(last=Max("created_at"))
        }

    @cached_property
    def sections(self):
        """The Vietnamese tree's top-level pages ("sections"), by path."""
        home = tree_root(self.source_locale.language_code)
        if home is None:
            return []
        return list(home.get_children().order_by("path"))

    def section_of(self, page):
        for section in self.sections:
            if page.path.startswith(section.path):
                return section
        return None

    # Rows ------------------------------------------------------------------------

    def _progress(self, row, key):
        translation = self.translations.get((key, row.locale.pk))
        if translation is None:
            return None
        row.translation_id = translation["pk"]
        row.total = self.totals.get(translation["source_id"], 0)
        row.translated = self.translated.get((translation["source_id"], row.locale.pk), 0)
        return translation

    def page_rows(self):
        pages = list(
            Page.objects.filter(locale=self.source_locale, depth__gt=1, alias_of__isnull=True)
            .select_related("content_type")
            .order_by("path")
        )
        targets = {
            (target["translation_key"], target["locale_id"]): target
            for target in Page.objects.filter(
                translation_key__in=[page.translation_key for page in pages], locale__in=self.locales
            ).values("pk", "translation_key", "locale_id", "live", "alias_of_id", "live_revision__created_at")
        }
        rows = []
        for page in pages:
            model = page.content_type.model_class()
            kind = model._meta.verbose_name if model else _("page")
            section = self.section_of(page)
            for locale in self.locales:
                row = Row(source=page, locale=locale, kind=kind, section=section)
                target = targets.get((page.translation_key, locale.pk))
                translation = self._progress(row, page.translation_key)
                if target is None or target["alias_of_id"]:
                    row.status = MISSING
                else:
                    row.target_id = target["pk"]
                    self._page_status(row, page, target, translation)
                rows.append(row)
        return rows

    def _page_status(self, row, page, target, translation):
        workflow = self.workflow_states.get(str(target["pk"]))
        if workflow == WorkflowState.STATUS_IN_PROGRESS:
            row.status = AWAITING_REVIEW
            return
        if not target["live"]:
            row.status = IN_PROGRESS
            row.changes_requested = workflow == WorkflowState.STATUS_NEEDS_CHANGES
            return
        mark = self.marks.get((page.translation_key, row.locale.pk))
        live_made = target["live_revision__created_at"]
        if mark and (live_made is None or mark > live_made):
            row.status, row.since = OUTDATED, mark
        elif translation and translation["enabled"] and not row.complete:
            # Strings missing from a live page: the source changed by a path
            # that left no mark (e.g. a raw data import).
            row.status, row.since = OUTDATED, translation["source__last_updated_at"]
        else:
            row.status = PUBLISHED

    def snippet_rows(self):
        rows = []
        for model in get_snippet_models():
            if not issubclass(model, TranslatableMixin):
                continue
            sources = list(model.objects.filter(locale=self.source_locale).order_by("pk"))
            targets = {
                (target["translation_key"], target["locale_id"]): target["pk"]
                for target in model.objects.filter(
                    translation_key__in=[item.translation_key for item in sources], locale__in=self.locales
                ).values("pk", "translation_key", "locale_id")
            }
            edit_url_name = model.snippet_viewset.get_url_name("edit")
            for item in sources:
                for locale in self.locales:
                    row = Row(
                        source=item, locale=locale, kind=model._meta.verbose_name,
                        is_page=False, edit_url_name=edit_url_name,
                    )
                    translation = self._progress(row, item.translation_key)
                    row.target_id = targets.get((item.translation_key, locale.pk))
                    if row.target_id is None:
                        row.status = MISSING
                    else:
                        mark = self.marks.get((item.translation_key, locale.pk))
                        saved = self.snippet_logs.get((item.translation_key, locale.pk))
                        if mark and (saved is None or mark > saved):
                            row.status, row.since = OUTDATED, mark
                        elif translation and not row.complete:
                            row.status = IN_PROGRESS
                        else:
                            row.status = PUBLISHED
                    rows.append(row)
        return rows

    def rows(self):
        return self.page_rows() + self.snippet_rows()
