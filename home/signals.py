from django.db.models.signals import post_delete, post_save
from django.dispatch import receiver
from wagtail.models import Page
from wagtail.signals import page_published, page_slug_changed, page_unpublished

from home import frame
from home.models import SiteIdentity


@receiver(page_published)
@receiver(page_unpublished)
@receiver(page_slug_changed)
def page_changed(sender, **kwargs):
    frame.invalidate()


@receiver(post_delete)
def page_deleted(sender, instance, **kwargs):
    if isinstance(instance, Page):
        frame.invalidate()


@receiver(post_save, sender=SiteIdentity)
@receiver(post_delete, sender=SiteIdentity)
def identity_changed(sender, **kwargs):
    frame.invalidate()
