"""301 for old portal addresses longer than Wagtail's redirects can store.

Liferay article addresses with their query strings often pass 255
characters, the length of ``Redirect.old_path``. Such addresses are answered
here from the importer's own records, after Wagtail's redirect middleware
found nothing. The answer is the page's current address, so it follows the
page when it is moved or renamed.
"""

from django.http import HttpResponsePermanentRedirect

from importer.models import REDIRECT_PATH_LIMIT, ImportedPage, address_key


class OldAddressMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        if response.status_code != 404:
            return response
        full_path = request.get_full_path()
        if len(full_path) <= REDIRECT_PATH_LIMIT:
            return response
        record = (
            ImportedPage.objects.filter(key=address_key(full_path), page__live=True)
            .select_related("page")
            .first()
        )
        if record is None:
            return response
        url = record.page.specific_deferred.get_url(request=request)
        return HttpResponsePermanentRedirect(url) if url else response
