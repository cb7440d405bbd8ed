"""Fixtures of the Vietnamese admin tests."""

import pytest
from django.core.management import call_command

from admin_i18n.coverage import forget_loaded_translations


@pytest.fixture(scope="session")
def compiled_catalogues():
    """Build the .mo files from the .po sources, so the tests judge what is in the repository."""
    call_command("compile_catalogues", verbosity=0)
    forget_loaded_translations()
