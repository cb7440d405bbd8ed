"""Body blocks: key figures, images that need alt text, translatable tables."""

from decimal import Decimal

import pytest
from django.core.exceptions import ValidationError
from django.utils import translation
from wagtail.blocks import StreamBlockValidationError, StructBlockValidationError
from wagtail.images.models import Image
from wagtail.images.tests.utils import get_test_image_file
from wagtail_localize.segments import StringSegmentValue

from core.blocks import BodyStreamBlock, StatisticsBlock, TableBlock
from news.models import NewsPage


def statistics_value(*values):
    return StatisticsBlock().to_python(
        {
            "heading": "Số liệu chính",
            "figures": [{"value": str(v), "unit": "", "label": f"Nhãn {i}"} for i, v in enumerate(values)],
        }
    )


@pytest.mark.parametrize(
    "language, expected",
    [("vi", "51.827.387"), ("en", "51,827,387"), ("lo", "51.827.387")],
)
def test_statistics_numbers_follow_the_language(language, expected):
    with translation.override(language):
        html = StatisticsBlock().render(statistics_value(51827387))
    assert expected in html
    assert "Số liệu chính" in html


@pytest.mark.parametrize(
    "language, expected",
    [("vi", "54,5"), ("en", "54.5"), ("lo", "54,5")],
)
def test_statistics_keep_meaningful_decimals_only(language, expected):
    with translation.override(language):
        html = StatisticsBlock().render(statistics_value(Decimal("54.50"), Decimal("12.00")))
    assert expected in html
    assert ">12<" in html.replace(" ", "") or "12\n" in html


def test_statistics_take_one_to_eight_figures():
    block = StatisticsBlock()
    with pytest.raises(StructBlockValidationError):
        block.clean(statistics_value())
    with pytest.raises(StructBlockValidationError):
        block.clean(statistics_value(*range(9)))
    assert len(block.clean(statistics_value(*range(8)))["figures"]) == 8


@pytest.fixture(autouse=True)
def _english():
    # Messages are read in English, whatever language an earlier test left active.
    with translation.override("en"):
        yield


@pytest.fixture
def image(db):
    return Image.objects.create(title="Ảnh thử", file=get_test_image_file())


def test_body_image_without_alt_text_is_refused(image):
    body = BodyStreamBlock()
    value = body.to_python(
        [{"type": "image", "value": {"image": {"image": image.pk, "alt_text": "", "decorative": False}, "caption": ""}}]
    )
    with pytest.raises(StreamBlockValidationError) as error:
        body.clean(value)
    assert "alt text" in str(error.value.as_json_data()).lower()


@pytest.mark.parametrize("alt_text, decorative", [("Đồi chè Mộc Châu", False), ("", True)])
def test_body_image_with_alt_text_or_decorative_is_accepted(image, alt_text, decorative):
    body = BodyStreamBlock()
    value = body.to_python(
        [{"type": "image", "value": {"image": {"image": image.pk, "alt_text": alt_text, "decorative": decorative}, "caption": ""}}]
    )
    body.clean(value)


def test_main_image_without_alt_text_is_refused_with_a_clear_message(image):
    page = NewsPage(title="Tin", lead="Mở đầu", image=image)
    with pytest.raises(ValidationError) as error:
        page.clean()
    assert "alt text" in str(error.value.message_dict["image_alt"])
    page.image_decorative = True
    page.clean()


def test_table_cells_and_caption_are_translatable():
    block = TableBlock()
    value = {
        "data": [["Năm", "Lượt truy cập"], ["2024", "1.000"]],
        "table_caption": "Lượt truy cập theo năm",
        "first_row_is_table_header": True,
        "first_col_is_header": False,
    }
    segments = block.get_translatable_segments(value)
    assert [s.path for s in segments] == ["caption", "0.0", "0.1", "1.0", "1.1"]
    translated = [
        StringSegmentValue(s.path, s.render_text().replace("Lượt truy cập", "Visits").replace("Năm", "Year"))
        for s in segments
    ]
    result = block.restore_translated_segments(value, translated)
    assert result["table_caption"] == "Visits theo năm"
    assert result["data"][0] == ["Year", "Visits"]
    assert value["data"][0] == ["Năm", "Lượt truy cập"], "the source value is left untouched"


def test_table_without_header_is_refused():
    block = TableBlock()
    with pytest.raises(ValidationError):
        block.clean({"data": [["a", "b"]], "first_row_is_table_header": False, "first_col_is_header": False})
