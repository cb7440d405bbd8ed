"""Demo content for the portal: a Vietnamese site with English and Lao translations.

``data/`` holds the words (every text as a ``T(vi, en, lo)`` triple, so the
three languages cannot drift apart), ``schema`` the shapes they come in,
``pictures`` the locally drawn illustrations, ``localize`` the
wagtail-localize bookkeeping and ``loader`` the idempotent upserts that tie
them together. ``manage.py load_demo_content`` runs ``loader.load``.
"""
