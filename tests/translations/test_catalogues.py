"""The public site's own words are translated: the project's vi and lo catalogues are complete.

Two kinds of gaps fail here:
- an entry of ``locale/vi`` or ``locale/lo`` ``django.po`` that is untranslated
  or fuzzy (Django would show the English message id);
- a message the project's own templates or Python code use that is not in a
  catalogue at all (found by ``message_ids``, since ``makemessages`` is not
  run here).

Vietnamese needs every message: it is the default language of the site and
of the admin. Lao needs every message visitors can meet; messages used only
in the Wagtail admin (``ADMIN_ONLY``) are exempt, because the admin is not
offered in Lao (``WAGTAILADMIN_PERMITTED_LANGUAGES``; a test below keeps that
premise true). English message ids are English, so the English catalogue may
leave entries empty, but none may be fuzzy.

Only the project's ``django.po`` files are read; the Vietnamese overrides of
Wagtail's own admin catalogues (``locale/vi/upstream``) have tests of their own.
"""

from collections import Counter
from pathlib import Path

import polib
import pytest
from django.conf import settings

from tests.translations.message_ids import (
    ROOT,
    Message,
    project_messages,
    python_messages,
    template_messages,
)

CATALOGUE = ROOT / "locale" / "{language}" / "LC_MESSAGES" / "django.po"

# Files (or folders, ending in "/") whose messages only the Wagtail admin shows.
ADMIN_ONLY = (
    "translations/",  # the translation workflow: dashboard, editor, reports, e-mails to translators
    "home/wagtail_hooks.py",
    "admin_i18n/",
    "home/management/",
    "backup/",
    "demo/apps.py",
    "demo/management/",
    "search/admin_views.py",
    "search/wagtail_hooks.py",
    "visits/templates/visits/admin/",
    "visits/admin_views.py",
    "visits/wagtail_hooks.py",
    "visits/models.py",
    "visits/forms.py",
    "visits/management/",
    "core/admin_views.py",
    "core/wagtail_hooks.py",
    "core/templates/core/admin/",
    "core/uploads.py",
)


def catalogue(language):
    return polib.pofile(str(CATALOGUE).format(language=language))


def catalogue_keys(po):
    keys = set()
    for entry in po:
        if entry.obsolete:
            continue
        keys.add((entry.msgctxt or "", entry.msgid))
        if entry.msgid_plural:
            keys.add((entry.msgctxt or "", entry.msgid_plural))
    return keys


def is_admin_only(message):
    return any(
        message.where.startswith(path) if path.endswith("/") else message.where == path
        for path in ADMIN_ONLY
    )


def missing(language, messages):
    keys = catalogue_keys(catalogue(language))
    gaps = {}
    for message in messages:
        if (message.context, message.msgid) not in keys:
            gaps.setdefault((message.context, message.msgid), message.where)
    return [f"{where}: {msgid!r}" + (f" (context {ctx!r})" if ctx else "") for (ctx, msgid), where in gaps.items()]


@pytest.fixture(scope="module")
def messages():
    return project_messages()


@pytest.mark.parametrize("language", ["vi", "en", "lo"])
def test_every_entry_is_whole_and_once(language):
    """Branches append to the catalogues and git merges them by union: a message
    may come twice (gettext refuses the file) or lose its ``msgstr`` line (the
    entry is silently dropped, and its page shows the message id)."""
    path = Path(str(CATALOGUE).format(language=language))
    po = catalogue(language)
    written = sum(1 for line in path.read_text(encoding="utf-8").splitlines() if line.startswith("msgid "))
    assert written == len(po) + 1, f"{language}: {written - len(po) - 1} entries are not whole (no msgstr?)"
    keys = Counter((entry.msgctxt, entry.msgid) for entry in po)
    assert not [key for key, count in keys.items() if count > 1], f"{language}: messages written twice"


@pytest.mark.parametrize("language", ["vi", "lo"])
def test_no_untranslated_or_fuzzy_entries(language):
    po = catalogue(language)
    untranslated = [entry.msgid for entry in po.untranslated_entries()]
    fuzzy = [entry.msgid for entry in po.fuzzy_entries()]
    assert not untranslated, f"{language}: untranslated entries: {untranslated}"
    assert not fuzzy, f"{language}: fuzzy entries: {fuzzy}"


def test_english_catalogue_has_no_fuzzy_entries():
    assert not catalogue("en").fuzzy_entries()


def test_every_message_is_in_the_vietnamese_catalogue(messages):
    gaps = missing("vi", messages)
    assert not gaps, "Missing from locale/vi/LC_MESSAGES/django.po:\n" + "\n".join(gaps)


def test_every_message_visitors_meet_is_in_the_lao_catalogue(messages):
    public = [message for message in messages if not is_admin_only(message)]
    gaps = missing("lo", public)
    assert not gaps, "Missing from locale/lo/LC_MESSAGES/django.po:\n" + "\n".join(gaps)


def test_lao_is_not_an_admin_language():
    """The premise of ``ADMIN_ONLY``: were Lao offered in the admin, its strings would be needed."""
    assert "lo" not in dict(settings.WAGTAILADMIN_PERMITTED_LANGUAGES)


def test_the_extractor_finds_the_sites_own_words(messages):
    found = {(message.msgid, message.where) for message in messages}
    assert ("Skip to main content", "home/templates/base.html") in found
    assert ("All articles in %(title)s", "home/templates/base.html") in found
    assert ("This page of the list does not exist.", "news/models.py") in found
    assert ("The latest news from %(portal)s", "news/feeds.py") in found
    assert len(messages) > 200


def test_the_extractor_reads_every_form_of_template_tag(tmp_path):
    template = tmp_path / "sample.html"
    template.write_text(
        """{% load i18n %}
        {% translate "Plain" %} {% trans 'Single quoted' %}
        {% translate "Menu" context "navigation" as menu_label %}
        {% blocktranslate with name=user.name %}Hello {{ name }}, 100% done{% endblocktranslate %}
        {% blocktrans count counter=items|length %}One item{% plural %}{{ counter }} items{% endblocktrans %}
        {% blocktranslate trimmed %}
            Two lines
            become one
        {% endblocktranslate %}
        {% include "x.html" with label=_("In an argument") %}
        """,
        encoding="utf-8",
    )
    found = {(message.context, message.msgid) for message in template_messages(template)}
    assert found == {
        ("", "Plain"),
        ("", "Single quoted"),
        ("navigation", "Menu"),
        ("", "Hello %(name)s, 100%% done"),
        ("", "One item"),
        ("", "%(counter)s items"),
        ("", "Two lines become one"),
        ("", "In an argument"),
    }


def test_the_extractor_reads_python_calls(tmp_path):
    target = tmp_path / "sample_messages.py"
    target.write_text(
        'from django.utils.translation import gettext_lazy as _, ngettext, pgettext\n'
        'A = _("Joined " "by the parser")\n'
        'B = ngettext("%(n)s page", "%(n)s pages", 2)\n'
        'C = pgettext("month name", "May")\n'
        'D = _(variable_not_a_literal)\n',
        encoding="utf-8",
    )
    found = {(message.context, message.msgid) for message in python_messages(target)}
    assert found == {
        ("", "Joined by the parser"),
        ("", "%(n)s page"),
        ("", "%(n)s pages"),
        ("month name", "May"),
    }


def test_messages_carry_where_they_are_used():
    message = Message("", "x", "home/templates/base.html")
    assert not is_admin_only(message)
    assert is_admin_only(Message("", "x", "translations/templates/translations/panels/translator_tasks.html"))
    assert is_admin_only(Message("", "x", "home/wagtail_hooks.py"))
