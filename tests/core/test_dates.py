"""Datelines as each language's readers write them, in Vietnam time."""

import datetime
from zoneinfo import ZoneInfo

import pytest

from core.dates import format_date, format_datetime

# 03:00 UTC is 10:00 in Vietnam (GMT+7).
CONFERENCE = datetime.datetime(2017, 11, 2, 3, 0, tzinfo=datetime.UTC)


@pytest.mark.parametrize(
    "language, expected",
    [
        ("vi", "Thứ Năm, 02/11/2017 10:00 | GMT+7"),
        ("en", "Thursday, 2 November 2017, 10:00 (GMT+7)"),
        ("lo", "ວັນພະຫັດ, 2 ພະຈິກ 2017, 10:00 (GMT+7)"),
    ],
)
def test_dateline_in_each_language(language, expected):
    assert format_datetime(CONFERENCE, language) == expected


def test_dateline_converts_other_time_zones_to_vietnam_time():
    paris = CONFERENCE.astimezone(ZoneInfo("Europe/Paris"))
    assert format_datetime(paris, "vi") == "Thứ Năm, 02/11/2017 10:00 | GMT+7"


def test_late_evening_utc_is_the_next_day_in_vietnam():
    late = datetime.datetime(2025, 12, 31, 20, 30, tzinfo=datetime.UTC)
    assert format_datetime(late, "vi") == "Thứ Năm, 01/01/2026 03:30 | GMT+7"
    assert format_date(late, "en") == "1 January 2026"


def test_short_dates():
    assert format_date(CONFERENCE, "vi") == "02/11/2017"
    assert format_date(CONFERENCE, "lo") == "02/11/2017"
    assert format_date(datetime.date(2019, 4, 1), "en") == "1 April 2019"
