"""What text editors and translators save may hold, and how long it may be.

Two rules live here because every app needs them and none owns them:

- Invisible format characters that change how text is read or shown (the
  right-to-left override U+202E and its relatives, byte-order marks, invisible
  operators) never belong in Vietnamese, English or Lao text. Pasted into a
  title they reorder what visitors see, or hide words from search. They are
  removed wherever text comes in (``core.admin_input`` for the admin,
  ``translations.signals`` for translated strings).
  Zero-width joiner and non-joiner (U+200C, U+200D) and the zero-width space
  (U+200B, used as a line-break hint in Lao and Thai text) are left alone.
- Field lengths: the limits the models, blocks and the admin's browser checks
  share, so that the request-size limit (``DATA_UPLOAD_MAX_MEMORY_SIZE``) is
  far above any form that keeps to them.
"""

import re
import unicodedata

from django.utils.translation import ngettext

# Longest plain-text fields, in characters.
TITLE_MAX_LENGTH = 255
LEAD_MAX_LENGTH = 1000
INTRO_MAX_LENGTH = 1500
QUOTE_MAX_LENGTH = 1500
CAPTION_MAX_LENGTH = 500
ALT_TEXT_MAX_LENGTH = 500
TABLE_CELL_MAX_LENGTH = 1000
# Characters of text (not markup) in one rich-text paragraph block.
PARAGRAPH_MAX_LENGTH = 10000

INVISIBLE_CHARACTERS = re.compile(
    "["
    "\u061c"  # Arabic letter mark
    "\u180e"  # Mongolian vowel separator
    "\u200e\u200f"  # left-to-right and right-to-left marks
    "\u202a-\u202e"  # embeddings, overrides, pop directional formatting
    "\u2060-\u2064"  # word joiner and invisible operators
    "\u2066-\u2069"  # directional isolates
    "\u206a-\u206f"  # deprecated format characters
    "\ufeff"  # byte-order mark / zero-width no-break space
    "\ufff9-\ufffb"  # interlinear annotation
    "]"
)


def find_invisible(text):
    """The invisible characters in ``text``, in order of first appearance."""
    if not isinstance(text, str):
        return []
    return list(dict.fromkeys(INVISIBLE_CHARACTERS.findall(text)))


def strip_invisible(text):
    """``text`` without invisible format characters (non-strings pass unchanged)."""
    if not isinstance(text, str):
        return text
    return INVISIBLE_CHARACTERS.sub("", text)


def describe(characters):
    """"U+202E RIGHT-TO-LEFT OVERRIDE, U+200F RIGHT-TO-LEFT MARK" for a message."""
    return ", ".join(
        f"U+{ord(char):04X} {unicodedata.name(char, '')}".strip() for char in characters
    )


def removed_message(characters, count):
    """The notice shown when ``count`` invisible characters were removed."""
    return ngettext(
        "%(count)d invisible character that changes how text is shown (%(characters)s) was "
        "removed from what you sent. Check the text before publishing.",
        "%(count)d invisible characters that change how text is shown (%(characters)s) were "
        "removed from what you sent. Check the text before publishing.",
        count,
    ) % {"count": count, "characters": describe(characters)}
