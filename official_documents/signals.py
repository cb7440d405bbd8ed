"""Keeping each document's copy of its register right when pages move."""

from django.dispatch import receiver
from wagtail.signals import post_page_move


@receiver(post_page_move)
def document_moved(sender, instance, parent_page_after=None, **kwargs):
    from official_documents.models import OfficialDocumentPage

    # Only the moved page changes parent; its register is the new parent.
    OfficialDocumentPage.objects.filter(pk=instance.pk, live=True).update(register_page_id=parent_page_after.pk)
