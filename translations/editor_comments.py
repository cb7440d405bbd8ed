"""The note under each translated string in wagtail-localize's editor, in the admin's language.

``StringTranslation.get_comment`` formats "Translated with {tool_name} on
{date}" with the tool's stored name and ``strftime``: the Vietnamese admin
read "Dịch bằng Translation memory ngày 3 December 2026". The tool names
the portal stores (``translations.memory``) are translated when shown, and
the date follows the admin language. ``install`` replaces the method once,
at start-up (``TranslationsConfig.ready``); the editor's props and its API
both read it.
"""

from django.utils import formats, timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_noop, pgettext
from wagtail_localize.models import StringTranslation

# The stored tool names of translations.memory, as messages.
TOOL_NAMES = {
    "Translation memory": gettext_noop("Translation memory"),
    "Glossary": gettext_noop("Glossary"),
}


def translated_on(moment):
    return formats.date_format(timezone.localtime(moment), pgettext("date a string was translated", "j F Y"))


def comment(string_translation):
    """How and when the string was translated, in the active language."""
    date = translated_on(string_translation.updated_at)
    if string_translation.tool_name:
        name = string_translation.tool_name
        tool = _(TOOL_NAMES[name]) if name in TOOL_NAMES else name
        return _("Translated with {tool_name} on {date}").format(tool_name=tool, date=date)
    if string_translation.translation_type == StringTranslation.TRANSLATION_TYPE_MANUAL:
        return _("Translated manually on {date}").format(date=date)
    if string_translation.translation_type == StringTranslation.TRANSLATION_TYPE_MACHINE:
        return _("Machine translated on {date}").format(date=date)
    return None


def install():
    StringTranslation.get_comment = comment
