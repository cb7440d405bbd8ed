"""The home page: a welcome with the portal's name, shortcuts, an even featured row; no picture shown twice."""

import dataclasses
import re

import pytest

from demo import checks
from demo.data import ARTICLES_BY_SECTION, HOME
from home.models import HomePageFeaturedArticle

WELCOME = {
    "vi": ("Chào mừng bạn đến với", "Cổng thông tin điện tử tỉnh Sơn La", "Dịch vụ và chuyên mục"),
    "en": ("Welcome to", "Son La Province Web Portal", "Services and sections"),
    "lo": ("ຍິນດີຕ້ອນຮັບສູ່", "ປະຕູຂໍ້ມູນຂ່າວສານເອເລັກໂຕຣນິກ ແຂວງເຊີນລາ", "ບໍລິການ ແລະ ໝວດຂ່າວ"),
}


def section(html, start, end="</section>"):
    block = html[html.index(start):]
    return block[: block.index(end)]


@pytest.mark.parametrize("language", ["vi", "en", "lo"])
def test_the_home_page_welcomes_with_the_portals_name(client, demo_content, language):
    html = client.get(f"/{language}/").content.decode()
    greeting, name, shortcuts = WELCOME[language]
    assert re.findall(r"<h1[^>]*>([^<]*)</h1>", html) == [name]
    assert greeting in html
    nav = section(html, 'aria-labelledby="shortcuts-heading"', "</nav>")
    assert shortcuts in nav
    links = re.findall(r'<a class="shortcut__link" href="([^"]+)"', nav)
    # Every section and page under the home, then search, the site map and the feed.
    children = [page.url for page in demo_content.homes[language].get_children().live().specific()]
    assert links[: len(children)] == children
    assert links[len(children):] == [f"/{language}/search/", f"/{language}/site-map/", f"/{language}/feeds/rss/"]


@pytest.mark.parametrize("language", ["vi", "en", "lo"])
def test_every_featured_card_has_its_picture(client, demo_content, language):
    html = client.get(f"/{language}/").content.decode()
    cards = section(html, 'aria-labelledby="featured-heading"').split("<li>")[1:]
    assert len(cards) == 3
    assert all('<div class="card__image">' in card and "<img" in card for card in cards)


def test_a_featured_article_without_a_picture_keeps_the_row_even(client, demo_content):
    home = demo_content.homes["vi"]
    bare = next(page for page in demo_content.articles["vi"] if not page.image_id)
    home.featured_articles = [HomePageFeaturedArticle(page=bare, sort_order=0)]
    home.save_revision().publish()
    html = client.get("/vi/").content.decode()
    cards = section(html, 'aria-labelledby="featured-heading"').split("<li>")[1:]
    assert bare.title in cards[0]
    assert '<div class="card__image card__image--none"></div>' in cards[0]
    # The two places topped up are filled with pictured articles.
    assert all("<img" in card for card in cards[1:])


def test_no_article_shows_its_main_image_twice(demo_content):
    for language, articles in demo_content.articles.items():
        for article in articles:
            body_images = [block.value["image"].id for block in article.body if block.block_type == "image"]
            assert article.image_id is None or article.image_id not in body_images, (language, article.title)


def test_the_demo_data_check_refuses_a_repeated_picture_and_a_bare_featured_article():
    foreign = next(iter(ARTICLES_BY_SECTION))
    article = ARTICLES_BY_SECTION[foreign][1]  # Hủa Phăn: main image and a body picture
    picture = next(block for block in article.body if type(block).__name__ == "Picture")
    repeated = dataclasses.replace(
        article, body=(*article.body, dataclasses.replace(picture, image=article.image))
    )
    bare = next(a for group in ARTICLES_BY_SECTION.values() for a in group if not a.image)
    data = dict(ARTICLES_BY_SECTION)
    data[foreign] = tuple(repeated if a is article else a for a in data[foreign])
    home = dataclasses.replace(HOME, featured=(article.key, bare.key))
    problems = checks.structure_problems(home, data)
    assert f"{article.key}: the body repeats the main image {article.image!r}" in problems
    assert f"featured article {bare.key} has no main image" in problems
    assert checks.structure_problems(HOME, ARTICLES_BY_SECTION) == []

