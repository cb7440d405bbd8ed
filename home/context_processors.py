from django.utils.functional import SimpleLazyObject
from django.utils.translation import get_language

from home.frame import get_frame


def site_frame(request):
    """``frame``: site identity, menu and sidebar of the active language."""
    return {"frame": SimpleLazyObject(lambda: get_frame(get_language()))}
