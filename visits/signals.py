"""Keeping the cached carried-over total and "Most read" lists honest."""

from django.db.models.signals import post_delete, post_save
from django.dispatch import receiver
from wagtail.models import Page
from wagtail.signals import page_published, page_slug_changed, page_unpublished

from visits import figures, most_read, shown
from visits.models import VisitSettings


@receiver(post_save, sender=VisitSettings)
def carried_over_total_changed(sender, **kwargs):
    figures.forget_carried_over_total()
    # Other processes see the new total once their cached one expires.
    shown.shown_figures().forget()


@receiver(page_published)
@receiver(page_unpublished)
@receiver(page_slug_changed)
def page_changed(sender, **kwargs):
    # A title, address or live status in a cached list may have changed.
    most_read.invalidate()


@receiver(post_delete, sender=Page)
def page_deleted(sender, instance, **kwargs):
    most_read.invalidate()
