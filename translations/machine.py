"""A wagtail-localize machine translator that tries the site's own memory first.

The translation editor's "Translate with ..." button fills every untranslated
string. This translator answers, for each string, with (1) the best earlier
translation of the same source text anywhere on the site, (2) the glossary's
agreed term when the string is exactly a term, and only then (3) the external
service configured in ``OPTIONS["SERVICE"]`` (see ``machine_settings``), if any
and if it handles the target language. Strings nobody can translate are left
out, and wagtail-localize leaves them untranslated.
"""

import logging

from django.utils.module_loading import import_string
from django.utils.translation import gettext_lazy as _
from wagtail_localize.machine_translators.base import BaseMachineTranslator
from wagtail_localize.models import String
from wagtail_localize.strings import StringValue

from translations import glossary
from translations.memory import best_translations

logger = logging.getLogger(__name__)


class MemoryFirstTranslator(BaseMachineTranslator):
    def __init__(self, options):
        super().__init__(options)
        service = options.get("SERVICE")
        self.service = None
        self.service_languages = ()
        if service:
            self.service = import_string(service["CLASS"])(service.get("OPTIONS", {}))
            self.service_languages = tuple(service.get("LANGUAGES", ()))

    @property
    def display_name(self):
        if self.service is not None:
            return _("translation memory, glossary and %(service)s") % {
                "service": self.service.display_name
            }
        return _("translation memory and glossary")

    def can_translate(self, source_locale, target_locale):
        return source_locale.language_code != target_locale.language_code

    def _service_handles(self, source_locale, target_locale):
        return (
            self.service is not None
            and target_locale.language_code in self.service_languages
            and self.service.can_translate(source_locale, target_locale)
        )

    def translate(self, source_locale, target_locale, strings):
        strings = list(strings)
        by_hash = {String._get_data_hash(value.data): value for value in strings}
        known = dict(
            String.objects.filter(locale=source_locale, data_hash__in=by_hash).values_list("data_hash", "pk")
        )
        remembered = best_translations(known.values(), target_locale.pk)
        terms = glossary.all_terms()
        result, rest = {}, []
        for data_hash, value in by_hash.items():
            candidate = remembered.get(known.get(data_hash))
            term = None if candidate or "<" in value.data else glossary.exact_term(value.data, terms)
            agreed = term.target(target_locale.language_code) if term else ""
            if candidate is not None:
                result[value] = StringValue(candidate.data)
            elif agreed:
                result[value] = StringValue.from_plaintext(agreed)
            else:
                rest.append(value)
        if rest and self._service_handles(source_locale, target_locale):
            try:
                result.update(self.service.translate(source_locale, target_locale, rest))
            except Exception:
                # The service is optional: a network failure must not lose
                # what memory and glossary already provided.
                logger.exception("Machine translation service failed")
        return result
