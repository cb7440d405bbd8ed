"""The page search's result count names what it counts.

Wagtail's page search view has no ``verbose_name``, so its column header,
"{start}-{end} of {count} {model_name}", printed "1-6 trong số 6 None" (in
English too: "1-6 of 6 None"). Giving the view the page model's names fixes
it in every admin language.
"""

from wagtail.admin.views.pages.search import SearchView
from wagtail.models import Page


def install():
    if SearchView.verbose_name is None:
        SearchView.verbose_name = Page._meta.verbose_name
    if SearchView.verbose_name_plural is None:
        SearchView.verbose_name_plural = Page._meta.verbose_name_plural
