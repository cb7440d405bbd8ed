"""Fixtures of the Vietnamese admin tests."""

import gettext

import pytest
from asgiref.local import Local
from django.core.management import call_command
from django.utils.translation import trans_real


@pytest.fixture(scope="session")
def compiled_catalogues():
    """Build the .mo files from the .po sources, so the tests judge what is in the repository.

    When something had to be compiled, forget the translations already loaded
    in this process (Django's and Python's gettext caches) so the new ones are read.
    """
    call_command("compile_catalogues", verbosity=0)
    trans_real._translations = {}
    trans_real._default = None
    trans_real._active = Local()
    gettext._translations.clear()
