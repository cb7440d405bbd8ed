"""Marked words in titles and excerpts: found fast, and exactly the words the word-by-word reading marks.

search.highlight first looks for what a searched word must contain (its
folded letters, or a Lao word in any of its spellings) and reads only the
pieces of text where that occurs; these tests pin that nothing is missed
or added against reading every word.
"""

import random

import pytest

from demo.data import ARTICLES_BY_SECTION
from search import highlight
from search.highlight import excerpt
from search.normalize import clean, parse_query, terms


def demo_texts(language):
    for articles in ARTICLES_BY_SECTION.values():
        for article in articles:
            for field in ("title", "lead"):
                text = getattr(getattr(article, field), language, None)
                if text:
                    yield clean(" ".join(text.split()))


ODD_TEXTS = [
    "ﬁnance and ﬁnances, Cities and the city’s HỘI NGHỊ hội nghị",
    "ຫນ້າທີ່ ໜ້າທີ່ ຫລວງພະບາງ ນໍ້າ ນ້ຳ ນໍາ ແຂວງເຊີນລາ",
    "abcກຂ ກຂabc 12.345abc Đắk Lắk 51.827.387",
    "cafe\u0301 CAFÉ ꞌhoi nghi",
]


@pytest.mark.parametrize("language", ["vi", "en", "lo"])
def test_the_same_words_are_marked_as_when_every_word_is_read(language):
    texts = list(demo_texts(language)) + ODD_TEXTS
    vocabulary = sorted({term for text in texts for term in terms(text)})
    chooser = random.Random(18)
    for text in texts:
        for _ in range(20):
            wanted = set(chooser.sample(vocabulary, chooser.choice([1, 1, 2, 3])))
            assert highlight._found(text, wanted) == highlight._found_in_words(text, wanted), (text, wanted)


@pytest.mark.parametrize(
    "query, text, marked",
    [
        ("hoi nghi", "Sáng nay, HỘI NGHỊ sơ kết đã diễn ra.", "<mark>HỘI NGHỊ</mark>"),
        ("city", "Two cities signed the agreement.", "<mark>cities</mark>"),
        ("finance", "The ﬁnance office opened.", "<mark>ﬁnance</mark>"),
        ("ຫຼວງພະບາງ", "ຄະນະຜູ້ແທນແຂວງຫລວງພະບາງໄດ້ມາຢ້ຽມຢາມ", "<mark>ຫລວງພະບາງ</mark>"),
        ("ນ້ຳ", "ອ່າງເກັບນໍ້າກວິ່ງຍາຍ", "<mark>ນໍ້າ</mark>"),
    ],
)
def test_words_are_marked_in_any_spelling(query, text, marked):
    body = "Lời mở đầu không có từ cần tìm. " * 40 + text
    assert marked in excerpt(["", body], parse_query(query).highlight)
