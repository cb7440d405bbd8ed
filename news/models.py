"""Sections and news articles."""

from django.core.exceptions import ValidationError
from django.core.paginator import EmptyPage, PageNotAnInteger, Paginator
from django.db import models
from django.http import Http404
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey
from wagtail.admin.panels import FieldPanel, InlinePanel, MultiFieldPanel, PageChooserPanel
from wagtail.fields import StreamField
from wagtail.models import Orderable, Page
from wagtail.search import index

from core import generation, text_rules
from core.blocks import BodyStreamBlock, alt_text_copies_image_name, copied_alt_text_error
from core.privacy import CachedRestrictionsMixin, public
from search.indexing import normalised

from .addresses import TransliteratedSlugMixin
from .topics import NewsPageTopic, Topic, topics_for  # noqa: F401  (models of this app)

ARTICLES_PER_PAGE = 10


class SectionPage(TransliteratedSlugMixin, CachedRestrictionsMixin, Page):
    """A news section such as "Thông tin đối ngoại"; sections may nest."""

    intro = models.TextField(_("intro"), blank=True, max_length=text_rules.INTRO_MAX_LENGTH)

    content_panels = Page.content_panels + [FieldPanel("intro")]
    search_fields = normalised(Page.search_fields + [index.SearchField("intro")])

    parent_page_types = ["home.HomePage", "news.SectionPage"]
    # The documents register may sit in any section (it names its parents itself).
    subpage_types = ["news.SectionPage", "news.NewsPage", "official_documents.DocumentIndexPage"]

    class Meta:
        verbose_name = _("section")
        verbose_name_plural = _("sections")

    def articles(self):
        """Live articles anywhere below this section, newest first."""
        return (
            public(NewsPage.objects.live())
            .descendant_of(self)
            .select_related("image")
            .order_by("-published_at", "-pk")
        )

    def subsections(self):
        return public(SectionPage.objects.live()).child_of(self)

    def paginate(self, request):
        """The requested page of articles; a 404 for a page that does not exist."""
        paginator = Paginator(self.articles(), ARTICLES_PER_PAGE)
        # Remembered until the next publish: a count over every article is
        # the dearest query of a listing.
        paginator.count = generation.remember("news:article-count", self.articles().count, self.pk)
        number = request.GET.get("page", "1")
        try:
            return paginator.page(number)
        except (PageNotAnInteger, EmptyPage):
            raise Http404(_("This page of the list does not exist."))

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["articles"] = self.paginate(request)
        context["subsections"] = generation.remember(
            "news:subsections", lambda: list(self.subsections()), self.pk
        )
        return context


class NewsPage(TransliteratedSlugMixin, CachedRestrictionsMixin, Page):
    """A news article."""

    lead = models.TextField(
        _("lead"),
        max_length=text_rules.LEAD_MAX_LENGTH,
        help_text=_("The opening paragraph, in plain text."),
    )
    published_at = models.DateTimeField(_("published at"), default=timezone.now, db_index=True)
    author = models.CharField(_("author"), max_length=255, blank=True)
    image = models.ForeignKey(
        "wagtailimages.Image",
        verbose_name=_("main image"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    image_alt = models.CharField(
        _("alt text"),
        max_length=text_rules.ALT_TEXT_MAX_LENGTH,
        blank=True,
        help_text=_("Describe what the image shows for people who cannot see it."),
    )
    image_decorative = models.BooleanField(
        _("image is decorative"),
        default=False,
        help_text=_("Tick only if the image adds nothing to the text; screen readers will skip it."),
    )
    image_caption = models.CharField(
        _("caption"), max_length=text_rules.CAPTION_MAX_LENGTH, blank=True
    )
    body = StreamField(BodyStreamBlock(), verbose_name=_("body"), blank=True)

    content_panels = Page.content_panels + [
        FieldPanel("lead"),
        FieldPanel("published_at"),
        FieldPanel("author"),
        MultiFieldPanel(
            [
                FieldPanel("image"),
                FieldPanel("image_alt"),
                FieldPanel("image_decorative"),
                FieldPanel("image_caption"),
            ],
            heading=_("Main image"),
        ),
        FieldPanel("body"),
        InlinePanel("topic_links", label=_("Topics")),
        InlinePanel("related_articles", label=_("Related articles")),
    ]

    search_fields = normalised(
        Page.search_fields
        + [
            index.SearchField("lead"),
            index.SearchField("body"),
            index.SearchField("image_caption"),
            index.SearchField("author"),
            index.FilterField("published_at"),
        ]
    )

    parent_page_types = ["news.SectionPage"]
    subpage_types = []
    # Fetched with the page when a cached address is served (core.routes).
    route_select_related = ("image",)

    class Meta:
        verbose_name = _("news article")
        verbose_name_plural = _("news articles")

    def clean(self):
        super().clean()
        if self.image_id and not self.image_decorative and not self.image_alt.strip():
            raise ValidationError(
                {
                    "image_alt": _(
                        "Add alt text describing the main image, or mark it as decorative."
                    )
                }
            )
        if (
            self.image_id
            and not self.image_decorative
            and alt_text_copies_image_name(self.image_alt, self.image)
        ):
            raise ValidationError({"image_alt": copied_alt_text_error()})

    @property
    def section(self):
        """The nearest section above this article."""
        return SectionPage.objects.ancestor_of(self).live().order_by("-depth").first()

    def topics(self):
        """The topics shown on the article, in its language (see ``news.topics``)."""
        return topics_for(self)

    def related_pages(self):
        ids = [link.page_id for link in self.related_articles.all()]
        pages = public(NewsPage.objects.live()).filter(pk__in=ids).in_bulk()
        return [pages[pk] for pk in ids if pk in pages]


class RelatedArticle(Orderable):
    article = ParentalKey(NewsPage, related_name="related_articles", on_delete=models.CASCADE)
    page = models.ForeignKey(
        NewsPage, verbose_name=_("article"), related_name="+", on_delete=models.CASCADE
    )

    panels = [PageChooserPanel("page", "news.NewsPage")]
