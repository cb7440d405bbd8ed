"""The translation workflow: Vietnamese content becomes English and Lao content.

Cross-cutting: works on Wagtail's ``Page``, wagtail-localize's models and
signals, never on the ``home`` or ``news`` internals.

- ``roles``: groups, page permissions and per-language moderation workflows
  (``manage.py setup_roles``);
- ``sync``: what happens when a Vietnamese page is published (draft
  translations, source re-sync, outdated marks);
- ``memory`` and ``glossary``: earlier translations and agreed terms offered
  to translators; ``machine``: the same as a wagtail-localize machine
  translator, optionally backed by DeepL or LibreTranslate;
- ``status``: one status per object and language, shared by the translators'
  dashboard panel (``panels``) and the overview report (``report``);
- ``permissions`` and ``middleware``: a translator works only in the language
  trees they may edit, snippets included.
"""
