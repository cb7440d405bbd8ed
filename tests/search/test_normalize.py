"""Normalisation shared by the index and queries (no database needed)."""

import re
import unicodedata

import pytest

from search.highlight import excerpt, highlight
from search.normalize import (
    MAX_QUERY_TERMS,
    encode,
    fold,
    index_text,
    parse_query,
    query_text,
    stem,
    terms,
)


@pytest.mark.parametrize(
    "text, expected",
    [
        ("Hội nghị", ["hoi", "nghi"]),
        ("HỘI NGHỊ", ["hoi", "nghi"]),
        ("hoi nghi", ["hoi", "nghi"]),
        ("Thông tin đối ngoại", ["thong", "tin", "doi", "ngoai"]),
        ("Đắk Lắk", ["dak", "lak"]),
        ("Sơn La", ["son", "la"]),
        ("Ủy ban nhân dân tỉnh", ["uy", "ban", "nhan", "dan", "tinh"]),
        ("hoà / hòa", ["hoa", "hoa"]),
    ],
)
def test_vietnamese_is_folded(text, expected):
    assert terms(text) == expected


@pytest.mark.parametrize("form", ["NFC", "NFD", "NFKC", "NFKD"])
def test_every_unicode_normal_form_gives_the_same_terms(form):
    text = "Hội nghị sơ kết thông tin đối ngoại Đắk Lắk ໜ້າທີ່ ນ້ຳ"
    assert terms(unicodedata.normalize(form, text)) == terms(text)


@pytest.mark.parametrize(
    "plural, singular",
    [
        ("conferences", "conference"),
        ("cities", "city"),
        ("classes", "class"),
        ("matches", "match"),
        ("taxes", "tax"),
        ("provinces", "province"),
        ("Laos", "Lao"),
        ("1990s", "1990"),
    ],
)
def test_english_plurals_meet_their_singulars(plural, singular):
    assert terms(plural) == terms(singular)


@pytest.mark.parametrize("word", ["news", "business", "status", "analysis", "bus", "this", "series"])
def test_words_that_only_look_plural_are_kept(word):
    assert stem(word) == word


def test_folded_vietnamese_syllables_are_never_stemmed():
    text = "tỉnh Sơn La hội nghị thông tin đối ngoại giai đoạn phát triển kinh tế xã hội"
    assert [stem(term) for term in terms(text)] == terms(text)


@pytest.mark.parametrize(
    "run_on, word",
    [
        ("ແຂວງສະຫວັນນະເຂດແລະແຂວງຫຼວງພະບາງ", "ສະຫວັນນະເຂດ"),
        ("ກອງປະຊຸມສະພາປະຊາຊົນແຂວງຫົວພັນ", "ປະຊຸມ"),
        ("ປະເທດລາວແລະຫວຽດນາມມີຊາຍແດນຕິດກັນ", "ຊາຍແດນ"),
    ],
)
def test_a_lao_word_is_found_inside_run_on_text(run_on, word):
    assert set(terms(word)) <= set(terms(run_on))


@pytest.mark.parametrize(
    "one, other",
    [
        ("ໜ້າທີ່", "ຫນ້າທີ່"),
        ("ໝາກໄມ້", "ຫມາກໄມ້"),
        ("ຫຼວງພະບາງ", "ຫລວງພະບາງ"),
        ("ແຂວງຫຼວງພະບາງ", "ແຂວງຫລວງພະບາງ"),
        ("ນ້ຳ", "ນ້ໍາ"),
        ("ນ້ຳ", "ນໍ້າ"),
        ("໒໐໒໔", "2024"),
    ],
)
def test_lao_spelling_variants_are_one_term(one, other):
    assert terms(one) == terms(other)


def test_numbers_lose_thousands_separators():
    assert terms("51.827.387") == terms("51,827,387") == ["51827387"]
    assert terms("2013-2020") == ["2013", "2020"]


def test_index_text_is_plain_ascii_words_for_lao():
    text = index_text("ແຂວງສະຫວັນນະເຂດ Sơn La")
    assert re.fullmatch(r"[a-z0-9 ]+", text)
    assert text.split()[-2:] == ["son", "la"]
    assert all(word.startswith("lq") for word in text.split()[:-2])
    assert encode("son") == "son"


def test_normalising_twice_changes_nothing():
    text = "Hội nghị CONFERENCES cities ແຂວງສະຫວັນນະເຂດ ຫລວງພະບາງ 51.827.387"
    once = index_text(text)
    assert index_text(once) == once
    assert query_text(query_text(text)) == query_text(text)


def test_control_and_invisible_characters_are_dropped():
    assert fold("a\x00b\x07c\u200bd\ufeffe\ufffd") == "abc de"


class TestParseQuery:
    def test_words_and_phrases(self):
        parsed = parse_query('"thông tin đối ngoại" hội nghị')
        assert parsed.phrases == [["thong", "tin", "doi", "ngoai"]]
        assert parsed.words == ["hoi", "nghi"]
        assert {"thong", "hoi"} <= parsed.highlight

    def test_typographic_quotes_mark_phrases_too(self):
        assert parse_query("“đối ngoại”").phrases == [["doi", "ngoai"]]

    def test_an_unmatched_quote_is_ignored(self):
        parsed = parse_query('đối "ngoại tỉnh')
        assert parsed.words == ["doi", "ngoai", "tinh"] and not parsed.phrases

    def test_a_one_word_phrase_is_a_word(self):
        assert parse_query('"Lào"').words == ["lao"]

    @pytest.mark.parametrize(
        "query",
        ["AND", "OR NOT", "NEAR(", "*", "-", ":", "[]", "()", "{}", '"', '""', "^~!?", "\x00\x01"],
    )
    def test_syntax_alone_is_no_query(self, query):
        assert not parse_query(query)

    def test_syntax_between_words_is_a_separator(self):
        parsed = parse_query('trade AND tourism NOT NEAR(x, y) title:foo -bar* [baz] "qux')
        assert parsed.words == ["trade", "tourism", "x", "y", "title", "foo", "bar", "baz", "qux"]

    def test_lower_case_operators_are_words(self):
        assert parse_query("not and or").words == ["not", "and", "or"]

    def test_repeated_words_count_once(self):
        assert parse_query("hội Hội HOI hoi").words == ["hoi"]

    def test_too_many_words_are_cut(self):
        parsed = parse_query(" ".join(f"w{n}" for n in range(100)))
        assert len(parsed.words) == MAX_QUERY_TERMS and parsed.truncated


class TestHighlight:
    def test_marks_accented_words_for_an_accent_free_query(self):
        html = highlight("Hội nghị thông tin", parse_query("hoi nghi").highlight)
        assert html == "<mark>Hội nghị</mark> thông tin"

    def test_escapes_everything_else(self):
        html = highlight('<script>alert("x")</script> & hội', parse_query("hoi script").highlight)
        assert "<script>" not in html
        assert "&lt;<mark>script</mark>&gt;" in html and "&amp;" in html

    def test_marks_a_lao_word_inside_run_on_text_in_its_own_spelling(self):
        html = highlight("ແຂວງຫລວງພະບາງແລະ", parse_query("ຫຼວງພະບາງ").highlight)
        assert html == "ແຂວງ<mark>ຫລວງພະບາງ</mark>ແລະ"

    def test_neighbouring_words_are_one_mark_punctuation_parts_them(self):
        html = highlight("Sơn La, Hủa Phăn và Sơn La", parse_query("son la hua phan").highlight)
        assert html == "<mark>Sơn La</mark>, <mark>Hủa Phăn</mark> và <mark>Sơn La</mark>"

    def test_lao_words_run_together_are_one_mark(self):
        html = highlight("ແຂວງຫົວພັນ ແລະ ແຂວງ", parse_query("ແຂວງຫົວພັນ").highlight)
        assert html == "<mark>ແຂວງຫົວພັນ</mark> ແລະ <mark>ແຂວງ</mark>"

    @pytest.mark.parametrize("query", ["ການພັດທະນາ", "ການ ພັດທະນາ", "ພັດທະນາ ການ"])
    def test_a_common_lao_word_is_marked_only_with_another_query_word(self, query):
        # ICU splits ການທ່ອງທ່ຽວ and ການກະສິກຳ after ການ, as it does ການພັດທະນາ.
        text = "ການພັດທະນາ ແຂວງ ການທ່ອງທ່ຽວ ແລະ ການກະສິກຳ ພັດທະນາ"
        html = highlight(text, parse_query(query).highlight)
        assert html == "<mark>ການພັດທະນາ</mark> ແຂວງ ການທ່ອງທ່ຽວ ແລະ ການກະສິກຳ <mark>ພັດທະນາ</mark>"

    def test_a_common_lao_word_on_its_own_is_marked_when_it_is_the_whole_query(self):
        html = highlight("ການທ່ອງທ່ຽວ ແລະ ການກະສິກຳ", parse_query("ການ").highlight)
        assert html == "<mark>ການ</mark>ທ່ອງທ່ຽວ ແລະ <mark>ການ</mark>ກະສິກຳ"

    def test_lao_excerpt_marks_the_searched_word_not_every_common_word(self):
        text = "ການທ່ອງທ່ຽວ ແລະ ການກະສິກຳ " * 30 + "ການພັດທະນາ ແຂວງຫົວພັນ" + " ການກະສິກຳ" * 30
        html = excerpt([text], parse_query("ການພັດທະນາ").highlight)
        assert html.count("<mark>") == 1 and "<mark>ການພັດທະນາ</mark>" in html

    def test_marks_plurals(self):
        assert "<mark>Conferences</mark>" in highlight("Conferences held", parse_query("conference").highlight)

    def test_excerpt_is_cut_around_the_words_between_words(self):
        text = "mở đầu " * 100 + "Hội nghị tỉnh" + " kết thúc" * 100
        html = excerpt([text], parse_query("hoi nghi").highlight)
        assert html.startswith("… ") and html.endswith(" …")
        assert "<mark>Hội nghị</mark>" in html
        assert len(html) < 400

    def test_excerpt_prefers_the_first_text_with_a_match(self):
        html = excerpt(["Lead without it.", "Body about hội nghị."], parse_query("hoi nghi").highlight)
        assert html == "Body about <mark>hội nghị</mark>."

    def test_excerpt_without_a_match_shows_the_beginning(self):
        assert excerpt(["Lead text.", "Body."], {"zzz"}) == "Lead text."
