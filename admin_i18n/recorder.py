"""Record every message id the translation machinery looks up.

Django's ``gettext``, ``pgettext``, ``ngettext``, lazy strings and the
``{% translate %}``/``{% blocktranslate %}`` tags all end in a
``DjangoTranslation`` object's ``gettext`` or ``ngettext`` method, so
wrapping those two methods sees every lookup, whatever module imported the
functions and however early.
"""

from contextlib import contextmanager
from dataclasses import dataclass, field

from django.utils.translation import get_language
from django.utils.translation.trans_real import DjangoTranslation

CONTEXT_SEPARATOR = "\x04"


@dataclass
class Lookups:
    """The (msgctxt, msgid) pairs looked up while recording, in the active language(s)."""

    languages: set = field(default_factory=set)
    keys: set = field(default_factory=set)

    def add(self, message):
        context, _, msgid = message.rpartition(CONTEXT_SEPARATOR)
        self.keys.add((context, msgid))
        self.languages.add(get_language())


@contextmanager
def record_lookups():
    """Yield a ``Lookups`` collecting every message looked up inside the block."""
    lookups = Lookups()
    original_gettext = DjangoTranslation.gettext
    original_ngettext = DjangoTranslation.ngettext

    def gettext(self, message):
        lookups.add(message)
        return original_gettext(self, message)

    def ngettext(self, msgid1, msgid2, n):
        lookups.add(msgid1)
        return original_ngettext(self, msgid1, msgid2, n)

    DjangoTranslation.gettext = gettext
    DjangoTranslation.ngettext = ngettext
    try:
        yield lookups
    finally:
        DjangoTranslation.gettext = original_gettext
        DjangoTranslation.ngettext = original_ngettext
