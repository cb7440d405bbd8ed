"""The glossary and the record of translations left behind by source edits."""

import unicodedata

from django.db import models
from django.db.models.functions import Lower
from django.utils.translation import gettext_lazy as _


def normalise_term(text):
    """NFC and case-folded, so "Ủy ban" typed with combining marks still matches."""
    return unicodedata.normalize("NFC", text or "").strip().casefold()


class GlossaryTerm(models.Model):
    """A Vietnamese term with its agreed English and Lao equivalents.

    Shown to translators next to the text they translate, and used as-is
    when a whole segment is just the term (a heading, a table cell).
    """

    term = models.CharField(_("Vietnamese term"), max_length=255)
    english = models.CharField(_("English"), max_length=255, blank=True)
    lao = models.CharField(_("Lao"), max_length=255, blank=True)
    note = models.TextField(
        _("note"), blank=True, help_text=_("Usage advice for translators, shown with the term.")
    )
    updated_at = models.DateTimeField(_("updated at"), auto_now=True)

    # Target language code -> field holding the agreed term in that language.
    TARGET_FIELDS = {"en": "english", "lo": "lao"}

    class Meta:
        verbose_name = _("glossary term")
        verbose_name_plural = _("glossary")
        ordering = ["term"]
        constraints = [
            models.UniqueConstraint(Lower("term"), name="translations_glossary_unique_term"),
        ]
        permissions = [
            ("view_translation_overview", _("Can view the translation overview report")),
        ]

    def __str__(self):
        return self.term

    def save(self, *args, **kwargs):
        self.term = unicodedata.normalize("NFC", self.term.strip())
        self.english = unicodedata.normalize("NFC", self.english.strip())
        self.lao = unicodedata.normalize("NFC", self.lao.strip())
        super().save(*args, **kwargs)

    def target(self, language_code):
        """The agreed term in ``language_code``; empty when there is none."""
        field = self.TARGET_FIELDS.get(language_code)
        return getattr(self, field) if field else ""


class OutdatedTranslation(models.Model):
    """A translation whose source text changed after it was last published.

    Keyed by wagtail-localize's object id (the ``translation_key``) and the
    target locale rather than by foreign keys to ``Translation``: marks are
    written from segment signals, which also fire while wagtail-localize
    deletes a source, and a key cannot dangle the way a foreign key would.
    A mark is removed once a translation made after ``since`` is published.
    """

    object_id = models.UUIDField(_("translatable object"), db_index=True)
    locale = models.ForeignKey(
        "wagtailcore.Locale", verbose_name=_("locale"), on_delete=models.CASCADE, related_name="+"
    )
    since = models.DateTimeField(_("outdated since"))

    class Meta:
        verbose_name = _("outdated translation")
        verbose_name_plural = _("outdated translations")
        constraints = [
            models.UniqueConstraint(fields=["object_id", "locale"], name="translations_outdated_unique"),
        ]

    def __str__(self):
        return f"{self.object_id} ({self.locale}) since {self.since:%Y-%m-%d %H:%M}"


class RoleGroup(models.Model):
    """Which Django group is a role of ``translations.roles``, by the role's key.

    Group names are what people read (in Vietnamese, and editable); code
    finds a role's group through its key, which never changes.
    """

    key = models.CharField(max_length=40, unique=True)
    group = models.OneToOneField("auth.Group", on_delete=models.CASCADE, related_name="portal_role")

    def __str__(self):
        return self.key


class LanguageWorkflow(models.Model):
    """The moderation workflow and approval task of one language tree, by language code."""

    language = models.CharField(max_length=10, unique=True)
    workflow = models.OneToOneField("wagtailcore.Workflow", on_delete=models.CASCADE, related_name="+")
    task = models.OneToOneField("wagtailcore.Task", on_delete=models.CASCADE, related_name="+")

    def __str__(self):
        return self.language
