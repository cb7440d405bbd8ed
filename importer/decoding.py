"""Old pages' bytes to Unicode NFC text, whatever encoding the old portal used.

Old Vietnamese pages come in UTF-8, Windows-1258 or other legacy code pages,
declared or not, sometimes wrongly. Windows-1258 writes most toned letters
as a base letter plus a combining tone mark, so text decoded from it is
normalised to NFC: otherwise "ộ" typed by a reader would not find the
decomposed "ô" + dot below in the article (see STACK-NOTES, search).
"""

import re
import unicodedata

from charset_normalizer import from_bytes

_DECLARED = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?\s*([A-Za-z0-9_.:-]+)""", re.IGNORECASE)
# Code pages old Vietnamese sites were written in, tried when nothing is declared.
VIETNAMESE_CODEPAGES = ["cp1258", "utf_8", "cp1252", "latin_1"]


def declared_charset(data, header=None):
    """The charset the HTTP header or the page's <meta> declares, if Python knows it."""
    for candidate in (header, _first_meta(data)):
        if candidate:
            try:
                return _codec_name(candidate)
            except LookupError:
                continue
    return None


def _first_meta(data):
    match = _DECLARED.search(data[:4096])
    return match.group(1).decode("ascii", "ignore") if match else None


def _codec_name(name):
    import codecs

    return codecs.lookup(name.strip().lower().replace("windows-", "cp")).name


def decode(data, header_charset=None):
    """``(text, encoding, warnings)`` for a page's bytes; text is NFC."""
    warnings = []
    # Valid UTF-8 of any length is almost never anything else.
    try:
        text = data.decode("utf-8")
        encoding = "utf-8"
    except UnicodeDecodeError:
        declared = declared_charset(data, header_charset)
        text = encoding = None
        if declared and declared not in ("utf-8",):
            try:
                text, encoding = data.decode(declared), declared
            except UnicodeDecodeError:
                text = None
        if text is None:
            best = from_bytes(data, cp_isolation=VIETNAMESE_CODEPAGES).best()
            if best is None:
                text, encoding = data.decode("cp1258", errors="replace"), "cp1258"
                warnings.append("encoding not recognised; read as Windows-1258 with replacements")
            else:
                text, encoding = str(best), best.encoding
            if declared and declared != encoding:
                warnings.append(f"declared encoding {declared} was wrong; read as {encoding}")
    if text.startswith("\ufeff"):
        text = text[1:]
    return unicodedata.normalize("NFC", text), encoding, warnings
