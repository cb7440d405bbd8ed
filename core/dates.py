"""Dates written the way each language's readers expect.

Django's own names cannot serve here: it has no Lao catalogue, and the
Vietnamese portal convention (``Thứ Năm, 02/11/2017 10:00 | GMT+7``) is not
one of its formats.
"""

from django.utils import timezone

WEEKDAYS = {
    "vi": ["Thứ Hai", "Thứ Ba", "Thứ Tư", "Thứ Năm", "Thứ Sáu", "Thứ Bảy", "Chủ Nhật"],
    "en": ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"],
    "lo": ["ວັນຈັນ", "ວັນອັງຄານ", "ວັນພຸດ", "ວັນພະຫັດ", "ວັນສຸກ", "ວັນເສົາ", "ວັນອາທິດ"],
}
MONTHS = {
    "en": [
        "January", "February", "March", "April", "May", "June", "July",
        "August", "September", "October", "November", "December",
    ],
    "lo": [
        "ມັງກອນ", "ກຸມພາ", "ມີນາ", "ເມສາ", "ພຶດສະພາ", "ມິຖຸນາ", "ກໍລະກົດ",
        "ສິງຫາ", "ກັນຍາ", "ຕຸລາ", "ພະຈິກ", "ທັນວາ",
    ],
}


def gmt_offset(value):
    """``GMT+7`` for Vietnam time; minutes are shown only when not whole hours."""
    minutes = int(value.utcoffset().total_seconds() // 60)
    sign = "+" if minutes >= 0 else "-"
    hours, rest = divmod(abs(minutes), 60)
    return f"GMT{sign}{hours}" + (f":{rest:02d}" if rest else "")


def format_datetime(value, language):
    """The article dateline in ``language`` (vi, en or lo), in the site's time zone."""
    local = timezone.localtime(value)
    weekday = WEEKDAYS.get(language, WEEKDAYS["en"])[local.weekday()]
    offset = gmt_offset(local)
    clock = local.strftime("%H:%M")
    if language == "vi":
        return f"{weekday}, {local:%d/%m/%Y} {clock} | {offset}"
    month = MONTHS.get(language, MONTHS["en"])[local.month - 1]
    return f"{weekday}, {local.day} {month} {local.year}, {clock} ({offset})"


def format_date(value, language):
    """A short date for lists: ``02/11/2017`` in vi and lo, ``2 November 2017`` in en."""
    if hasattr(value, "tzinfo") and getattr(value, "hour", None) is not None:
        value = timezone.localtime(value)
    if language == "en":
        return f"{value.day} {MONTHS['en'][value.month - 1]} {value.year}"
    return f"{value:%d/%m/%Y}"
