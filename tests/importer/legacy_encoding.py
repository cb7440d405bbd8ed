"""Writes Vietnamese text the way Windows-1258 pages did: base letters plus combining tone marks.

Python's cp1258 codec cannot encode precomposed toned letters ("ộ"); old
editors wrote the letter with its shape mark ("ô") and a separate tone mark.
Used to write the fixture page ``windows-1258`` and checked by the tests.
"""

import unicodedata

TONE_MARKS = {"\u0300", "\u0301", "\u0303", "\u0309", "\u0323"}


def encode_cp1258(text):
    out = []
    for char in unicodedata.normalize("NFC", text):
        decomposed = unicodedata.normalize("NFD", char)
        base = "".join(mark for mark in decomposed if mark not in TONE_MARKS)
        tones = "".join(mark for mark in decomposed if mark in TONE_MARKS)
        out.append(unicodedata.normalize("NFC", base) + tones)
    return "".join(out).encode("cp1258")
