"""Tags shown on articles are topics, translated like the rest of the page (issue #3, item 6)."""

import re

from django.test import Client
from wagtail.test.utils.form_data import inline_formset, nested_form_data, rich_text, streamfield

from news.models import NewsPage, NewsPageTopic, Topic
from tests.translations.conftest import put_string, translate_all, translation_into, workflow_action

TOPIC_VI, TOPIC_EN = "biên giới", "border"


def shown_topics(client, page):
    """The topic names a visitor sees on an article."""
    html = client.get(page.url).content.decode()
    block = re.search(r'<footer class="article__tags">(.*?)</footer>', html, re.S)
    return re.findall(r"<li>(.*?)</li>", block.group(1)) if block else []


def test_each_language_shows_its_own_topics(client, demo_content, article):
    translations = {page.locale.language_code: page.specific for page in article.get_translations(inclusive=True)}
    shown = {code: shown_topics(client, page) for code, page in translations.items()}
    assert shown["vi"] == ["thông tin đối ngoại", "hội nghị"]
    assert shown["en"] == ["foreign information", "conference"]
    assert shown["lo"] == ["ຂໍ້ມູນຂ່າວສານການຕ່າງປະເທດ", "ກອງປະຊຸມ"]
    # They are translations of one another, not three unrelated words.
    keys = {code: [topic.translation_key for topic in page.topics()] for code, page in translations.items()}
    assert keys["vi"] == keys["en"] == keys["lo"]


def test_a_topic_never_shows_in_a_language_it_is_not_live_in(client, demo_content, locales):
    english = demo_content.articles["en"][0].specific
    vietnamese_only = Topic.objects.create(locale=locales.vi, name=TOPIC_VI)
    # As wagtail-localize leaves a row when the topic had no translation yet.
    NewsPageTopic.objects.create(page=english, topic=vietnamese_only, locale=locales.en, sort_order=9)
    assert TOPIC_VI not in shown_topics(client, english)

    draft = vietnamese_only.copy_for_translation(locales.en)
    draft.name = TOPIC_EN
    draft.live = False
    draft.save()
    assert TOPIC_EN not in shown_topics(client, english)

    draft.save_revision().publish()
    assert shown_topics(client, english)[-1] == TOPIC_EN


def article_form(topic):
    return nested_form_data(
        {
            "title": "Sơn La mở thêm lối mở biên giới",
            "slug": "son-la-mo-them-loi-mo-bien-gioi",
            "lead": "Tỉnh đề xuất mở thêm một lối mở trên tuyến biên giới với Lào.",
            "published_at": "2027-04-02 08:00",
            "author": "Minh Anh",
            "image": "",
            "image_alt": "",
            "image_caption": "",
            "body": streamfield([("paragraph", rich_text("<p>Đề xuất được gửi lên Chính phủ.</p>"))]),
            "topic_links": inline_formset([{"topic": topic.pk}]),
            "related_articles": inline_formset([]),
            "action-submit": "submit",
        }
    )


def test_topic_goes_through_the_admin_and_translation_workflow(
    clients, users, locales, demo_content, django_capture_on_commit_callbacks
):
    visitor = Client()
    # The moderator adds and publishes a Vietnamese topic in the snippet admin.
    response = clients.moderator.post(
        "/admin/snippets/news/topic/add/?locale=vi", {"name": TOPIC_VI, "action-publish": "action-publish"}
    )
    assert response.status_code == 302, response.content.decode()[:2000]
    topic = Topic.objects.get(name=TOPIC_VI)
    assert topic.live and topic.locale == locales.vi

    # The editor tags an article with it and submits; the moderator approves.
    section = demo_content.sections["vi"][0]
    response = clients.editor.post(f"/admin/pages/add/news/newspage/{section.pk}/", article_form(topic))
    assert response.status_code == 302, response.content.decode()[:2000]
    page = NewsPage.objects.get(slug="son-la-mo-them-loi-mo-bien-gioi", locale=locales.vi)
    with django_capture_on_commit_callbacks(execute=True):
        assert workflow_action(clients.moderator, page, "approve").status_code == 302
    page.refresh_from_db()
    assert shown_topics(visitor, page) == [TOPIC_VI]

    # Draft translations of the article and of its topic, neither live.
    english_topic = topic.get_translation(locales.en)
    assert not english_topic.live
    english = page.get_translation(locales.en).specific
    assert not english.live
    assert [link.topic_id for link in english.topic_links.all()] == [english_topic.pk]

    # The English translator translates the article; the reviewer publishes it.
    assert set(translate_all(clients.translator_en, translation_into(page, locales.en))) <= {200, 201}
    with django_capture_on_commit_callbacks(execute=True):  # wagtail-localize publishes on commit
        response = clients.reviewer_en.post(f"/admin/pages/{english.pk}/edit/", {"action": "publish"})
    assert response.status_code == 302
    english.refresh_from_db()
    assert english.live
    # The topic is not translated yet: the English page shows no Vietnamese word in its place.
    assert shown_topics(visitor, english) == []

    # The translator translates the topic; publishing it is the reviewer's step.
    topic_translation = translation_into(topic, locales.en)
    segment = topic_translation.source.stringsegment_set.get(context__path="name")
    assert put_string(clients.translator_en, topic_translation, segment, TOPIC_EN).status_code == 201
    edit_url = f"/admin/snippets/news/topic/edit/{english_topic.pk}/"
    with django_capture_on_commit_callbacks(execute=True):
        clients.translator_en.post(edit_url, {"action": "publish"})
    english_topic.refresh_from_db()
    assert not english_topic.live
    with django_capture_on_commit_callbacks(execute=True):
        assert clients.reviewer_en.post(edit_url, {"action": "publish"}).status_code == 302
    english_topic.refresh_from_db()
    assert english_topic.live and english_topic.name == TOPIC_EN

    assert shown_topics(visitor, english) == [TOPIC_EN]
    assert shown_topics(visitor, page) == [TOPIC_VI]


def test_lao_translator_cannot_touch_english_topics(clients, locales, demo_content):
    english = Topic.objects.filter(locale=locales.en).first()
    name = english.name
    response = clients.translator_lo.post(
        f"/admin/snippets/news/topic/edit/{english.pk}/", {"name": "ຊື່ໃໝ່", "action-publish": "action-publish"}
    )
    assert response.status_code in (302, 403)
    english.refresh_from_db()
    assert english.name == name and english.live
