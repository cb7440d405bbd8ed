"""The home page, plain content pages and the site's identity."""

from django.db import models
from django.db.models import Case, Value, When
from django.utils.functional import cached_property
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey
from wagtail.admin.panels import FieldPanel, InlinePanel, MultiFieldPanel, PageChooserPanel
from wagtail.fields import StreamField
from wagtail.models import Orderable, Page, TranslatableMixin
from wagtail.search import index
from wagtail.snippets.models import register_snippet

from core import text_rules
from core.blocks import BodyStreamBlock
from core.privacy import CachedRestrictionsMixin, public
from news.addresses import TransliteratedSlugMixin
from news.models import NewsPage, SectionPage
from search.indexing import normalised

FEATURED_COUNT = 3
LATEST_PER_SECTION = 4


class HomePage(TransliteratedSlugMixin, CachedRestrictionsMixin, Page):
    """The root of one language's tree."""

    intro = models.TextField(_("intro"), blank=True, max_length=text_rules.INTRO_MAX_LENGTH)
    body = StreamField(
        BodyStreamBlock(),
        verbose_name=_("body"),
        blank=True,
        help_text=_("Key figures (statistics blocks) and other content shown on the home page."),
    )
    reform_section = models.ForeignKey(
        "news.SectionPage",
        verbose_name=_("reform information section"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text=_("Its latest articles fill the sidebar's reform information block."),
    )

    content_panels = Page.content_panels + [
        FieldPanel("intro"),
        InlinePanel("featured_articles", label=_("Featured articles"), max_num=FEATURED_COUNT),
        FieldPanel("body"),
        PageChooserPanel("reform_section", "news.SectionPage"),
    ]

    search_fields = normalised(Page.search_fields + [index.SearchField("intro")])

    parent_page_types = ["wagtailcore.Page"]
    subpage_types = ["news.SectionPage", "home.ContentPage", "official_documents.DocumentIndexPage"]
    max_count_per_parent = 1

    class Meta:
        verbose_name = _("home page")

    def featured(self):
        """Editors' featured articles, topped up with the newest ones, those with a picture first.

        The featured row shows each card's picture; topping up with pictured
        articles keeps the row even when editors chose fewer than three.
        """
        chosen_ids = [link.page_id for link in self.featured_articles.all()]
        live = public(NewsPage.objects.live()).descendant_of(self).select_related("image")
        chosen = live.filter(pk__in=chosen_ids).in_bulk()
        articles = [chosen[pk] for pk in chosen_ids if pk in chosen]
        missing = FEATURED_COUNT - len(articles)
        if missing > 0:
            without_image = Case(When(image__isnull=True, then=Value(1)), default=Value(0))
            articles += list(
                live.exclude(pk__in=chosen_ids)
                .annotate(without_image=without_image)
                .order_by("without_image", "-published_at", "-pk")[:missing]
            )
        return articles

    def shortcuts(self):
        """The home's sections and pages (Introduction, contacts ...), in tree order, with intros."""
        return list(public(Page.objects.live().child_of(self)).specific())

    def sections_with_latest(self, featured):
        """Each section with its newest articles, leaving out those already ``featured``."""
        featured_ids = {article.pk for article in featured}
        result = []
        for section in public(SectionPage.objects.live()).child_of(self):
            latest = [
                article
                for article in section.articles()[: LATEST_PER_SECTION + FEATURED_COUNT]
                if article.pk not in featured_ids
            ][:LATEST_PER_SECTION]
            result.append((section, latest))
        return result

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        # Read only when the template's cached fragment has to be rendered.
        context["lists"] = HomeLists(self)
        return context


class HomeLists:
    """The home page's featured articles and section lists, read on first use."""

    def __init__(self, home):
        self.home = home

    @cached_property
    def featured(self):
        return self.home.featured()

    @cached_property
    def sections(self):
        return self.home.sections_with_latest(self.featured)

    @cached_property
    def shortcuts(self):
        return self.home.shortcuts()


class HomePageFeaturedArticle(Orderable):
    home_page = ParentalKey(HomePage, related_name="featured_articles", on_delete=models.CASCADE)
    page = models.ForeignKey(
        "news.NewsPage", verbose_name=_("article"), related_name="+", on_delete=models.CASCADE
    )

    panels = [PageChooserPanel("page", "news.NewsPage")]


class ContentPage(TransliteratedSlugMixin, CachedRestrictionsMixin, Page):
    """A plain page: Introduction, Organisation and contacts, Accessibility statement."""

    intro = models.TextField(_("intro"), blank=True, max_length=text_rules.INTRO_MAX_LENGTH)
    body = StreamField(BodyStreamBlock(), verbose_name=_("body"), blank=True)

    content_panels = Page.content_panels + [FieldPanel("intro"), FieldPanel("body")]
    search_fields = normalised(
        Page.search_fields + [index.SearchField("intro"), index.SearchField("body")]
    )

    parent_page_types = ["home.HomePage", "home.ContentPage"]
    subpage_types = ["home.ContentPage", "official_documents.DocumentIndexPage"]

    class Meta:
        verbose_name = _("content page")
        verbose_name_plural = _("content pages")


@register_snippet
class SiteIdentity(TranslatableMixin, models.Model):
    """Who runs the portal, shown in the header and footer; one per language."""

    portal_name = models.CharField(_("portal name"), max_length=255)
    agency_name = models.CharField(_("owner agency"), max_length=255)
    address = models.CharField(_("address"), max_length=255)
    phone = models.CharField(_("phone"), max_length=64)
    email = models.EmailField(_("email"))
    editor_in_charge = models.CharField(_("responsible for content"), max_length=255, blank=True)
    licence = models.CharField(_("licence"), max_length=255, blank=True)

    panels = [
        FieldPanel("portal_name"),
        FieldPanel("agency_name"),
        MultiFieldPanel(
            [FieldPanel("address"), FieldPanel("phone"), FieldPanel("email")],
            heading=_("Contacts"),
        ),
        FieldPanel("editor_in_charge"),
        FieldPanel("licence"),
    ]

    class Meta(TranslatableMixin.Meta):
        verbose_name = _("site identity")
        verbose_name_plural = _("site identity")

    def __str__(self):
        return f"{self.portal_name} ({self.locale})"
