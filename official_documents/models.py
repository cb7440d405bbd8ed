"""The documents register: document types, issuers and fields, the register page and its documents.

A document's status (in force, not yet in force, expired, replaced,
amended) is never stored as a choice an editor sets: it follows from its
dates and from the documents that replace or amend it, compared with today
(``status`` in Python, ``status_q`` in the database). Two dates are kept on
each row so that the database can filter by status without joins:
``replaced_on`` (when the replacing document takes effect) and
``amended_on`` (when the first amending one does); ``refresh_relations``
recomputes them whenever a document linking to others is saved.

Translations: the abstract, the body, the title and the signer's position
are translated; the number, dates, relations, files and the links to the
type, issuer and field are synchronised (they point at the Vietnamese
objects) and shown in the page's language by translation key.
"""

import datetime

from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import ExpressionWrapper, F, Min, Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey
from wagtail.admin.panels import FieldPanel, FieldRowPanel, InlinePanel, MultiFieldPanel, PageChooserPanel
from wagtail.api import APIField
from wagtail.fields import RichTextField
from wagtail.models import Orderable, Page, TranslatableMixin
from wagtail.search import index
from wagtail_localize.fields import SynchronizedField

from core.privacy import CachedRestrictionsMixin
from search.indexing import normalised

from . import keys

IN_FORCE = "in-force"
NOT_YET = "not-yet"
EXPIRED = "expired"
REPLACED = "replaced"
AMENDED = "amended"
STATUS_LABELS = {
    IN_FORCE: _("In force"),
    NOT_YET: _("Not yet in force"),
    EXPIRED: _("Expired"),
    REPLACED: _("Replaced"),
    AMENDED: _("Amended"),
}


class RegisterSnippet(TranslatableMixin, models.Model):
    """A named entry editors pick from (type, issuer, field), translated like topics."""

    name = models.CharField(_("name"), max_length=255)
    sort_order = models.PositiveIntegerField(
        _("order"), default=0, help_text=_("Lower numbers come first in the register's filters.")
    )

    panels = [FieldPanel("name"), FieldPanel("sort_order")]
    api_fields = [APIField("name")]
    override_translatable_fields = [SynchronizedField("sort_order")]

    class Meta(TranslatableMixin.Meta):
        abstract = True
        ordering = ["sort_order", "name"]

    def __str__(self):
        return self.name


class DocumentType(RegisterSnippet):
    """The form of a document: quyết định, nghị quyết, kế hoạch, công văn..."""

    code = models.CharField(
        _("code"),
        max_length=20,
        blank=True,
        help_text=_("The abbreviation in document numbers, such as QĐ for a decision."),
    )
    panels = RegisterSnippet.panels + [FieldPanel("code")]
    override_translatable_fields = RegisterSnippet.override_translatable_fields + [SynchronizedField("code")]

    class Meta(RegisterSnippet.Meta):
        verbose_name = _("document type")
        verbose_name_plural = _("document types")


class IssuingBody(RegisterSnippet):
    """The agency that issued a document: the provincial People's Committee, a department..."""

    class Meta(RegisterSnippet.Meta):
        verbose_name = _("issuing body")
        verbose_name_plural = _("issuing bodies")


class DocumentField(RegisterSnippet):
    """The field (lĩnh vực) a document concerns: land, education, foreign affairs..."""

    class Meta(RegisterSnippet.Meta):
        verbose_name = _("field")
        verbose_name_plural = _("fields")


class DocumentIndexPage(CachedRestrictionsMixin, Page):
    """The register: every document below it in a filterable, searchable table."""

    intro = models.TextField(_("intro"), blank=True, max_length=1000)

    content_panels = Page.content_panels + [FieldPanel("intro")]
    search_fields = normalised(Page.search_fields + [index.SearchField("intro")])
    api_fields = [APIField("intro")]

    parent_page_types = ["home.HomePage", "news.SectionPage", "home.ContentPage"]
    subpage_types = ["official_documents.OfficialDocumentPage"]

    class Meta:
        verbose_name = _("documents register")
        verbose_name_plural = _("documents registers")

    def documents(self, register_index=True):
        """Live public documents of this register, newest first.

        ``register_index=False`` keeps the database from reading the
        register's indexes (the whole register) when a few documents are
        already known by key: SQLite, without statistics, prefers them.
        """
        from core.privacy import public

        documents = OfficialDocumentPage.objects
        if register_index:
            documents = documents.filter(register_page_id=self.pk)
        else:
            documents = documents.alias(
                in_register=ExpressionWrapper(F("register_page_id") + 0, output_field=models.IntegerField())
            ).filter(in_register=self.pk)
        return public(documents).order_by("-issue_date", "-pk")

    def serve(self, request, *args, **kwargs):
        from official_documents import views

        return views.serve_register(self, request, super().serve, *args, **kwargs)

    def get_context(self, request, *args, **kwargs):
        from official_documents import filters, views

        context = super().get_context(request, *args, **kwargs)
        language = self.locale.language_code
        found = getattr(request, "register_filters", None) or filters.parse(request.GET, language, self)
        context["filters"] = found
        context["documents"] = getattr(request, "register_page", None) or views.register_page(
            self, request, found, language
        )
        context["choices"] = filters.labels(language)
        context["years"] = filters.years(self)
        context["statuses"] = list(STATUS_LABELS.items())
        context["kept_params"] = [name for name, _value in found.params()]
        context["csv_query"] = found.params() + [("format", "csv")]
        return context


def status_q(status, today=None):
    """The database condition for documents with ``status`` on ``today`` (see the module)."""
    today = today or timezone.localdate()
    replaced = Q(replaced_on__lte=today)
    expired = Q(expiry_date__lte=today)
    not_yet = Q(effective_date__gt=today)
    amended = Q(amended_on__lte=today)
    if status == REPLACED:
        return replaced
    if status == EXPIRED:
        return ~replaced & expired
    if status == NOT_YET:
        return ~replaced & ~expired & not_yet
    if status == AMENDED:
        return ~replaced & ~expired & ~not_yet & amended
    if status == IN_FORCE:
        return ~replaced & ~expired & ~not_yet & ~amended
    raise ValueError(status)


class OfficialDocumentPage(CachedRestrictionsMixin, Page):
    """One document of the register: its number, dates, status, abstract and files."""

    document_type = models.ForeignKey(
        DocumentType, verbose_name=_("document type"), on_delete=models.PROTECT, related_name="+"
    )
    issuing_body = models.ForeignKey(
        IssuingBody, verbose_name=_("issuing body"), on_delete=models.PROTECT, related_name="+"
    )
    document_field = models.ForeignKey(
        DocumentField,
        verbose_name=_("field"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )
    number_symbol = models.CharField(
        _("number and symbol"),
        max_length=100,
        help_text=_("As written on the document, such as 3039/QĐ-UBND."),
    )
    issue_date = models.DateField(_("issue date"), db_index=True)
    effective_date = models.DateField(_("effective date"))
    expiry_date = models.DateField(
        _("expiry date"),
        null=True,
        blank=True,
        help_text=_("The first day the document no longer applies. Leave empty if it has no end."),
    )
    signer_name = models.CharField(_("signed by"), max_length=255, blank=True)
    signer_position = models.CharField(_("signer's position"), max_length=255, blank=True)
    abstract = models.TextField(_("abstract"), max_length=2000, help_text=_("What the document is about (trích yếu)."))
    body = RichTextField(_("body"), blank=True, features=["h2", "h3", "bold", "italic", "ol", "ul", "link"])
    replaced_by = models.ForeignKey(
        "self",
        verbose_name=_("replaced by"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text=_("The document that replaces this one, if any."),
    )
    # Computed (see the module); never edited.
    number_key = models.CharField(max_length=200, editable=False, default="")
    number_value = models.PositiveIntegerField(null=True, editable=False)
    search_key = models.TextField(editable=False, default="")
    replaced_on = models.DateField(null=True, editable=False)
    # The register page above while the page is live (else empty), copied
    # here so that the register counts and filters without joining the page
    # table, from its indexes alone.
    register_page = models.ForeignKey(
        "wagtailcore.Page", null=True, editable=False, on_delete=models.SET_NULL, related_name="+", db_index=False
    )
    amended_on = models.DateField(null=True, editable=False)

    content_panels = Page.content_panels + [
        MultiFieldPanel(
            [
                FieldPanel("number_symbol"),
                FieldPanel("document_type"),
                FieldPanel("issuing_body"),
                FieldPanel("document_field"),
            ],
            heading=_("Document"),
        ),
        FieldRowPanel(
            [FieldPanel("issue_date"), FieldPanel("effective_date"), FieldPanel("expiry_date")],
            heading=_("Dates"),
        ),
        FieldRowPanel([FieldPanel("signer_name"), FieldPanel("signer_position")], heading=_("Signer")),
        FieldPanel("abstract"),
        FieldPanel("body"),
        InlinePanel("files", label=_("Files"), min_num=1),
        PageChooserPanel("replaced_by", "official_documents.OfficialDocumentPage"),
        InlinePanel("amendments", label=_("Amends")),
        InlinePanel("related_articles", label=_("Related articles")),
    ]

    search_fields = normalised(
        Page.search_fields
        + [
            index.SearchField("number_symbol", boost=3),
            index.AutocompleteField("number_symbol"),
            index.SearchField("abstract"),
            index.SearchField("body"),
            index.FilterField("issue_date"),
        ]
    )
    override_translatable_fields = [
        SynchronizedField("number_symbol"),
        SynchronizedField("signer_name"),
        SynchronizedField("document_type"),
        SynchronizedField("issuing_body"),
        SynchronizedField("document_field"),
    ]
    api_fields = [
        APIField("number_symbol"),
        APIField("document_type"),
        APIField("issuing_body"),
        APIField("document_field"),
        # The three names in the page's language (the keys above are synchronised from Vietnamese).
        APIField("names"),
        APIField("issue_date"),
        APIField("effective_date"),
        APIField("expiry_date"),
        APIField("signer_name"),
        APIField("signer_position"),
        APIField("abstract"),
        APIField("body"),
        APIField("status"),
        APIField("replaced_by"),
        APIField("files"),
    ]

    parent_page_types = ["official_documents.DocumentIndexPage"]
    subpage_types = []

    class Meta:
        verbose_name = _("official document")
        verbose_name_plural = _("official documents")
        indexes = [
            models.Index(fields=["-issue_date", "-page_ptr"], name="offdoc_newest"),
            # The register's own indexes lead with it (one register per language).
            models.Index(fields=["register_page", "-issue_date", "-page_ptr"], name="offdoc_register"),
            models.Index(fields=["number_value", "register_page", "-issue_date", "-page_ptr"], name="offdoc_number"),
            models.Index(fields=["register_page", "document_type", "-issue_date", "-page_ptr"], name="offdoc_type"),
            models.Index(fields=["register_page", "issuing_body", "-issue_date", "-page_ptr"], name="offdoc_issuer"),
            models.Index(fields=["register_page", "document_field", "-issue_date", "-page_ptr"], name="offdoc_field"),
        ]

    def __str__(self):
        return f"{self.number_symbol} {self.title}"

    @property
    def published_at(self):
        """The date the site search lists the document under: its issue date."""
        if self.issue_date is None:
            return None
        return timezone.make_aware(datetime.datetime.combine(self.issue_date, datetime.time(12)))

    def clean(self):
        super().clean()
        errors = {}
        if self.issue_date and self.effective_date and self.effective_date < self.issue_date:
            errors["effective_date"] = _("A document cannot take effect before it is issued.")
        if self.expiry_date and self.effective_date and self.expiry_date <= self.effective_date:
            errors["expiry_date"] = _("The expiry date must come after the effective date.")
        if self.replaced_by_id and self.pk and self.replaced_by.translation_key == self.translation_key:
            errors["replaced_by"] = _("A document cannot replace itself.")
        if errors:
            raise ValidationError(errors)

    def status_on(self, today=None):
        today = today or timezone.localdate()
        if self.replaced_on and self.replaced_on <= today:
            return REPLACED
        if self.expiry_date and self.expiry_date <= today:
            return EXPIRED
        if self.effective_date and self.effective_date > today:
            return NOT_YET
        if self.amended_on and self.amended_on <= today:
            return AMENDED
        return IN_FORCE

    @property
    def status(self):
        return self.status_on()

    @property
    def status_label(self):
        return STATUS_LABELS[self.status]

    def save(self, *args, **kwargs):
        self.number_key = keys.key(self.number_symbol)
        self.number_value = keys.leading_number(self.number_symbol)
        self.search_key = keys.key(self.number_symbol, self.title, self.abstract)
        self.replaced_on = (
            OfficialDocumentPage.objects.filter(pk=self.replaced_by_id).values_list("effective_date", flat=True).first()
            if self.replaced_by_id
            else None
        )
        before = set(self._amended_keys()) if self.pk else set()
        self.register_page_id = None
        if self.live and self.depth and self.path:
            parent = Page.objects.filter(path=self.path[: -self.steplen]).values_list("pk", flat=True).first()
            self.register_page_id = parent
        update_fields = kwargs.get("update_fields")
        if update_fields is not None:
            # An unpublish saves only a few fields; the copies must follow.
            kwargs["update_fields"] = set(update_fields) | {"register_page"}
        if self.translation_key:
            self.amended_on = _amended_on(self.translation_key)
        result = super().save(*args, **kwargs)
        DocumentWord.objects.filter(document_id=self.pk).delete()
        DocumentWord.objects.bulk_create(
            DocumentWord(document_id=self.pk, word=word)
            for word in keys.index_words(self.number_symbol, self.title, self.abstract)
        )
        refresh_relations(before | set(self._amended_keys()), replaced_by=self.translation_key)
        return result

    def _amended_keys(self):
        return DocumentAmendment.objects.filter(document_id=self.pk).values_list(
            "amended__translation_key", flat=True
        )

    # What the page shows, in its own language -----------------------------

    def in_my_language(self, pages):
        """Each of ``pages`` as its live translation in this page's language, else as it is."""
        pages = [page for page in pages if page is not None]
        if not pages:
            return []
        found = {
            page.translation_key: page
            for page in OfficialDocumentPage.objects.live().filter(
                locale_id=self.locale_id, translation_key__in=[page.translation_key for page in pages]
            )
        }
        return [found.get(page.translation_key, page) for page in pages if page.live or page.translation_key in found]

    def replacement(self):
        shown = self.in_my_language([self.replaced_by])
        return shown[0] if shown else None

    def replaces(self):
        """The documents this one replaces."""
        return list(
            OfficialDocumentPage.objects.live()
            .filter(locale_id=self.locale_id, replaced_by__translation_key=self.translation_key)
            .order_by("-issue_date")
        )

    def amends(self):
        return self.in_my_language([link.amended for link in self.amendments.select_related("amended")])

    def amended_by(self):
        return list(
            OfficialDocumentPage.objects.live()
            .filter(
                locale_id=self.locale_id,
                amendments__amended__translation_key=self.translation_key,
            )
            .distinct()
            .order_by("-issue_date")
        )

    def related_pages(self):
        links = [link.page for link in self.related_articles.select_related("page")]
        keys_ = [page.translation_key for page in links]
        found = {
            page.translation_key: page
            for page in Page.objects.live().public().filter(locale_id=self.locale_id, translation_key__in=keys_).specific()
        }
        return [found[key] for key in keys_ if key in found]

    def names(self):
        """{"type"|"issuer"|"field": name in this page's language}."""
        from official_documents.filters import names_for

        return names_for(self.locale.language_code, self)

    def file_list(self):
        return [link.document for link in self.files.select_related("document") if link.document]


def _amended_on(translation_key):
    return DocumentAmendment.objects.filter(
        amended__translation_key=translation_key, document__live=True
    ).aggregate(first=Min("document__effective_date"))["first"]


def refresh_relations(amended_keys, replaced_by=None):
    """Recompute ``amended_on`` of the documents with ``amended_keys`` and ``replaced_on`` of
    the documents replaced by the document with translation key ``replaced_by``."""
    for translation_key in {key for key in amended_keys if key}:
        OfficialDocumentPage.objects.filter(translation_key=translation_key).update(
            amended_on=_amended_on(translation_key)
        )
    if replaced_by:
        replacement = (
            OfficialDocumentPage.objects.filter(translation_key=replaced_by, live=True)
            .order_by("pk")
            .values_list("effective_date", flat=True)
            .first()
        )
        OfficialDocumentPage.objects.filter(replaced_by__translation_key=replaced_by).update(
            replaced_on=replacement
        )


class DocumentWord(models.Model):
    """One folded word of a document's number, title or abstract: the register's word search.

    Looking a word up in this index costs the same with 100 or 100,000
    documents, where scanning every abstract does not (bench/documents.py).
    """

    document = models.ForeignKey(OfficialDocumentPage, on_delete=models.CASCADE, related_name="+", db_index=False)
    word = models.CharField(max_length=64)

    class Meta:
        indexes = [models.Index(fields=["word", "document"], name="offdoc_word")]


class DocumentFile(Orderable):
    """A file of a document (the signed PDF, an annex); the same in every language."""

    page = ParentalKey(OfficialDocumentPage, related_name="files", on_delete=models.CASCADE)
    document = models.ForeignKey(
        "wagtaildocs.Document", verbose_name=_("file"), on_delete=models.CASCADE, related_name="+"
    )

    panels = [FieldPanel("document")]
    api_fields = [APIField("document")]

    class Meta(Orderable.Meta):
        verbose_name = _("file")
        verbose_name_plural = _("files")


class DocumentAmendment(Orderable):
    """This document amends another (the other one shows "amended by" this one)."""

    document = ParentalKey(OfficialDocumentPage, related_name="amendments", on_delete=models.CASCADE)
    amended = models.ForeignKey(
        OfficialDocumentPage, verbose_name=_("amended document"), on_delete=models.CASCADE, related_name="+"
    )

    panels = [PageChooserPanel("amended", "official_documents.OfficialDocumentPage")]

    class Meta(Orderable.Meta):
        verbose_name = _("amended document")
        verbose_name_plural = _("amended documents")


class RelatedArticle(Orderable):
    page_link = ParentalKey(OfficialDocumentPage, related_name="related_articles", on_delete=models.CASCADE)
    page = models.ForeignKey(
        "wagtailcore.Page", verbose_name=_("article"), on_delete=models.CASCADE, related_name="+"
    )

    panels = [PageChooserPanel("page", "news.NewsPage")]

    class Meta(Orderable.Meta):
        verbose_name = _("related article")
        verbose_name_plural = _("related articles")
