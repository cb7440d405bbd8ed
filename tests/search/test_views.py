"""The search page: what visitors find, how it is shown, and bad input."""

import re

import pytest
from django.utils.html import escape
from wagtail.models import Locale, PageViewRestriction

from search.models import EditorsPick, SearchTerm

pytestmark = pytest.mark.django_db


def search(client, code="vi", **params):
    response = client.get(f"/{code}/search/", params)
    assert response.status_code == 200
    return response


def titles(response):
    return [page.title for page in response.context["results"]]


class TestFinding:
    def test_vietnamese_with_or_without_accents_in_any_case_and_form(self, client, search_site):
        search_site.article("vi", "Hội nghị zorvex thông tin đối ngoại")
        for query in ["hoi nghi zorvex", "HỘI NGHỊ ZORVEX", "Hội nghị zorvex", "thong tin doi ngoai zorvex"]:
            assert titles(search(client, q=query)) == ["Hội nghị zorvex thông tin đối ngoại"], query
        nfd = "h\u006f\u0302\u0323i ngh\u0131\u0323 zorvex".replace("\u0131", "i")
        assert titles(search(client, q=nfd)) == ["Hội nghị zorvex thông tin đối ngoại"]

    def test_dak_lak(self, client, search_site):
        search_site.article("vi", "Đoàn zorvex tỉnh Đắk Lắk")
        assert titles(search(client, q="dak lak zorvex")) == ["Đoàn zorvex tỉnh Đắk Lắk"]

    def test_english_singular_and_plural_find_each_other(self, client, search_site):
        search_site.article("en", "Zorvex conferences in the cities")
        for query in ["zorvex conference", "zorvex city", "Zorvex Conferences"]:
            assert titles(search(client, "en", q=query)) == ["Zorvex conferences in the cities"]

    def test_lao_word_inside_run_on_text_and_variant_spellings(self, client, search_site):
        search_site.article("lo", "ຂ່າວ zorvex", body="ແຂວງສະຫວັນນະເຂດແລະແຂວງຫລວງພະບາງໜ້າທີ່")
        for query in ["ສະຫວັນນະເຂດ zorvex", "ຫຼວງພະບາງ zorvex", "ຫລວງພະບາງ zorvex", "ຫນ້າທີ່ zorvex"]:
            assert titles(search(client, "lo", q=query)) == ["ຂ່າວ zorvex"], query

    def test_exact_phrase(self, client, search_site):
        search_site.article("vi", "Zorvex thông tin đối ngoại")
        search_site.article("vi", "Zorvex đối thoại, thông tin ngoại giao")
        assert len(titles(search(client, q="zorvex thông tin ngoại"))) == 2
        assert titles(search(client, q='zorvex "thông tin đối ngoại"')) == ["Zorvex thông tin đối ngoại"]

    def test_only_the_visitors_language(self, client, search_site):
        search_site.article("vi", "Zorvex quillon tiếng Việt")
        search_site.article("en", "Zorvex quillon in English")
        assert titles(search(client, "en", q="zorvex quillon")) == ["Zorvex quillon in English"]
        assert titles(search(client, "lo", q="zorvex quillon")) == []


class TestRanking:
    def test_title_matches_come_before_newer_body_matches(self, client, search_site):
        search_site.article("vi", "Tin khác", body="quillon zorvex trong thân bài", days_ago=0)
        search_site.article("vi", "Quillon và zorvex", days_ago=30)
        search_site.article("vi", "Quillon ở tiêu đề", body="zorvex trong thân bài", days_ago=10)
        assert titles(search(client, q="quillon zorvex")) == [
            "Quillon và zorvex",  # every word in the title
            "Quillon ở tiêu đề",  # some words in the title
            "Tin khác",  # only in the body
        ]

    def test_the_query_as_a_phrase_in_the_title_comes_first(self, client, search_site):
        search_site.article("vi", "Zorvex cùng quillon", days_ago=0)
        search_site.article("vi", "Quillon zorvex hôm qua", days_ago=5)
        assert titles(search(client, q="quillon zorvex"))[0] == "Quillon zorvex hôm qua"

    def test_newer_breaks_ties_and_newest_sort(self, client, search_site):
        for days in (3, 1, 2):
            search_site.article("vi", f"Zorvex {days} ngày trước", days_ago=days)
        expected = ["Zorvex 1 ngày trước", "Zorvex 2 ngày trước", "Zorvex 3 ngày trước"]
        assert titles(search(client, q="zorvex")) == expected
        search_site.article("vi", "Tin mới nhất", body="zorvex", days_ago=0)
        assert titles(search(client, q="zorvex", sort="newest"))[0] == "Tin mới nhất"
        assert titles(search(client, q="zorvex"))[-1] == "Tin mới nhất"

    def test_words_missing_from_every_page_fall_back_to_any_word(self, client, search_site):
        search_site.article("vi", "Zorvex một mình")
        response = search(client, q="zorvex xyzzyplugh")
        assert titles(response) == ["Zorvex một mình"]
        assert response.context["partial"]


class TestIndexStaysTrue:
    def test_drafts_and_private_pages_never_appear(self, client, search_site):
        search_site.article("vi", "Zorvex bản nháp", live=False)
        private = search_site.article("vi", "Zorvex riêng tư")
        PageViewRestriction.objects.create(page=private, restriction_type="password", password="x")
        assert titles(search(client, q="zorvex")) == []

    def test_publish_unpublish_delete_move(self, client, search_site):
        page = search_site.article("vi", "Zorvex mới", live=False)
        assert titles(search(client, q="zorvex")) == []
        page.save_revision().publish()
        assert titles(search(client, q="zorvex")) == ["Zorvex mới"]

        page.title = "Zorvex đã sửa quillon"
        page.save_revision().publish()
        assert titles(search(client, q="quillon")) == ["Zorvex đã sửa quillon"]

        other = search_site.section("vi", "Quillon khác")
        page.move(other, pos="last-child")
        response = search(client, q="zorvex", section=other.pk)
        assert titles(response) == ["Zorvex đã sửa quillon"]
        assert response.context["results"][0].search_section.title == "Quillon khác"

        page.unpublish()
        assert titles(search(client, q="zorvex")) == []
        page.save_revision().publish()
        page.delete()
        assert titles(search(client, q="zorvex")) == []

    def test_moving_or_restricting_a_section_carries_its_articles(self, client, search_site):
        outer = search_site.section("vi", "Quillon ngoài")
        inner = search_site.section("vi", "Quillon trong")
        search_site.article("vi", "Zorvex trong mục con", section=inner)
        assert titles(search(client, q="zorvex", section=outer.pk)) == []

        inner.move(outer, pos="last-child")
        response = search(client, q="zorvex", section=outer.pk)
        assert titles(response) == ["Zorvex trong mục con"]

        PageViewRestriction.objects.create(page=outer, restriction_type="password", password="x")
        response = search(client, q="zorvex")
        assert titles(response) == []
        assert response.context["results"].paginator.count == 0

    def test_a_translation_appears_in_its_language_once_published(self, client, search_site):
        page = search_site.article("vi", "Zorvex bài gốc")
        locale = Locale.objects.get(language_code="en")
        # Publishing may already have started a draft translation.
        english = page.get_translation_or_none(locale) or page.copy_for_translation(locale)
        english = english.specific
        assert not english.live
        assert titles(search(client, "en", q="zorvex")) == []  # a draft copy
        english.title = "Zorvex translated"
        english.save_revision().publish()
        assert titles(search(client, "en", q="zorvex")) == ["Zorvex translated"]
        assert titles(search(client, "vi", q="zorvex")) == ["Zorvex bài gốc"]


class TestResultsPage:
    def test_results_show_title_section_date_and_marked_excerpt(self, client, search_site):
        search_site.article("vi", "Zorvex <b>đậm</b>", lead="Tỉnh tổ chức hội nghị zorvex <script>x</script>")
        html = search(client, q="hoi nghi zorvex").content.decode()
        assert "<mark>Zorvex</mark> &lt;b&gt;đậm&lt;/b&gt;" in html
        assert "<mark>hội nghị zorvex</mark> &lt;script&gt;" in html
        assert "Test section vi" in html
        assert re.search(r'<time datetime="\d{4}-\d\d-\d\dT', html)
        assert "1 kết quả cho “hoi nghi zorvex”" in html

    def test_ten_results_a_page_with_accessible_pagination(self, client, search_site):
        for number in range(23):
            search_site.article("vi", f"Zorvex số {number}", days_ago=number)
        first = search(client, q="zorvex", sort="newest")
        assert len(first.context["results"]) == 10
        assert first.context["results"].paginator.count == 23
        html = first.content.decode()
        assert 'aria-current="page"' in html
        assert "?q=zorvex&amp;sort=newest&amp;page=2" in html
        third = search(client, q="zorvex", sort="newest", page=3)
        assert titles(third) == ["Zorvex số 20", "Zorvex số 21", "Zorvex số 22"]

    def test_filters_by_section_and_dates(self, client, search_site):
        other = search_site.section("vi", "Mục quillon")
        search_site.article("vi", "Zorvex cũ", days_ago=40)
        search_site.article("vi", "Zorvex mục khác", section=other, days_ago=1)
        assert titles(search(client, q="zorvex", section=other.pk)) == ["Zorvex mục khác"]
        from django.utils import timezone

        today = timezone.localdate()
        recent = (today - timezone.timedelta(days=10)).isoformat()
        assert titles(search(client, q="zorvex", date_from=recent)) == ["Zorvex mục khác"]
        old = (today - timezone.timedelta(days=30)).isoformat()
        assert titles(search(client, q="zorvex", date_to=old)) == ["Zorvex cũ"]

    def test_empty_query_shows_the_form_only(self, client, search_site):
        for params in ({}, {"q": ""}, {"q": "   "}):
            response = search(client, **params)
            assert response.context["results"] is None
            assert response.context["notices"] == []
            assert 'role="search"' in response.content.decode()


BAD_QUERIES = [
    "a" * 10_000,
    "AND", "OR", "NOT", "NEAR(", "NEAR(zorvex, 2)", '"', '"zorvex', 'zorvex"', '""',
    "*", "zorv*", "-zorvex", "title:zorvex", "(zorvex", "[zorvex]", "{zorvex}", "zorvex)",
    "zorvex AND OR NOT", "'; DROP TABLE wagtailcore_page; --", "\x00", "zor\x00vex", "\x01\x02\x1f",
    "%", "%%", "\\", "\\\"", "^", "~", "!", "@", "#", "zorvex:", ":::", "<script>", "&amp;",
    "\ufffd", "\u200b", "🙂", "\u202e", "ຫ", "ໍ", "\u0301",
]


class TestBadInput:
    @pytest.mark.parametrize("query", BAD_QUERIES)
    def test_any_query_gets_a_page(self, client, search_site, query):
        response = search(client, q=query)
        assert b"<mark><script>" not in response.content

    def test_a_very_long_query_is_cut_with_a_notice(self, client, search_site):
        search_site.article("vi", "Zorvex")
        response = search(client, q="zorvex " + "a" * 10_000)
        assert titles(response) == ["Zorvex"]
        assert any("200" in notice for notice in response.context["notices"])

    def test_syntax_alone_asks_for_words(self, client, search_site):
        response = search(client, "en", q="AND ( * )")
        assert response.context["results"] is None
        assert response.context["notices"] == ["Type one or more words to search for."]

    @pytest.mark.parametrize(
        "query_string",
        ["q=%E0%A4%A", "q=%ZZ%", "q=%C3%28zorvex", "q=zorvex&page=%FF", "q=%00zorvex", "q=zorvex&&&=&q"],
    )
    def test_broken_percent_encoding(self, client, search_site, query_string):
        assert client.get("/vi/search/", QUERY_STRING=query_string).status_code == 200

    @pytest.mark.parametrize(
        "params, notice",
        [
            ({"page": "abc"}, "“abc” is not a page number, so the first page is shown."),
            ({"page": "999999"}, "There are only 2 pages of results, so the last one is shown."),
            ({"page": "-3"}, "Pages are numbered from 1, so the first page is shown."),
            ({"page": "1e9"}, "“1e9” is not a page number, so the first page is shown."),
            ({"section": "abc"}, "There is no such section, so all sections were searched."),
            ({"section": "999999"}, "There is no such section, so all sections were searched."),
            ({"date_from": "2024-13-45"}, "“2024-13-45” is not a date (write it as YYYY-MM-DD), so it was not used."),
            ({"date_to": "99999-01-01"}, "“99999-01-01” is not a date (write it as YYYY-MM-DD), so it was not used."),
            ({"date_to": "0001-01-01"}, "“0001-01-01” is not a date (write it as YYYY-MM-DD), so it was not used."),
            ({"date_from": "x" * 500}, "“xxxxxxxxxxxxxxxxxxxx…” is not a date (write it as YYYY-MM-DD), so it was not used."),
            ({"sort": "random"}, "Results can be sorted by relevance or by date only; they are sorted by relevance."),
            ({"date_from": "2999-01-01", "date_to": "2000-01-01"}, "The start date was after the end date, so they were swapped."),
        ],
    )
    def test_bad_filters_and_pages_give_a_notice(self, client, search_site, params, notice):
        for number in range(12):
            search_site.article("en", f"Zorvex {number}", days_ago=number)
        response = search(client, "en", q="zorvex", **params)
        assert notice in response.context["notices"]
        assert escape(notice) in response.content.decode()
        assert response.context["results"].paginator.count == 12

    def test_notices_are_in_the_visitors_language(self, client, search_site):
        search_site.article("vi", "Zorvex")
        assert search(client, "vi", q="zorvex", page="abc").context["notices"] == [
            "“abc” không phải là số trang, nên trang đầu tiên được hiển thị."
        ]
        assert search(client, "lo", q="AND").context["notices"] == [
            "ກະລຸນາພິມໜຶ່ງຄຳ ຫຼື ຫຼາຍຄຳເພື່ອຄົ້ນຫາ."
        ]


class TestEditorsPicksAndPopularSearches:
    def test_a_pick_shows_first_in_its_language_only(self, client, search_site):
        target = search_site.article("vi", "Trang được chọn", lead="Không có từ khoá")
        search_site.article("vi", "Zorvex thường")
        EditorsPick.objects.create(locale=target.locale, query="Zorvex quillon", page=target,
                                   description="Giới thiệu")
        response = search(client, q="QUILLON zorvex")
        assert [page.title for page in response.context["picks"]] == ["Trang được chọn"]
        assert "Giới thiệu" in response.content.decode()
        assert search(client, "en", q="zorvex quillon").context["picks"] == []
        target.unpublish()
        assert search(client, q="zorvex quillon").context["picks"] == []

    def test_searches_are_counted_per_language_without_personal_data(self, client, search_site):
        search(client, q="Hội nghị")
        search(client, q="hoi nghi")
        search(client, q="hoi nghi", page=2)  # paging is not a new search
        search(client, "en", q="hoi nghi")
        search(client, q="ban@example.org")
        search(client, q="0912 345 678")
        counts = {
            (term.locale.language_code, term.key): sum(day.hits for day in term.days.all())
            for term in SearchTerm.objects.all()
        }
        assert counts == {("vi", "hoi nghi"): 2, ("en", "hoi nghi"): 1}


class TestOtherBackends:
    def test_wagtails_search_api_serves_when_the_index_tables_are_not_there(
        self, client, search_site, monkeypatch
    ):
        # What an OpenSearch/Elasticsearch deployment would use (run here on the database backend).
        from search import engine

        monkeypatch.setattr(engine, "uses_index_tables", lambda: False)
        search_site.article("vi", "Hội nghị zorvex", days_ago=2)
        search_site.article("vi", "Zorvex quillon khác", days_ago=1)
        search_site.article("en", "Zorvex in English")
        assert set(titles(search(client, q="hoi nghi zorvex"))) == {"Hội nghị zorvex"}
        assert titles(search(client, q="zorvex", sort="newest")) == ["Zorvex quillon khác", "Hội nghị zorvex"]
        assert titles(search(client, q='"zorvex quillon"')) == ["Zorvex quillon khác"]
