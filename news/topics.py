"""Topics: the tags shown on articles, translated like any other text.

A ``Topic`` is a translatable snippet with drafts: wagtail-localize creates
its English and Lao versions as drafts, translators translate and publish
them, and only live topics are ever shown. Articles list their topics
through ``NewsPageTopic`` rows, translatable children of the page: when an
article is translated, wagtail-localize points each row at the topic's
translation in the target language.

What a visitor sees never depends on that mapping having happened:
``topics_for`` shows, for each topic an article lists, its live version in
the article's own language, and leaves out topics not translated into it yet.
An English page therefore never shows a Vietnamese tag.
"""

from django.contrib.contenttypes.fields import GenericRelation
from django.db import models
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey
from wagtail.admin.panels import FieldPanel
from wagtail.models import DraftStateMixin, Orderable, RevisionMixin, TranslatableMixin


class Topic(TranslatableMixin, DraftStateMixin, RevisionMixin, models.Model):
    """A subject articles are tagged with, such as "du lịch" (tourism)."""

    name = models.CharField(_("name"), max_length=100)
    revisions = GenericRelation("wagtailcore.Revision", related_query_name="topic")

    panels = [FieldPanel("name")]

    class Meta(TranslatableMixin.Meta):
        verbose_name = _("topic")
        verbose_name_plural = _("topics")
        ordering = ["name"]

    def __str__(self):
        return self.name


class NewsPageTopic(TranslatableMixin, Orderable):
    """One topic of one article, in the article's language."""

    page = ParentalKey("news.NewsPage", related_name="topic_links", on_delete=models.CASCADE)
    topic = models.ForeignKey(
        Topic, verbose_name=_("topic"), related_name="+", on_delete=models.CASCADE
    )

    panels = [FieldPanel("topic")]

    class Meta(TranslatableMixin.Meta):
        ordering = ["sort_order"]
        verbose_name = _("topic")
        verbose_name_plural = _("topics")


def topics_for(page):
    """The live topics of ``page`` in the page's language, in the editor's order.

    Each listed topic is replaced by its translation in the page's locale, so
    a translation made before a topic was translated still shows the topic
    once it is; a topic with no live version in that language is left out.
    Two queries, whatever the number of topics.
    """
    keys = [link.topic.translation_key for link in page.topic_links.select_related("topic")]
    if not keys:
        return []
    found = {
        topic.translation_key: topic
        for topic in Topic.objects.filter(live=True, locale_id=page.locale_id, translation_key__in=keys)
    }
    shown, seen = [], set()
    for key in keys:
        if key in found and key not in seen:
            shown.append(found[key])
            seen.add(key)
    return shown


def topics_by_page(pages):
    """{page pk: [live Topic in the page's language, ...]} for many saved pages at once.

    The same rule as ``topics_for``, in two queries for any number of pages
    (feeds list twenty articles).
    """
    pages = list(pages)
    links = (
        NewsPageTopic.objects.filter(page_id__in=[page.pk for page in pages])
        .select_related("topic")
        .order_by("page_id", "sort_order", "pk")
    )
    keys = {}
    for link in links:
        keys.setdefault(link.page_id, []).append(link.topic.translation_key)
    wanted = {key for page_keys in keys.values() for key in page_keys}
    found = {
        (topic.locale_id, topic.translation_key): topic
        for topic in Topic.objects.filter(
            live=True,
            translation_key__in=wanted,
            locale_id__in={page.locale_id for page in pages},
        )
    } if wanted else {}
    result = {}
    for page in pages:
        shown = []
        for key in keys.get(page.pk, []):
            topic = found.get((page.locale_id, key))
            if topic is not None and topic not in shown:
                shown.append(topic)
        result[page.pk] = shown
    return result
