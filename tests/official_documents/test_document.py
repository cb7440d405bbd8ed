"""A document's page: facts, files with type and size, status from the dates, links both ways."""

import datetime
from unittest import mock

import pytest
from django.utils import timezone

from official_documents.models import EXPIRED, IN_FORCE, OfficialDocumentPage, status_q


def at(day):
    moment = timezone.make_aware(datetime.datetime.combine(day, datetime.time(9)))
    return mock.patch("django.utils.timezone.now", return_value=moment)


@pytest.mark.parametrize("language, label", [("vi", "Hết hiệu lực"), ("en", "Expired"), ("lo", "ໝົດອາຍຸ")])
def test_status_turns_expired_on_the_day_of_expiry(client, by_number, language, label):
    document = by_number("412/TB-SNV", language)  # expires 31/10/2025
    with at(datetime.date(2025, 10, 30)):
        assert document.status == IN_FORCE
        assert OfficialDocumentPage.objects.filter(status_q(IN_FORCE), pk=document.pk).exists()
    with at(datetime.date(2025, 10, 31)):
        assert document.status == EXPIRED
        assert OfficialDocumentPage.objects.filter(status_q(EXPIRED), pk=document.pk).exists()
        html = client.get(document.url).content.decode()
    assert f'doc-status--expired">{label}<' in html


def test_not_yet_in_force_until_the_effective_date(by_number):
    document = by_number("215/KH-UBND")
    with at(datetime.date(2027, 12, 31)):
        assert document.status == "not-yet"
    with at(datetime.date(2028, 1, 1)):
        assert document.status == IN_FORCE


@pytest.mark.parametrize("language", ["vi", "en", "lo"])
def test_replaced_links_both_ways(client, by_number, language):
    old, new = by_number("540/QĐ-UBND", language), by_number("2100/QĐ-UBND", language)
    assert old.status == "replaced"
    old_html = client.get(old.url).content.decode()
    new_html = client.get(new.url).content.decode()
    assert f'href="{new.url}"' in old_html
    assert f'href="{old.url}"' in new_html


@pytest.mark.parametrize("language", ["vi", "en", "lo"])
def test_amended_links_both_ways(client, by_number, language):
    amended, amending = by_number("1120/QĐ-UBND", language), by_number("2750/QĐ-UBND", language)
    assert amended.status == "amended"
    assert f'href="{amending.url}"' in client.get(amended.url).content.decode()
    assert f'href="{amended.url}"' in client.get(amending.url).content.decode()


def test_files_show_type_and_size(client, by_number):
    html = client.get(by_number("3039/QĐ-UBND", "en").url).content.decode()
    assert "(PDF, 1.0 KB)" in html or "(PDF, 1.1 KB)" in html


def test_translated_page_keeps_numbers_and_translates_the_abstract(by_number):
    vi, lo = by_number("2890/QĐ-UBND", "vi"), by_number("2890/QĐ-UBND", "lo")
    assert lo.number_symbol == vi.number_symbol and lo.issue_date == vi.issue_date
    assert "ຫົວພັນ" in lo.abstract and "Hủa Phăn" in vi.abstract
    assert [f.document_id for f in lo.files.all()] == [f.document_id for f in vi.files.all()]


@pytest.mark.parametrize("language", ["vi", "en", "lo"])
def test_documents_in_site_search_sitemap_and_feed(client, by_number, language):
    document = by_number("2890/QĐ-UBND", language)
    search = client.get(f"/{language}/search/", {"q": "2890/QD-UBND"}).content.decode()
    assert document.url in search
    sitemap = client.get(f"/sitemap-{language}.xml").content.decode()
    assert document.url in sitemap
    feed = client.get(f"/{language}/feeds/documents/rss/").content.decode()
    assert "215/KH-UBND" in feed and f"/{language}/" in feed


def test_api_fields_name_what_the_open_data_app_needs():
    names = {field.name for field in OfficialDocumentPage.api_fields}
    assert {"number_symbol", "issue_date", "effective_date", "status", "abstract", "files"} <= names
