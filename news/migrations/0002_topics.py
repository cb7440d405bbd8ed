"""Tags become translatable topics.

Taggit tags were one set of words for every language. Each article's tags
become topics of its own locale. Where a translation has as many tags as its
Vietnamese original, its tags are taken as translations of the original's,
in the order they were added (the order translators and the demo loader
wrote them), so the topics are linked as translations of each other;
otherwise they become separate topics of that language, to be linked by hand.
"""

import django.db.models.deletion
import modelcluster.fields
import uuid
from django.db import migrations, models


def tags_to_topics(apps, schema_editor):
    from django.conf import settings

    NewsPage = apps.get_model("news", "NewsPage")
    NewsPageTag = apps.get_model("news", "NewsPageTag")
    Topic = apps.get_model("news", "Topic")
    NewsPageTopic = apps.get_model("news", "NewsPageTopic")
    Locale = apps.get_model("wagtailcore", "Locale")

    source_locale = Locale.objects.filter(language_code=settings.LANGUAGE_CODE).first()
    tags_by_page = {}
    for row in NewsPageTag.objects.select_related("tag").order_by("pk"):
        tags_by_page.setdefault(row.content_object_id, []).append(row.tag.name)
    if not tags_by_page:
        return

    topics = {}  # (locale id, translation key) -> Topic

    def topic(locale_id, name, translation_key=None):
        if translation_key is not None and (locale_id, translation_key) in topics:
            return topics[(locale_id, translation_key)]
        if translation_key is not None:
            # One topic per language and translation key: the first name wins.
            found = Topic.objects.filter(locale_id=locale_id, translation_key=translation_key)
        else:
            found = Topic.objects.filter(locale_id=locale_id, name=name)
        item = found.first()
        if item is None:
            item = Topic(locale_id=locale_id, name=name, live=True)
            if translation_key is not None:
                item.translation_key = translation_key
            item.save()
        topics[(locale_id, item.translation_key)] = item
        return item

    groups = {}
    for page in NewsPage.objects.filter(pk__in=tags_by_page).order_by("pk"):
        groups.setdefault(page.translation_key, []).append(page)
    for pages in groups.values():
        pages.sort(key=lambda page: page.locale_id != getattr(source_locale, "pk", None))
        source = pages[0]
        source_links = []
        for order, name in enumerate(tags_by_page[source.pk]):
            link = NewsPageTopic.objects.create(
                page_id=source.pk, locale_id=source.locale_id, sort_order=order,
                topic=topic(source.locale_id, name),
            )
            source_links.append(link)
        for page in pages[1:]:
            names = tags_by_page[page.pk]
            paired = len(names) == len(source_links) and page.locale_id != source.locale_id
            for order, name in enumerate(names):
                if paired:
                    original = source_links[order]
                    NewsPageTopic.objects.create(
                        page_id=page.pk, locale_id=page.locale_id, sort_order=order,
                        translation_key=original.translation_key,
                        topic=topic(page.locale_id, name, original.topic.translation_key),
                    )
                else:
                    NewsPageTopic.objects.create(
                        page_id=page.pk, locale_id=page.locale_id, sort_order=order,
                        topic=topic(page.locale_id, name),
                    )


class Migration(migrations.Migration):

    dependencies = [
        ('news', '0001_initial'),
        ('wagtailcore', '0098_apitoken'),
    ]

    operations = [
        migrations.CreateModel(
            name='Topic',
            fields=[
                ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                ('translation_key', models.UUIDField(default=uuid.uuid4, editable=False)),
                ('live', models.BooleanField(default=True, editable=False, verbose_name='live')),
                ('has_unpublished_changes', models.BooleanField(default=False, editable=False, verbose_name='has unpublished changes')),
                ('first_published_at', models.DateTimeField(blank=True, db_index=True, null=True, verbose_name='first published at')),
                ('last_published_at', models.DateTimeField(editable=False, null=True, verbose_name='last published at')),
                ('go_live_at', models.DateTimeField(blank=True, null=True, verbose_name='go live date/time')),
                ('expire_at', models.DateTimeField(blank=True, null=True, verbose_name='expiry date/time')),
                ('expired', models.BooleanField(default=False, editable=False, verbose_name='expired')),
                ('name', models.CharField(max_length=100, verbose_name='name')),
                ('latest_revision', models.ForeignKey(blank=True, editable=False, null=True, on_delete=django.db.models.deletion.SET_NULL, related_name='+', to='wagtailcore.revision', verbose_name='latest revision')),
                ('live_revision', models.ForeignKey(blank=True, editable=False, null=True, on_delete=django.db.models.deletion.SET_NULL, related_name='+', to='wagtailcore.revision', verbose_name='live revision')),
                ('locale', models.ForeignKey(editable=False, on_delete=django.db.models.deletion.PROTECT, related_name='+', to='wagtailcore.locale', verbose_name='locale')),
            ],
            options={
                'verbose_name': 'topic',
                'verbose_name_plural': 'topics',
                'ordering': ['name'],
                'abstract': False,
                'unique_together': {('translation_key', 'locale')},
            },
        ),
        migrations.CreateModel(
            name='NewsPageTopic',
            fields=[
                ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                ('translation_key', models.UUIDField(default=uuid.uuid4, editable=False)),
                ('sort_order', models.IntegerField(blank=True, editable=False, null=True)),
                ('locale', models.ForeignKey(editable=False, on_delete=django.db.models.deletion.PROTECT, related_name='+', to='wagtailcore.locale', verbose_name='locale')),
                ('page', modelcluster.fields.ParentalKey(on_delete=django.db.models.deletion.CASCADE, related_name='topic_links', to='news.newspage')),
                ('topic', models.ForeignKey(on_delete=django.db.models.deletion.CASCADE, related_name='+', to='news.topic', verbose_name='topic')),
            ],
            options={
                'verbose_name': 'topic',
                'verbose_name_plural': 'topics',
                'ordering': ['sort_order'],
                'abstract': False,
                'unique_together': {('translation_key', 'locale')},
            },
        ),
        migrations.RunPython(tags_to_topics, migrations.RunPython.noop),
        migrations.RemoveField(
            model_name='newspage',
            name='tags',
        ),
        migrations.DeleteModel(
            name='NewsPageTag',
        ),
    ]
