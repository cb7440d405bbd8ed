"""Locale data Django lacks for Lao.

Django ships neither a ``LANG_INFO`` entry nor a formats module for Lao
(``lo``). Without the entry, ``get_language_info("lo")`` and the
``{% get_language_info %}`` tags raise ``KeyError``; the formats module lives
in ``core/formats/lo`` and is found through ``FORMAT_MODULE_PATH``.
"""

from django.conf.locale import LANG_INFO

LAO_LANG_INFO = {
    "bidi": False,
    "code": "lo",
    "name": "Lao",
    "name_local": "ພາສາລາວ",
}


def register_lao():
    LANG_INFO.setdefault("lo", LAO_LANG_INFO)
