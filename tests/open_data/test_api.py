"""The read API at /api/v2/: each endpoint and parameter, in the three languages."""

from urllib.parse import urlsplit

import pytest
from wagtail.models import Page

from home.models import ContentPage, HomePage
from news.models import NewsPage, SectionPage
from tests.articles import new_article

LANGUAGES = ("vi", "en", "lo")
pytestmark = pytest.mark.django_db


@pytest.mark.parametrize("language", LANGUAGES)
def test_articles_of_one_language_carry_language_address_and_translations(api, demo_content, language):
    data = api.json("/api/v2/pages/", type="news.NewsPage", locale=language, limit=100)
    expected = {page.pk for page in demo_content.articles[language]}
    assert {item["id"] for item in data["items"]} == expected
    assert data["meta"]["total_count"] == len(expected)
    for item in data["items"]:
        meta = item["meta"]
        assert meta["locale"] == language and meta["type"] == "news.NewsPage"
        assert urlsplit(meta["html_url"]).path.startswith(f"/{language}/")
        assert {link["locale"] for link in meta["translations"]} <= set(LANGUAGES) - {language}
        assert "published_at" in item
    article = next(item for item in data["items"] if item["meta"]["translations"])
    link = article["meta"]["translations"][0]
    other = api.json(urlsplit(link["detail_url"]).path)
    assert other["meta"]["locale"] == link["locale"] and other["meta"]["html_url"] == link["html_url"]


def test_the_public_address_is_the_page_a_visitor_reads(api, client, article):
    item = api.json(f"/api/v2/pages/{article.pk}/")
    assert item["title"] == article.title
    assert item["meta"]["html_url"] == article.full_url
    response = client.get(urlsplit(item["meta"]["html_url"]).path)
    assert response.status_code == 200 and article.title in response.content.decode()


def test_each_page_type_can_be_listed(api, demo_content):
    for model in (HomePage, SectionPage, NewsPage, ContentPage):
        label = f"{model._meta.app_label}.{model.__name__}"
        data = api.json("/api/v2/pages/", type=label, limit=100)
        assert data["items"] and {item["meta"]["type"] for item in data["items"]} == {label}
    both = api.json("/api/v2/pages/", type="news.SectionPage,home.ContentPage", limit=100)
    assert {item["meta"]["type"] for item in both["items"]} == {"news.SectionPage", "home.ContentPage"}


def test_unknown_page_types_are_refused_by_name(api):
    for value in ("wagtailcore.Page", "auth.User", "news.Topic", "nothing"):
        error = api.json("/api/v2/pages/", expect=400, type=value)
        assert error["parameter"] == "type" and value in error["message"]


def test_fields_add_and_remove(api, article):
    data = api.json("/api/v2/pages/", type="news.NewsPage", fields="lead,-slug", limit=5)
    assert all("lead" in item and "slug" not in item["meta"] for item in data["items"])
    bare = api.json("/api/v2/pages/", fields="_", limit=3)
    assert bare["items"] == [{}, {}, {}]
    everything = api.json("/api/v2/pages/", type="news.NewsPage", fields="*", limit=1)["items"][0]
    assert {"lead", "body", "author", "image"} <= set(everything)
    error = api.json("/api/v2/pages/", expect=400, type="news.NewsPage", fields="owner")
    assert error["parameter"] == "fields"


def test_translation_of_gives_the_live_translations(api, article):
    data = api.json("/api/v2/pages/", translation_of=article.pk)
    locales = sorted(item["meta"]["locale"] for item in data["items"])
    assert locales == ["en", "lo"]
    assert all(item["title"] != article.title for item in data["items"])


def test_child_of_and_descendant_of(api, demo_content):
    home = demo_content.homes["en"]
    children = api.json("/api/v2/pages/", child_of=home.pk, limit=100)["items"]
    assert children and all(item["meta"]["locale"] == "en" for item in children)
    assert {item["id"] for item in children} == set(
        Page.objects.child_of(home).live().values_list("pk", flat=True)
    )
    below = api.json("/api/v2/pages/", descendant_of=home.pk, limit=100)["meta"]["total_count"]
    assert below > len(children)
    root = api.json("/api/v2/pages/", child_of="root", limit=100)["items"]
    assert demo_content.homes["vi"].pk not in {item["id"] for item in root}
    ancestors = api.json("/api/v2/pages/", ancestor_of=demo_content.articles["lo"][0].pk)["items"]
    assert demo_content.homes["lo"].pk in {item["id"] for item in ancestors}


@pytest.mark.parametrize("language,word", [("vi", "Mộc Châu"), ("en", "Moc Chau"), ("lo", "ຊາມົກເຈົາ")])
def test_search_finds_articles_in_their_language(api, demo_content, language, word):
    data = api.json("/api/v2/pages/", search=word, locale=language, type="news.NewsPage")
    assert data["items"], word
    assert all(item["meta"]["locale"] == language for item in data["items"])


def test_search_without_vietnamese_marks(api):
    data = api.json("/api/v2/pages/", search="moc chau", locale="vi", type="news.NewsPage")
    assert data["items"]


def test_order_limit_and_offset(api, demo_content):
    newest = api.json("/api/v2/pages/", type="news.NewsPage", order="-published_at", limit=100)["items"]
    dates = [item["published_at"] for item in newest]
    assert dates == sorted(dates, reverse=True)
    titles = [item["title"] for item in api.json("/api/v2/pages/", order="title", limit=100)["items"]]
    assert titles == sorted(titles)
    first = api.json("/api/v2/pages/", type="news.NewsPage", order="id", limit=2)["items"]
    second = api.json("/api/v2/pages/", type="news.NewsPage", order="id", limit=2, offset=2)["items"]
    assert len(first) == len(second) == 2 and first[1]["id"] < second[0]["id"]
    error = api.json("/api/v2/pages/", expect=400, order="owner")
    assert error["parameter"] == "order"


def test_field_filters(api, article):
    data = api.json("/api/v2/pages/", slug=article.slug)
    assert article.pk in {item["id"] for item in data["items"]}
    error = api.json("/api/v2/pages/", expect=400, type="news.NewsPage", published_at="yesterday")
    assert error["parameter"] == "published_at"


def test_locale_must_be_a_portal_language(api):
    error = api.json("/api/v2/pages/", expect=400, locale="fr")
    assert error["parameter"] == "locale"


def test_statistics_come_as_typed_figures(api, demo_content):
    home = api.json(f"/api/v2/pages/{demo_content.homes['en'].pk}/")
    block = next(block for block in home["body"] if block["type"] == "statistics")
    figure = block["value"]["figures"][1]
    assert isinstance(figure["value"], int) and figure["value"] == 1248415
    assert set(figure) == {"value", "unit", "label", "source", "as_of"}
    assert figure["as_of"] == "2019-04-01"


def test_rich_text_is_html_with_public_addresses(api, demo_content):
    target = demo_content.articles["vi"][0]
    section = demo_content.sections["vi"][0]
    article = new_article(
        section,
        "Lienketnoibo",
        body=[("paragraph", f'<p>Xem <a linktype="page" id="{target.pk}">bài này</a>.</p>')],
    )
    body = api.json(f"/api/v2/pages/{article.pk}/")["body"]
    html = body[0]["value"]
    assert body[0]["type"] == "paragraph"
    assert f'href="http://testserver{target.url}"' in html, html
    assert "linktype" not in html


def test_images_and_documents(api):
    images = api.json("/api/v2/images/", limit=100)
    assert images["items"] and all("download_url" in item["meta"] for item in images["items"])
    one = api.json(urlsplit(images["items"][0]["meta"]["detail_url"]).path)
    assert one["width"] > 0
    documents = api.json("/api/v2/documents/")
    assert documents["items"]
    assert api.json("/api/v2/documents/", search="Houaphanh")["items"]
    error = api.json("/api/v2/images/", expect=400, fields="uploaded_by_user")
    assert error["parameter"] == "fields"
    assert api.json("/api/v2/images/", expect=400, uploaded_by_user="1")["parameter"] == "uploaded_by_user"


def test_unknown_ids_are_404_json(api):
    for url in ("/api/v2/pages/999999/", "/api/v2/images/999999/", "/api/v2/documents/999999/",
                "/api/v2/pages/99999999999999999999999/"):
        assert "message" in api.json(url, expect=404)


def test_openapi_describes_every_endpoint_and_parameter(api):
    description = api.json("/api/v2/openapi.json")
    assert description["openapi"].startswith("3.")
    assert {"/api/v2/pages/", "/api/v2/pages/{id}/", "/api/v2/images/", "/api/v2/documents/"} <= set(
        description["paths"]
    )
    names = {p["name"] for p in description["paths"]["/api/v2/pages/"]["get"]["parameters"]}
    assert {"type", "fields", "locale", "translation_of", "child_of", "search", "order", "limit", "offset"} <= names
    types = next(p for p in description["paths"]["/api/v2/pages/"]["get"]["parameters"] if p["name"] == "type")
    assert "news.NewsPage" in types["schema"]["enum"]


DOCUMENT_TYPE_NAMES = {"vi": "Kế hoạch", "en": "Plan", "lo": "ແຜນການ"}


@pytest.mark.parametrize("language", LANGUAGES)
def test_official_documents_with_their_names_in_the_page_language(api, demo_content, language):
    data = api.json(
        "/api/v2/pages/", type="official_documents.OfficialDocumentPage", locale=language,
        number_symbol="215/KH-UBND",
    )
    (item,) = data["items"]
    assert item["number_symbol"] == "215/KH-UBND" and item["status"] and item["issue_date"]
    document = api.json(urlsplit(item["meta"]["detail_url"]).path)
    assert document["names"]["type"] == DOCUMENT_TYPE_NAMES[language]
    assert document["abstract"] and document["files"][0]["document"]["meta"]["download_url"]
    register = api.json(urlsplit(document["meta"]["parent"]["meta"]["detail_url"]).path)
    assert register["meta"]["type"] == "official_documents.DocumentIndexPage"
