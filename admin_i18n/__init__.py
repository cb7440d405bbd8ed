"""The Vietnamese admin: upstream catalogue overrides, their coverage, and the admin language default.

Wagtail's and wagtail-localize's own Vietnamese catalogues cover only a small
part of the admin, so the project keeps its own translations of their
strings in ``locale/vi/upstream/`` (one source .po file per upstream
catalogue) and merges them into the compiled catalogues (see
``catalogues.py`` and ``manage.py compile_catalogues``).
"""
