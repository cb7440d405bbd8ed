"""A common word's search: counted up to a limit, its first page as if every match were ranked (issue 18).

Past ``SEARCH_COUNT_LIMIT`` matches (1,000 on the site) a search says "more
than" that many and reads each relevance tier newest first, stopping after
the rows shown, instead of counting and ranking every match. A reader must
see the same first page either way: these tests set a small limit and
compare with a limit no search here reaches, on SQLite and on PostgreSQL.
"""

import re

import pytest
from django.utils.html import escape

pytestmark = pytest.mark.django_db

LIMIT = 12
NO_LIMIT = 100_000


@pytest.fixture(autouse=True)
def every_search_is_a_miss(settings):
    settings.PAGE_CACHE_SECONDS = 0


def search(client, code="vi", **params):
    response = client.get(f"/{code}/search/", params)
    assert response.status_code == 200
    return response


def shown(client, settings, limit, code="vi", **params):
    settings.SEARCH_COUNT_LIMIT = limit
    response = search(client, code, **params)
    return [page.title for page in response.context["results"]], response


def heading(response):
    return re.search(r'<h2 id="results-heading">(.*?)</h2>', response.content.decode(), re.DOTALL).group(1)


def mixed_site(search_site, code, word, other, texts):
    """20 articles holding ``word``: in the title as a phrase with ``other``, with it, alone, or only in the text."""
    for number in range(20):
        days = (number * 7) % 20  # dates out of step with the tiers
        kind = number % 4
        title = {
            0: f"{texts[0]} {word} {other} {number}",  # the whole query as a phrase in the title
            1: f"{other} {texts[0]} {word} {number}",  # every word in the title
            2: f"{word} {texts[1]} {number}",  # some word in the title
            3: f"{texts[1]} {number}",  # only in the text
        }[kind]
        search_site.article(code, title, lead=f"{texts[2]} {word} {other}", days_ago=days)


CASES = [
    ("vi", "zorvex", "quillon", ("Hội nghị", "Tin tỉnh", "Lời dẫn có"), "zorvex quillon"),
    ("vi", "zorvex", "quillon", ("Hội nghị", "Tin tỉnh", "Lời dẫn có"), "ZORVEX"),
    ("en", "zorvexes", "quillon", ("Conference", "Province news", "Lead with"), "zorvex quillon"),
    ("lo", "ຊໍວ", "ຄິວລອນ", ("ກອງປະຊຸມ", "ຂ່າວແຂວງ", "ຄຳນຳ"), "ຊໍວ ຄິວລອນ"),
]


@pytest.mark.parametrize("code, word, other, texts, query", CASES, ids=[f"{c[0]}-{c[4]}" for c in CASES])
def test_the_first_pages_are_the_same_with_or_without_the_count_limit(
    client, settings, search_site, code, word, other, texts, query
):
    mixed_site(search_site, code, word, other, texts)
    for params in ({"q": query}, {"q": query, "sort": "newest"}, {"q": query, "page": 2}):
        limited, response = shown(client, settings, LIMIT, code, **params)
        everything, _ = shown(client, settings, NO_LIMIT, code, **params)
        if params.get("page") == 2:
            # Pages stop at the limit: results 11 and 12 of the same order.
            assert limited == everything[:2], params
        else:
            assert limited == everything and len(limited) == 10, params
        assert response.context["more"]


def test_tiers_hold_past_the_count_limit(client, settings, search_site):
    search_site.article("vi", "Tin khác", body="quillon zorvex trong thân bài", days_ago=0)
    search_site.article("vi", "Quillon ở tiêu đề", body="zorvex trong thân bài", days_ago=10)
    search_site.article("vi", "Quillon và zorvex", days_ago=30)
    search_site.article("vi", "Zorvex quillon hôm qua", days_ago=40)
    for number in range(LIMIT):
        search_site.article("vi", f"Tin cũ {number}", body="zorvex và quillon", days_ago=50 + number)

    titles, response = shown(client, settings, LIMIT, q="zorvex quillon")

    assert response.context["more"]
    assert titles[:5] == [
        "Zorvex quillon hôm qua",  # the query as a phrase in the title
        "Quillon và zorvex",  # every word in the title
        "Quillon ở tiêu đề",  # some word in the title, the other in the text
        "Tin khác",  # only in the text, newest first
        "Tin cũ 0",
    ]


@pytest.mark.parametrize(
    "code, heading_text, range_text",
    [
        ("vi", "Hơn 12 kết quả cho “zorvex”", "Kết quả 1–10 trong 12 kết quả đầu tiên"),
        ("en", "More than 12 results for “zorvex”", "Results 1–10 of the first 12"),
        ("lo", "ຫຼາຍກວ່າ 12 ຜົນການຄົ້ນຫາສຳລັບ “zorvex”", "ຜົນການຄົ້ນຫາ 1–10 ໃນ 12 ລາຍການທຳອິດ"),
    ],
)
def test_more_results_than_counted_say_so_in_the_readers_language(
    client, settings, search_site, code, heading_text, range_text
):
    for number in range(LIMIT + 1):
        search_site.article(code, f"Zorvex {number}")

    _, response = shown(client, settings, LIMIT, code, q="zorvex")

    assert heading(response) == escape(heading_text)
    assert escape(range_text) in response.content.decode()


def test_exactly_as_many_as_the_limit_are_counted_exactly(client, settings, search_site):
    for number in range(LIMIT):
        search_site.article("en", f"Zorvex {number}")

    _, response = shown(client, settings, LIMIT, "en", q="zorvex")

    assert heading(response) == escape("12 results for “zorvex”")
    assert not response.context["more"]
    assert "Results 1–10, page 1 of 2" in response.content.decode()


def test_a_page_past_the_counted_ones_shows_the_last_with_a_notice(client, settings, search_site):
    for number in range(LIMIT + 3):
        search_site.article("en", f"Zorvex {number}", days_ago=number)

    titles, response = shown(client, settings, LIMIT, "en", q="zorvex", page=7)

    assert titles == ["Zorvex 10", "Zorvex 11"]
    assert response.context["notices"] == [
        "Only the first 2 pages of results are shown, so the last of them is shown. "
        "Add words or a filter to find the others."
    ]
