"""Translation memory and glossary: text translated anywhere is offered again,
marked as such and editable; agreed terms are applied and shown."""

import html
import importlib
import json
import re

import pytest
from wagtail_localize.models import StringTranslation

from translations.machine_settings import machine_translator_setting
from translations.memory import GLOSSARY_TOOL, MEMORY_TOOL
from translations.models import GlossaryTerm

from .conftest import PARAGRAPHS, put_string, translate_all, translation_into

REPEATED = PARAGRAPHS[0]
FRESH = "Câu này chưa từng được dịch ở đâu trên cổng."


def string_translation(page, locale, text):
    return StringTranslation.objects.filter(
        context__object_id=page.translation_key, locale=locale, translation_of__data=text
    ).first()


def editor_props(client, page):
    response = client.get(f"/admin/pages/{page.pk}/edit/")
    assert response.status_code == 200
    raw = re.search(r'data-props="([^"]*)"', response.content.decode()).group(1)
    return json.loads(html.unescape(raw)), response.content.decode()


@pytest.fixture
def first_article(clients, locales, new_article):
    """An article whose English translation is done by a translator."""
    page = new_article()
    translate_all(clients.translator_en, translation_into(page, locales.en))
    return page


def test_memory_prefills_a_repeated_sentence_on_a_second_article(clients, locales, first_article, new_article):
    second = new_article(slug="bai-thu-hai", title="Bài thứ hai", paragraphs=(REPEATED, FRESH))

    reused = string_translation(second, locales.en, REPEATED)
    assert reused.data == string_translation(first_article, locales.en, REPEATED).data == f"[en] {REPEATED}"
    assert reused.tool_name == MEMORY_TOOL
    assert string_translation(second, locales.en, FRESH) is None
    # Nothing was translated into Lao yet, so Lao gets nothing from memory.
    assert string_translation(second, locales.lo, REPEATED) is None

    # The editor shows where it came from ...
    props, _ = editor_props(clients.translator_en, second.get_translation(locales.en))
    comments = {item["data"]: item["comment"] for item in props["initialStringTranslations"]}
    assert comments[f"[en] {REPEATED}"].startswith("Translated with Translation memory")

    # ... and the translator may change it like any string.
    translation = translation_into(second, locales.en)
    segment = translation.source.stringsegment_set.get(string__data=REPEATED)
    assert put_string(clients.translator_en, translation, segment, "Son La and Houaphanh sign a 2027 agreement.").status_code == 200
    reused.refresh_from_db()
    assert reused.data == "Son La and Houaphanh sign a 2027 agreement." and reused.tool_name == ""


def test_memory_fills_text_added_to_a_source_later(locales, first_article, new_article, django_capture_on_commit_callbacks):
    second = new_article(slug="bai-thu-hai", title="Bài thứ hai", paragraphs=(FRESH,)).specific
    assert string_translation(second, locales.en, PARAGRAPHS[1]) is None
    blocks = list(second.body.raw_data) + [
        {"type": "paragraph", "value": f"<p>{PARAGRAPHS[1]}</p>", "id": "11111111-2222-4333-8444-555555555555"}
    ]
    second.body = blocks
    with django_capture_on_commit_callbacks(execute=True):
        second.save_revision().publish()
    assert string_translation(second, locales.en, PARAGRAPHS[1]).tool_name == MEMORY_TOOL


def test_memory_never_overwrites_existing_work(clients, locales, first_article, new_article):
    mine = string_translation(first_article, locales.en, REPEATED)
    new_article(slug="bai-thu-hai", title="Bài thứ hai", paragraphs=(REPEATED,))
    mine.refresh_from_db()
    assert mine.tool_name == "" and mine.data == f"[en] {REPEATED}"


def test_a_segment_that_is_a_glossary_term_gets_the_agreed_term(locales, new_article):
    GlossaryTerm.objects.create(
        term="Ban Chỉ đạo thông tin đối ngoại",
        english="Foreign Information Steering Committee",
        lao="ຄະນະຊີ້ນຳວຽກງານຂໍ້ມູນຂ່າວສານການຕ່າງປະເທດ",
    )
    page = new_article(paragraphs=("Ban chỉ đạo Thông tin đối ngoại", "Sở Ngoại vụ", FRESH))
    english = string_translation(page, locales.en, "Ban chỉ đạo Thông tin đối ngoại")
    lao = string_translation(page, locales.lo, "Ban chỉ đạo Thông tin đối ngoại")
    assert (english.data, english.tool_name) == ("Foreign Information Steering Committee", GLOSSARY_TOOL)
    assert (lao.data, lao.tool_name) == ("ຄະນະຊີ້ນຳວຽກງານຂໍ້ມູນຂ່າວສານການຕ່າງປະເທດ", GLOSSARY_TOOL)
    # The demo site already translated "Sở Ngoại vụ" on its contacts page: memory comes first.
    assert string_translation(page, locales.en, "Sở Ngoại vụ").tool_name == MEMORY_TOOL


def test_glossary_terms_are_shown_beside_the_editor_and_checked(clients, locales, new_article):
    page = new_article()  # its third paragraph mentions "Sở Ngoại vụ" and "thông tin đối ngoại"
    translation = translation_into(page, locales.en)
    _, body = editor_props(clients.translator_en, page.get_translation(locales.en))
    assert "Not translated yet" in body[body.index('id="translation-aids-heading"'):]
    translate_all(clients.translator_en, translation)  # "[en] <Vietnamese>": ignores the agreed terms
    _, body = editor_props(clients.translator_en, page.get_translation(locales.en))
    aids = body[body.index('id="translation-aids-heading"'):]
    assert "Sở Ngoại vụ" in aids and "Department of Foreign Affairs" in aids
    assert "foreign information" in aids
    assert "1 translated string does not use it" in aids

    segment = translation.source.stringsegment_set.get(string__data=PARAGRAPHS[2])
    put_string(clients.translator_en, translation, segment, "The Department of Foreign Affairs leads the work.")
    _, body = editor_props(clients.translator_en, page.get_translation(locales.en))
    row = body[body.index("Sở Ngoại vụ</td>"):]
    assert row.split("</tr>")[0].rstrip().endswith("OK</td>")


def test_translators_edit_the_glossary(clients):
    response = clients.translator_lo.post(
        "/admin/snippets/translations/glossaryterm/add/",
        {"term": "Bộ đội Biên phòng", "english": "Border Guard", "lao": "ກອງບັນຊາການປ້ອງກັນຊາຍແດນ", "note": ""},
    )
    assert response.status_code == 302
    assert GlossaryTerm.objects.get(term="Bộ đội Biên phòng").lao == "ກອງບັນຊາການປ້ອງກັນຊາຍແດນ"
    assert clients.editor.get("/admin/snippets/translations/glossaryterm/").status_code == 200
    listing = clients.translator_en.get("/admin/snippets/translations/glossaryterm/").content.decode()
    assert "Ủy ban nhân dân tỉnh" in listing and "provincial People" in listing


def test_machine_translate_button_tries_memory_first(clients, locales, first_article, new_article):
    second = new_article(slug="bai-thu-hai", title="Bài thứ hai", paragraphs=(REPEATED, FRESH))
    StringTranslation.objects.filter(context__object_id=second.translation_key).delete()
    translation = translation_into(second, locales.en)
    response = clients.translator_en.post(
        f"/admin/localize/translate/{translation.pk}/machine_translate/", {"next": "/admin/"}
    )
    assert response.status_code == 302
    assert string_translation(second, locales.en, REPEATED).data == f"[en] {REPEATED}"
    assert string_translation(second, locales.en, FRESH) is None  # no service configured, nothing invented


def test_an_external_service_comes_after_memory(settings, clients, locales, first_article, new_article):
    settings.WAGTAILLOCALIZE_MACHINE_TRANSLATOR = {
        "CLASS": "translations.machine.MemoryFirstTranslator",
        "OPTIONS": {
            "SERVICE": {
                "CLASS": "wagtail_localize.machine_translators.dummy.DummyTranslator",
                "OPTIONS": {},
                "LANGUAGES": ["en"],
            }
        },
    }
    second = new_article(slug="bai-thu-hai", title="Bài thứ hai", paragraphs=(REPEATED, FRESH))
    for locale in (locales.en, locales.lo):
        translation = translation_into(second, locale)
        translator = clients.translator_en if locale == locales.en else clients.translator_lo
        translator.post(f"/admin/localize/translate/{translation.pk}/machine_translate/")
    assert string_translation(second, locales.en, REPEATED).data == f"[en] {REPEATED}"  # memory, not the service
    assert string_translation(second, locales.en, FRESH).data == " ".join(reversed(FRESH.split(" ")))
    assert string_translation(second, locales.lo, FRESH) is None  # the service is not trusted with Lao


def test_machine_translator_settings_from_the_environment():
    assert machine_translator_setting({})["OPTIONS"]["SERVICE"] is None
    deepl = machine_translator_setting({"PORTAL_MACHINE_TRANSLATOR": "deepl", "DEEPL_AUTH_KEY": "k:fx"})
    assert deepl["OPTIONS"]["SERVICE"] == {
        "CLASS": "wagtail_localize.machine_translators.deepl.DeepLTranslator",
        "OPTIONS": {"AUTH_KEY": "k:fx"},
        "LANGUAGES": ["en"],
    }
    libre = machine_translator_setting(
        {"PORTAL_MACHINE_TRANSLATOR": "LibreTranslate", "LIBRETRANSLATE_URL": "http://mt.local/",
         "PORTAL_MACHINE_TRANSLATOR_LANGUAGES": "en, lo"}
    )["OPTIONS"]["SERVICE"]
    assert libre["OPTIONS"]["LIBRETRANSLATE_URL"] == "http://mt.local" and libre["LANGUAGES"] == ["en", "lo"]
    for broken in ({"PORTAL_MACHINE_TRANSLATOR": "deepl"}, {"PORTAL_MACHINE_TRANSLATOR": "google"}):
        with pytest.raises(ValueError):
            machine_translator_setting(broken)


def test_glossary_seed_is_not_duplicated(db):
    from django.apps import apps

    seed = importlib.import_module("translations.migrations.0002_seed_glossary").seed
    count = GlossaryTerm.objects.count()
    assert count >= 5
    seed(apps, None)
    assert GlossaryTerm.objects.count() == count
