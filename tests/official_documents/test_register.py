"""The register page: every filter and the search box, alone and combined, in three languages."""

from urllib.parse import urlencode

import pytest

from official_documents.models import DocumentType, IssuingBody

LANGUAGES = ("vi", "en", "lo")


def numbers(client, register, **params):
    response = client.get(register.url + ("?" + urlencode(params) if params else ""))
    assert response.status_code == 200
    page = response.context["documents"]
    return response, page.paginator.count, [document.number_symbol for document in page]


def vietnamese(model, name):
    return model.objects.get(locale__language_code="vi", name=name).pk


@pytest.mark.parametrize("language", LANGUAGES)
def test_register_lists_every_document_newest_first_in_a_table(client, registers, language):
    response, count, shown = numbers(client, registers[language])
    assert count == 32
    assert shown[0] == "215/KH-UBND" and len(shown) == 20
    html = response.content.decode()
    assert "<caption>" in html and '<th scope="col">' in html and '<th scope="row"' in html
    _, _, second = numbers(client, registers[language], page=2)
    assert len(second) == 12 and not set(second) & set(shown)


@pytest.mark.parametrize("language", LANGUAGES)
@pytest.mark.parametrize(
    "query", ["3039/QĐ-UBND", "3039/QD-UBND", "3039 qđ ubnd", "3039", "  3039/qd-UBND  ", "3039 QĐ-UBND"]
)
def test_search_finds_a_number_however_it_is_typed(client, registers, language, query):
    _, count, shown = numbers(client, registers[language], q=query)
    assert shown == ["3039/QĐ-UBND"]


def test_a_number_is_a_whole_number(client, registers):
    """3039 must not find 30391, nor 12 find 120 (12/NQ-HĐND and 12/TB-SNV are both 12)."""
    _, _, shown = numbers(client, registers["vi"], q="12")
    assert sorted(shown) == ["12/NQ-HĐND", "12/TB-SNV"]


@pytest.mark.parametrize(
    "language, query, expected",
    [
        ("vi", "thủ tục hành chính", "3039/QĐ-UBND"),
        ("vi", "thu tuc hanh chinh", "3039/QĐ-UBND"),
        ("vi", "THU TUC truc tuyen", "3039/QĐ-UBND"),
        ("en", "administrative procedures online", "3039/QĐ-UBND"),
        ("en", "Houaphanh", "2890/QĐ-UBND"),
        ("lo", "ຫົວພັນ", "2890/QĐ-UBND"),
        ("lo", "ດີຈີຕອນ", "198/KH-STTTT"),
    ],
)
def test_search_finds_words_of_the_abstract_with_or_without_accents(client, registers, language, query, expected):
    _, _, shown = numbers(client, registers[language], q=query)
    assert expected in shown


@pytest.mark.parametrize("language", LANGUAGES)
def test_each_filter_alone(client, registers, language):
    register = registers[language]
    decision = vietnamese(DocumentType, "Quyết định")
    council = vietnamese(IssuingBody, "Hội đồng nhân dân tỉnh")
    assert numbers(client, register, type=decision)[1] == 11
    assert numbers(client, register, issuer=council)[1] == 4
    from official_documents.models import DocumentField

    assert numbers(client, register, field=vietnamese(DocumentField, "Du lịch"))[1] == 4
    assert numbers(client, register, year=2024)[1] == 8
    assert numbers(client, register, status="replaced")[2] == ["540/QĐ-UBND", "12/TB-SNV"]
    assert set(numbers(client, register, status="amended")[2]) == {"1120/QĐ-UBND", "60/KH-UBND", "700/QĐ-UBND"}
    assert set(numbers(client, register, status="not-yet")[2]) == {"215/KH-UBND", "198/KH-STTTT"}
    assert numbers(client, register, status="expired")[1] == 6
    assert numbers(client, register, status="in-force")[1] == 19


@pytest.mark.parametrize("language", LANGUAGES)
def test_filters_combine_and_stay_in_the_address(client, registers, language):
    register = registers[language]
    decision = vietnamese(DocumentType, "Quyết định")
    response, count, shown = numbers(client, register, type=decision, year=2025, status="in-force", q="UBND")
    assert set(shown) == {"3039/QĐ-UBND", "2750/QĐ-UBND", "1650/QĐ-UBND", "410/QĐ-UBND"}
    html = response.content.decode()
    assert f'<option value="{decision}" selected>' in html
    assert '<option value="2025" selected>' in html
    assert 'value="UBND"' in html
    assert "format=csv" in html and f"type={decision}" in html


def test_filter_names_read_in_the_visitors_language(client, registers):
    html = {code: client.get(registers[code].url).content.decode() for code in LANGUAGES}
    assert "Quyết định" in html["vi"] and "Decision" in html["en"] and "ຂໍ້ຕົກລົງ" in html["lo"]
    assert "Provincial People&#x27;s Council" in html["en"]
    assert "Quyết định</td>" not in html["en"]


@pytest.mark.parametrize(
    "params",
    [
        {"type": "abc"}, {"type": "99999999999999999999999"}, {"type": "-1"}, {"issuer": "1 OR 1=1"},
        {"field": "x" * 5000}, {"year": "99999"}, {"year": "1800"}, {"year": "２０２５x"}, {"type": "²"}, {"year": "²⁰²⁵"}, {"status": "valid"},
        {"q": "%%%"}, {"q": "\x00"}, {"q": "a" * 5000}, {"q": "' OR '1'='1"}, {"q": "_"},
        {"status": "<script>alert(1)</script>"}, {"format": "exe"},
    ],
)
@pytest.mark.parametrize("language", LANGUAGES)
def test_garbage_is_ignored_never_a_server_error(client, registers, language, params):
    response = client.get(registers[language].url, params)
    assert response.status_code == 200
    html = response.content.decode()
    assert "<script>alert(1)</script>" not in html
    if set(params) - {"format", "q"}:
        assert response.context["filters"].ignored


def test_several_values_of_a_filter_and_a_missing_page(client, registers):
    assert client.get(registers["vi"].url + "?year=2024&year=abc").status_code == 200
    assert client.get(registers["vi"].url + "?page=99").status_code == 404
    assert client.get(registers["vi"].url + "?page=abc").status_code == 404


def test_register_as_csv(client, registers):
    response = client.get(registers["en"].url, {"status": "replaced", "format": "csv"})
    assert response["Content-Type"].startswith("text/csv")
    lines = response.content.decode("utf-8-sig").strip().splitlines()
    assert lines[0].startswith("number,title,type,issuer")
    assert len(lines) == 3 and "540/QĐ-UBND" in lines[1] and "Replaced" in lines[1]


def test_register_works_without_javascript(client, registers):
    html = client.get(registers["vi"].url).content.decode()
    assert '<form class="register-filters" method="get"' in html
    assert '<button type="submit">' in html


COMMON_WORDS = {"vi": "tỉnh", "en": "plan", "lo": "ແລະ"}
MORE_THAN = {"vi": "Hơn 2 văn bản", "en": "More than 2 documents", "lo": "ຫຼາຍກວ່າ 2 ເອກະສານ"}


@pytest.mark.parametrize("language", LANGUAGES)
def test_a_common_word_says_more_than_the_limit_and_keeps_its_order(
    client, registers, language, monkeypatch, settings
):
    """Past the counting limit the heading says "more than"; the rows are the same, newest first."""
    settings.PAGE_CACHE_SECONDS = 0  # the same address is asked three times, under three limits
    register, word = registers[language], COMMON_WORDS[language]
    _, count, everything = numbers(client, register, q=word)
    assert count > 2
    monkeypatch.setattr("official_documents.filters.COUNT_LIMIT", 2)
    response, capped, shown = numbers(client, register, q=word)
    html = response.content.decode()
    assert capped == 2 and MORE_THAN[language] in html
    assert shown == everything[: len(shown)]
    monkeypatch.setattr("official_documents.filters.COUNT_LIMIT", count)
    response, exact, _ = numbers(client, register, q=word)
    assert exact == count and MORE_THAN[language].replace(" 2 ", f" {count} ") not in response.content.decode()
