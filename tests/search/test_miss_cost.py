"""A search the page cache has not seen costs about what an uncached article does (issue 18).

What every search needs besides the match (the site, the home page, the
sections and their filter controls) and what a result shows of a page (its
card) are kept between searches, like an article's route and frame; these
tests pin that they are not read again, and that publishing still shows at
the very next search.
"""

import re

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

pytestmark = pytest.mark.django_db


def search(client, **params):
    response = client.get("/vi/search/", params)
    assert response.status_code == 200
    return response


def queries_of(client, **params):
    with CaptureQueriesContext(connection) as captured:
        response = search(client, **params)
    return response, [query["sql"] for query in captured.captured_queries]


def section_options(response):
    html = response.content.decode()
    select = re.search(r'<select name="section".*?</select>', html, re.DOTALL).group()
    return re.findall(r"<option[^>]*>\s*([^<]*?)\s*</option>", select)


def test_a_search_reads_no_site_home_or_section_rows_once_one_has_run(client, search_site):
    search_site.article("vi", "Zorvex quillon hội nghị")
    search(client, q="warm up")

    response, queries = queries_of(client, q="zorvex")

    assert [page.title for page in response.context["results"]] == ["Zorvex quillon hội nghị"]
    assert "Test section vi" in section_options(response)
    assert not [sql for sql in queries if "wagtailcore_site" in sql], "\n".join(queries)
    assert not [sql for sql in queries if "news_sectionpage" in sql], "\n".join(queries)


def test_pages_shown_by_an_earlier_search_are_not_loaded_again(client, search_site):
    for number in range(3):
        search_site.article("vi", f"Zorvex quillon {number}", lead=f"Quillon đoàn công tác {number}")
    search(client, q="zorvex")

    response, queries = queries_of(client, q="quillon")

    assert sorted(page.title for page in response.context["results"]) == [
        "Zorvex quillon 0", "Zorvex quillon 1", "Zorvex quillon 2"
    ]
    assert not [sql for sql in queries if "news_newspage" in sql], "\n".join(queries)
    html = response.content.decode()
    # The card is the page's; the marks are this query's.
    assert "<mark>Quillon</mark> đoàn công tác" in html
    assert html.count("<mark>quillon</mark>") == 3
    assert 'href="/vi/' in html


def test_a_retitled_article_shows_its_new_title_and_lead_at_the_next_search(client, search_site):
    article = search_site.article("vi", "Zorvex quillon cũ", lead="Zorvex lời dẫn cũ")
    assert "quillon cũ" in search(client, q="zorvex").content.decode()

    article.title = "Zorvex Sơn La tiếp đoàn công tác tỉnh Hủa Phăn"
    article.lead = "Zorvex lời dẫn mới"
    article.save_revision().publish()

    html = search(client, q="zorvex").content.decode()
    assert "Sơn La tiếp đoàn công tác tỉnh Hủa Phăn" in html
    assert "lời dẫn mới" in html
    assert "quillon cũ" not in html
    assert "lời dẫn cũ" not in html


def test_a_published_or_unpublished_section_changes_the_filter_at_the_next_search(client, search_site):
    search_site.article("vi", "Zorvex quillon")
    assert "Mục Zorvex mới" not in section_options(search(client, q="zorvex"))

    section = search_site.section("vi", "Mục Zorvex mới")
    assert "Mục Zorvex mới" in section_options(search(client, q="zorvex"))

    section.unpublish()
    assert "Mục Zorvex mới" not in section_options(search(client, q="zorvex"))


def test_kept_filter_controls_show_each_search_its_own_choices(client, search_site):
    section = search_site.sections["vi"]
    search_site.article("vi", "Zorvex quillon")

    chosen = search(client, q="zorvex", section=section.pk, sort="newest").content.decode()
    assert re.search(rf'<option value="{section.pk}" selected>', chosen)
    assert re.search(r'<option value="newest" selected>', chosen)

    plain = search(client, q="zorvex").content.decode()
    assert not re.search(rf'<option value="{section.pk}" selected>', plain)
    assert not re.search(r'<option value="newest" selected>', plain)

    dated = search(client, q="zorvex", date_from="2020-01-02").content.decode()
    assert 'value="2020-01-02"' in dated
    assert 'value="2020-01-02"' not in search(client, q="zorvex").content.decode()
