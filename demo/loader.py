"""Create or update the demo site; running it again changes nothing.

Pages are found by slug under their Vietnamese parent, images and documents
by title, the site identity by locale. A Vietnamese page is republished only
when its content differs from the data, and a translation is rebuilt only
when its source or its strings changed.
"""

import json
import uuid
from collections import defaultdict

from django.contrib.contenttypes.models import ContentType
from django.core.files.base import ContentFile
from django.core.serializers.json import DjangoJSONEncoder
from django.db import transaction
from django.utils.html import escape
from wagtail.documents import get_document_model
from wagtail.fields import StreamField
from wagtail.images import get_image_model
from wagtail.models import Locale, Page, Site

from home.models import ContentPage as ContentPageModel
from home.models import HomePage, HomePageFeaturedArticle, SiteIdentity
from news.models import NewsPage, NewsPageTopic, RelatedArticle, SectionPage, Topic
from translations import automation
from visits.figures import set_carried_over_total

from . import checks, documents, localize, pictures, schema
from .data import ARTICLES_BY_SECTION, DOCUMENTS, HOME, IDENTITY, IMAGES, OLD_PORTAL_VISIT_TOTAL
from .schema import LANGUAGES, pick

# Block ids are derived from the page key and the block's position, so the
# Vietnamese page and its translations share them (wagtail-localize pairs
# segments by block id) and a second run writes identical data.
BLOCK_NAMESPACE = uuid.UUID("0f6e1d52-8a77-4c0b-9a53-3b1c2f5d7e10")


def block_id(*parts):
    return str(uuid.uuid5(BLOCK_NAMESPACE, "/".join(str(part) for part in parts)))


# Rendering data into field values ---------------------------------------------


def rich_text(parts, language):
    html = []
    for part in parts:
        if isinstance(part, schema.Bullets):
            items = "".join(f"<li>{escape(pick(item, language))}</li>" for item in part.items)
            html.append(f"<ul>{items}</ul>")
        else:
            html.append(f"<p>{escape(pick(part, language))}</p>")
    return "".join(html)


def block_value(block, language, scope, media):
    """(block type, raw JSON value) of one body block."""
    if isinstance(block, schema.Heading):
        return "heading", {"text": pick(block.text, language), "level": block.level}
    if isinstance(block, schema.Paragraph):
        return "paragraph", rich_text(block.parts, language)
    if isinstance(block, schema.Picture):
        image = {"image": media[block.image].pk, "alt_text": pick(block.alt, language), "decorative": False}
        return "image", {"image": image, "caption": pick(block.caption, language)}
    if isinstance(block, schema.Quote):
        return "quote", {"text": pick(block.text, language), "attribution": pick(block.attribution, language)}
    if isinstance(block, schema.Table):
        return "table", {
            "data": [[pick(cell, language) for cell in row] for row in block.rows],
            "table_caption": pick(block.caption, language),
            "first_row_is_table_header": True,
            "first_col_is_header": block.first_col_is_header,
            "table_header_choice": "both" if block.first_col_is_header else "row",
        }
    if isinstance(block, schema.DocumentLink):
        return "document", {"document": media[block.document].pk, "title": pick(block.title, language)}
    if isinstance(block, schema.Statistics):
        figures = [
            {
                "type": "item",
                "id": block_id(scope, "figure", index),
                "value": {
                    "value": figure.value,
                    "unit": pick(figure.unit, language),
                    "label": pick(figure.label, language),
                    "source": pick(figure.source, language),
                    "as_of": figure.as_of.isoformat() if figure.as_of else None,
                },
            }
            for index, figure in enumerate(block.figures)
        ]
        return "statistics", {"heading": pick(block.heading, language), "figures": figures}
    raise TypeError(f"Unknown block {block!r}")


def stream(blocks, language, scope, media):
    result = []
    for index, block in enumerate(blocks):
        block_scope = f"{scope}/{index}"
        kind, value = block_value(block, language, block_scope, media)
        result.append({"type": kind, "value": value, "id": block_id(block_scope)})
    return result


def article_fields(article, language, media):
    image = media.get(article.image)
    return {
        "title": pick(article.title, language),
        "slug": pick(article.slug, language),
        "lead": pick(article.lead, language),
        "published_at": article.published_at,
        "author": pick(article.author, language),
        "image_id": image.pk if image else None,
        "image_alt": pick(article.image_alt, language) or "",
        "image_decorative": False,
        "image_caption": pick(article.image_caption, language) or "",
        "body": stream(article.body, language, article.key, media),
    }


def section_fields(section, language, media):
    return {
        "title": pick(section.title, language),
        "slug": pick(section.slug, language),
        "intro": pick(section.intro, language),
        "show_in_menus": True,
    }


def content_page_fields(page, language, media):
    return {
        "title": pick(page.title, language),
        "slug": pick(page.slug, language),
        "intro": pick(page.intro, language),
        "body": stream(page.body, language, page.key, media),
        "show_in_menus": page.show_in_menus,
    }


def home_fields(home, language, media):
    return {
        "title": pick(home.title, language),
        "slug": pick(home.slug, language),
        "intro": pick(home.intro, language),
        "body": stream(home.body, language, "home", media),
        "show_in_menus": False,
    }


def identity_fields(identity, language):
    return {
        name: pick(getattr(identity, name), language)
        for name in (
            "portal_name", "agency_name", "address", "phone", "email", "editor_in_charge", "licence",
        )
    }


# Comparing and assigning ----------------------------------------------------------


def _comparable(page, name, value):
    if isinstance(page._meta.get_field(name), StreamField):
        return json.dumps(list(value.raw_data), cls=DjangoJSONEncoder, sort_keys=True)
    return value


def assign(instance, fields):
    """Set the fields that differ; True if any did."""
    changed = False
    for name, value in fields.items():
        current = getattr(instance, name)
        setattr(instance, name, value)
        if _comparable(instance, name, current) != _comparable(instance, name, getattr(instance, name)):
            changed = True
        else:
            setattr(instance, name, current)
    return changed


def set_topics(page, topics):
    """Point a Vietnamese article's topic list at ``topics``, in order.

    Translations follow by themselves: wagtail-localize points each copied
    row at the topic's translation in the target language.
    """
    if [link.topic_id for link in page.topic_links.all()] == [topic.pk for topic in topics]:
        return False
    page.topic_links = [NewsPageTopic(topic=topic, sort_order=i) for i, topic in enumerate(topics)]
    return True


def set_links(page, relation, model, page_ids):
    """Point an Orderable list of page links (related or featured articles) at ``page_ids``."""
    if [link.page_id for link in getattr(page, relation).all()] == list(page_ids):
        return False
    setattr(page, relation, [model(page_id=pk, sort_order=i) for i, pk in enumerate(page_ids)])
    return True


# Pages ------------------------------------------------------------------------------


class Loader:
    def __init__(self, stdout=None, visit_total=None):
        self.stdout = stdout
        # None: the old portal's figure, unless a total is already set.
        self.visit_total = visit_total
        self.locales = {}
        self.media = {}
        self.pages = defaultdict(dict)  # key -> language -> page
        self.topics = {}  # T of a tag -> the Vietnamese Topic

    def run(self):
        checks.check(HOME, IDENTITY, ARTICLES_BY_SECTION)
        with transaction.atomic():
            self.ensure_locales()
            self.ensure_media()
            self.ensure_topics()
            self.ensure_home()
            for child in HOME.children:
                self.ensure_home_child(child)
            for section in HOME.children:
                for article in ARTICLES_BY_SECTION.get(getattr(section, "key", None), ()):
                    self.ensure_article(section, article)
            documents.load(self)
            self.finish_home()
            self.ensure_identity()
            self.ensure_visit_total()
        return self.summary()

    def ensure_locales(self):
        for language in LANGUAGES:
            self.locales[language], _ = Locale.objects.get_or_create(language_code=language)

    def ensure_media(self):
        Image = get_image_model()
        for spec in IMAGES:
            image = Image.objects.filter(title=spec.title).first()
            if image is None:
                image = Image(title=spec.title)
                image.file = self.stored_file(
                    Image, f"original_images/demo_{spec.key}.jpg", pictures.draw(spec.scene, spec.seed)
                )
                image._set_image_file_metadata()
                image.save()
            self.media[spec.key] = image
        Document = get_document_model()
        for spec in DOCUMENTS:
            document = Document.objects.filter(title=spec.title).first()
            if document is None:
                document = Document(title=spec.title)
                document.file = self.stored_file(
                    Document, f"documents/{spec.filename}", spec.text.encode()
                )
                document._set_document_file_metadata()
                document.save()
            self.media[spec.key] = document

    @staticmethod
    def stored_file(model, name, data):
        """The name of a media file holding ``data``, reusing an identical file.

        A fresh database (a test run, a new checkout) then finds the pictures a
        previous run drew instead of adding another copy to the media folder.
        """
        storage = model._meta.get_field("file").storage
        if storage.exists(name):
            with storage.open(name) as existing:
                if existing.read() == data:
                    return name
        return storage.save(name, ContentFile(data))

    def targets(self, model, fields_for, data):
        """Unsaved English and Lao copies carrying the translated texts."""
        return {
            self.locales[language]: model(**fields_for(data, language, self.media))
            for language in LANGUAGES[1:]
        }

    def upsert(self, parent, model, fields, fix=None):
        """The Vietnamese page with these fields under ``parent``, published; and whether it changed."""
        page = model.objects.child_of(parent).filter(slug=fields["slug"]).first()
        if page is None:
            page = model(**fields)
            if fix:
                fix(page, self.locales["vi"])
            parent.add_child(instance=page)
            changed = True
        else:
            changed = assign(page, fields)
            if fix:
                changed |= fix(page, self.locales["vi"])
        if changed or not page.live or page.has_unpublished_changes:
            page.save_revision().publish()
            changed = True
        return page, changed

    def save_translations(self, key, page, changed, **options):
        self.pages[key]["vi"] = page
        translated = localize.translate(page, options.pop("targets"), force=changed, **options)
        for locale, target in translated.items():
            self.pages[key][locale.language_code] = target
        if self.stdout:
            self.stdout.write(f"  {key}: " + ", ".join(
                page.url or page.url_path for page in self.pages[key].values()
            ))

    def ensure_home(self):
        """The Vietnamese home replaces Wagtail's welcome page as the site root."""
        root = Page.get_first_root_node()
        # Wagtail's welcome page is a plain Page whose slug ("home") would clash
        # with the homes; deleting it also deletes the Site pointing at it.
        welcome_type = ContentType.objects.get_for_model(Page)
        for page in Page.objects.child_of(root).filter(content_type=welcome_type):
            page.delete()
        fields = home_fields(HOME, "vi", self.media)
        home = HomePage.objects.child_of(root).filter(slug=fields["slug"]).first()
        if home is None:
            home, _ = self.upsert(root, HomePage, fields)
        site = Site.objects.filter(is_default_site=True).first() or Site(is_default_site=True)
        if (site.hostname, site.port, site.root_page_id) != ("localhost", 80, home.pk):
            site.hostname, site.port, site.root_page = "localhost", 80, home
            site.site_name = pick(IDENTITY.portal_name, "vi")
            site.save()
        # Sections need their parent translated first; the links to sections
        # and articles are added by finish_home once those exist.
        targets = self.targets(HomePage, home_fields, HOME)
        self.save_translations("home", home, False, targets=targets)

    def ensure_home_child(self, child):
        home = self.pages["home"]["vi"]
        if isinstance(child, schema.Section):
            model, fields_for = SectionPage, section_fields
        else:
            model, fields_for = ContentPageModel, content_page_fields
        page, changed = self.upsert(home, model, fields_for(child, "vi", self.media))
        self.save_translations(child.key, page, changed, targets=self.targets(model, fields_for, child))

    def translated_ids(self, keys, language):
        return [self.pages[key][language].pk for key in keys]

    def ensure_topics(self):
        """Every tag of the demo articles as a Topic, live in the three languages."""
        wanted = []
        for articles in ARTICLES_BY_SECTION.values():
            for article in articles:
                wanted += [tag for tag in article.tags if tag not in wanted]
        vietnamese = self.locales["vi"]
        for tag in wanted:
            topic = Topic.objects.filter(locale=vietnamese, name=tag.vi).first()
            changed = topic is None or not topic.live
            if topic is None:
                topic = Topic(locale=vietnamese, name=tag.vi)
                topic.save()
            if changed:
                topic.save_revision().publish()
            targets = {
                self.locales[language]: Topic(name=pick(tag, language)) for language in LANGUAGES[1:]
            }
            localize.translate(topic, targets, force=changed)
            self.topics[tag] = topic

    def article_fix(self, article):
        """Topics and related-article links in each language.

        wagtail-localize maps topics to their translations itself; links to
        other pages it copies as they are, so each language points at its own.
        """

        def fix(page, locale):
            language = locale.language_code
            changed = False
            if locale == self.locales["vi"]:
                changed = set_topics(page, [self.topics[tag] for tag in article.tags])
            related = self.translated_ids(article.related, language)
            return set_links(page, "related_articles", RelatedArticle, related) | changed

        return fix

    def ensure_article(self, section, article):
        missing = [key for key in article.related if key not in self.pages]
        if missing:
            raise ValueError(f"{article.key}: related articles must come earlier in the data: {missing}")
        parent = self.pages[section.key]["vi"]
        fix = self.article_fix(article)
        page, changed = self.upsert(parent, NewsPage, article_fields(article, "vi", self.media), fix=fix)
        targets = self.targets(NewsPage, article_fields, article)
        self.save_translations(article.key, page, changed, targets=targets, fix_target=fix)

    def finish_home(self):
        """Featured articles and the reform section, linked in each language."""
        root = Page.get_first_root_node()

        def fix(page, locale):
            featured = self.translated_ids(HOME.featured, locale.language_code)
            return set_links(page, "featured_articles", HomePageFeaturedArticle, featured)

        fields = home_fields(HOME, "vi", self.media)
        fields["reform_section_id"] = self.pages[HOME.reform_section]["vi"].pk
        home, changed = self.upsert(root, HomePage, fields, fix=fix)
        # The reform section link is a synchronised field: wagtail-localize
        # would copy the Vietnamese section; an override points each
        # translation at its own language's section.
        overrides = {
            self.locales[language]: {
                "reform_section": self.pages[HOME.reform_section][language].pk
            }
            for language in LANGUAGES[1:]
        }
        targets = self.targets(HomePage, home_fields, HOME)
        self.save_translations(
            "home", home, changed, targets=targets, fix_target=fix, overrides=overrides
        )

    def ensure_identity(self):
        identity = SiteIdentity.objects.filter(locale=self.locales["vi"]).first()
        fields = identity_fields(IDENTITY, "vi")
        if identity is None:
            identity = SiteIdentity(locale=self.locales["vi"], **fields)
            identity.save()
            changed = True
        else:
            changed = assign(identity, fields)
            if changed:
                identity.save()
        targets = {
            self.locales[language]: SiteIdentity(**identity_fields(IDENTITY, language))
            for language in LANGUAGES[1:]
        }
        localize.translate(identity, targets, force=changed)

    def ensure_visit_total(self):
        """The visit counter continues the old portal's total, as a migrating province's does.

        A total already set (Settings → Visit statistics, ``set_visit_total``)
        is kept; ``load_demo_content --visit-total N`` sets N whatever was there.
        """
        if self.visit_total is None:
            set_carried_over_total(OLD_PORTAL_VISIT_TOTAL, replace=False)
        else:
            set_carried_over_total(self.visit_total)

    def summary(self):
        counts = {}
        for language in LANGUAGES:
            live = Page.objects.live().filter(locale=self.locales[language])
            counts[language] = {
                "pages": live.count(),
                "sections": live.type(SectionPage).count(),
                "articles": live.type(NewsPage).count(),
            }
        return counts


def load(stdout=None, visit_total=None):
    # The loader writes complete translations itself: the translation
    # workflow's automatic drafts and memory pre-fill would only be redone.
    with automation.paused():
        return Loader(stdout, visit_total=visit_total).run()
