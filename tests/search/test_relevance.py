"""Relevance over the demo content: each query's expected first result.

Runs on SQLite and on PostgreSQL (see .ci/run); both must agree. Expected
pages are named by their demo-content keys, so wording changes in the demo
data do not break these tests.
"""

import unicodedata

import pytest

from demo.data import ARTICLES_BY_SECTION, SECTIONS

pytestmark = pytest.mark.django_db

ARTICLES = {article.key: article for articles in ARTICLES_BY_SECTION.values() for article in articles}
SECTION_TITLES = {section.key: section.title for section in SECTIONS}

CASES = [
    # Vietnamese: accents optional, any case, NFD, numbers, phrases, authors.
    ("vi", "hoi nghi so ket", "conference_2017"),
    ("vi", unicodedata.normalize("NFD", "Hội nghị sơ kết"), "conference_2017"),
    ("vi", "Diệp Hương", "conference_2017"),
    ("vi", "thông tin đối ngoại", "section:foreign"),
    ("vi", "tap huan", "training_2025"),
    ("vi", "HỦA PHĂN", "houaphanh_2026"),
    ("vi", '"kế hoạch hợp tác"', "houaphanh_2026"),
    ("vi", "luong pha bang", "luang_prabang_2025"),
    ("vi", "cai cach hanh chinh", "par_index"),
    ("vi", "dich vu cong truc tuyen", "online_services"),
    ("vi", "trung tam phuc vu hanh chinh cong", "service_centre"),
    ("vi", "mức độ hài lòng", "satisfaction_2025"),
    ("vi", "hoa ban", "ban_festival_2026"),
    ("vi", "che moc chau", "tea_export_2026"),
    ("vi", "san luong cay an qua", "fruit_2025"),
    ("vi", "700.000 tấn", "fruit_2025"),
    ("vi", "quynh nhai", "quynh_nhai_2026"),
    # English: singular and plural find each other.
    ("en", "conference", "conference_2017"),
    ("en", "conferences", "conference_2017"),
    ("en", '"foreign information"', "section:foreign"),
    ("en", "trainings officials", "training_2025"),
    ("en", "houaphanh", "houaphanh_2026"),
    ("en", "luang prabang delegation", "luang_prabang_2025"),
    ("en", "administrative reform", "par_index"),
    ("en", "online public services", "online_services"),
    ("en", "citizen satisfaction", "satisfaction_2025"),
    ("en", "ban flower festival", "ban_festival_2026"),
    ("en", "Moc Chau tea", "tea_export_2026"),
    ("en", "fruit harvests", "fruit_2025"),
    ("en", "700,000 tonnes", "fruit_2025"),
    ("en", "reservoir tourism", "quynh_nhai_2026"),
    # Lao: words inside run-on text, spelling variants.
    ("lo", "ກອງປະຊຸມ", "conference_2017"),
    ("lo", "ຝຶກອົບຮົມ", "training_2025"),
    ("lo", "ຫົວພັນ", "houaphanh_2026"),
    ("lo", "ຫລວງພະບາງ", "luang_prabang_2025"),
    ("lo", "ການປະຕິຮູບບໍລິຫານ", "par_index"),
    ("lo", "ອອນລາຍ", "online_services"),
    ("lo", "ຄວາມພໍໃຈ", "satisfaction_2025"),
    ("lo", "ບຸນດອກບານ", "ban_festival_2026"),
    ("lo", "ດອກບານ", "ban_festival_2026"),
    ("lo", "ຊາມົກເຈົາ", "tea_export_2026"),
    ("lo", "ຫມາກໄມ້", "fruit_2025"),
    ("lo", "ອ່າງເກັບນ້ຳ", "quynh_nhai_2026"),
]


def expected_title(key, language):
    if key.startswith("section:"):
        return getattr(SECTION_TITLES[key.removeprefix("section:")], language)
    return getattr(ARTICLES[key].title, language)


@pytest.mark.parametrize("language, query, key", CASES, ids=[f"{c[0]}-{c[2]}-{c[1]}" for c in CASES])
def test_first_result(client, demo_content, language, query, key):
    response = client.get(f"/{language}/search/", {"q": query})
    assert response.status_code == 200
    results = list(response.context["results"])
    assert results, f"nothing found for {query!r}"
    assert results[0].title == expected_title(key, language)


def test_the_set_covers_the_three_languages():
    counts = {language: sum(1 for case in CASES if case[0] == language) for language in ("vi", "en", "lo")}
    assert sum(counts.values()) >= 30 and min(counts.values()) >= 10
