"""The Open data page in each language, the DCAT-AP catalogue and its downloads."""

import csv
import io
import json
from urllib.parse import urlsplit

import pytest
from django.test import override_settings

from open_data import catalogue

pytestmark = pytest.mark.django_db
LANGUAGES = ("vi", "en", "lo")
HEADINGS = {"vi": "Dữ liệu mở", "en": "Open data", "lo": "ຂໍ້ມູນເປີດ"}
LICENCE = {"vi": "Giấy phép", "en": "Licence", "lo": "ໃບອະນຸຍາດ"}


@pytest.mark.parametrize("language", LANGUAGES)
def test_the_page_says_what_is_offered_in_its_language(client, demo_content, language):
    response = client.get(f"/{language}/open-data/")
    assert response.status_code == 200 and response["Content-Language"] == language
    html = response.content.decode()
    assert f"<h1>{HEADINGS[language]}</h1>" in html
    assert f"<h2>{LICENCE[language]}</h2>" in html
    assert "https://creativecommons.org/licenses/by/4.0/" in html and "CC BY 4.0" in html
    assert f"curl &#x27;http://testserver/api/v2/pages/?type=news.NewsPage&amp;locale={language}" in html
    for name in ("open_data_catalogue", "open_data_openapi", "open_data_articles_csv"):
        assert {"open_data_catalogue": "/open-data/catalogue.jsonld", "open_data_openapi": "/api/v2/openapi.json",
                "open_data_articles_csv": "/open-data/articles.csv"}[name] in html


@pytest.mark.parametrize("language", LANGUAGES)
def test_the_footer_links_to_the_page(client, demo_content, language):
    html = client.get(f"/{language}/").content.decode()
    footer = html[html.index("<footer"):]
    assert f'href="/{language}/open-data/">{HEADINGS[language]}</a>' in footer


def test_the_page_is_kept_in_the_page_cache(client, demo_content):
    client.get("/en/open-data/")
    assert client.get("/en/open-data/")["X-Page-Cache"] == "hit"


def test_the_catalogue_lists_the_datasets(client, demo_content):
    response = client.get("/open-data/catalogue.jsonld")
    assert response["Content-Type"].startswith("application/ld+json")
    assert response["Access-Control-Allow-Origin"] == "*"
    data = json.loads(response.content)
    assert data["@type"] == "dcat:Catalog" and "dcat" in data["@context"]
    assert {item["@language"] for item in data["dct:title"]} == set(LANGUAGES)
    assert data["dcat:service"]["dcat:endpointURL"]["@id"].endswith("/api/v2/")
    identifiers = [dataset["dct:identifier"] for dataset in data["dcat:dataset"]]
    assert "articles" in identifiers
    statistics = [d for d in data["dcat:dataset"] if d["dct:identifier"].startswith("statistics-")]
    # The home page's key figures, in each language.
    assert {d["dct:language"]["@id"][-2:] for d in statistics} == set(LANGUAGES)
    for dataset in data["dcat:dataset"]:
        assert dataset["dct:license"]["@id"] == catalogue.LICENCE_URL
        for distribution in dataset["dcat:distribution"]:
            download = client.get(urlsplit(distribution["dcat:downloadURL"]["@id"]).path)
            assert download.status_code == 200, distribution
    # No documents register until its app is installed.
    assert "documents-register" not in identifiers


def test_statistics_downloads_are_typed(client, demo_content):
    home = demo_content.homes["vi"]
    block = next(block for block in home.body if block.block_type == "statistics")
    figures = json.loads(client.get(f"/open-data/statistics/{home.pk}/{block.id}.json").content)
    assert figures["page"]["locale"] == "vi" and figures["licence"] == catalogue.LICENCE_URL
    assert figures["figures"][1] == {
        "value": 1248415, "unit": "người", "label": "Dân số",
        "source": "Tổng điều tra dân số và nhà ở năm 2019", "as_of": "2019-04-01",
    }
    text = client.get(f"/open-data/statistics/{home.pk}/{block.id}.csv").content.decode("utf-8-sig")
    rows = list(csv.reader(io.StringIO(text)))
    assert rows[0] == ["label", "value", "unit", "source", "as_of"]
    assert rows[2][:2] == ["Dân số", "1248415"]
    assert client.get(f"/open-data/statistics/{home.pk}/{block.id}.xml").status_code == 404


def test_the_article_index_lists_every_public_article(client, demo_content):
    text = client.get("/open-data/articles.csv").content.decode("utf-8-sig")
    rows = list(csv.DictReader(io.StringIO(text)))
    expected = {page.pk for pages in demo_content.articles.values() for page in pages}
    assert {int(row["id"]) for row in rows} == expected
    assert {row["language"] for row in rows} == set(LANGUAGES)
    row = rows[0]
    assert client.get(urlsplit(row["api_url"]).path).status_code == 200


def test_cells_that_spreadsheets_would_run_are_defused(client, demo_content):
    article = demo_content.articles["vi"][0]
    article.title = "=HYPERLINK(\"http://evil.example\")"
    article.save_revision().publish()
    text = client.get("/open-data/articles.csv").content.decode("utf-8-sig")
    assert "'=HYPERLINK" in text


def test_the_catalogue_lists_each_languages_documents_register(client, demo_content):
    """Each register's own CSV download, with names in its language, is a dataset."""
    with override_settings(OPEN_DATA_CACHE_SECONDS=0):
        data = json.loads(client.get("/open-data/catalogue.jsonld").content)
    registers = {d["dct:identifier"]: d for d in data["dcat:dataset"] if d["dct:identifier"].startswith("documents")}
    assert set(registers) == {f"documents-register-{language}" for language in LANGUAGES}
    url = registers["documents-register-en"]["dcat:distribution"][0]["dcat:downloadURL"]["@id"]
    response = client.get(urlsplit(url).path + "?" + urlsplit(url).query)
    rows = list(csv.reader(io.StringIO(response.content.decode("utf-8-sig"))))
    assert response["Content-Type"].startswith("text/csv") and rows[0][0] == "number" and len(rows) > 30
    assert all(row[-1].startswith("http://testserver/en/") for row in rows[1:])
