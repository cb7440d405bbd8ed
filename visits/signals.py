"""Keeping the cached carried-over total honest.

The "Most read" lists need no receiver here: they are keyed by the one cache
generation, which ``core.purge`` bumps whenever a page or a view restriction
changes.
"""

from django.db.models.signals import post_save
from django.dispatch import receiver

from visits import figures, shown
from visits.models import VisitSettings


@receiver(post_save, sender=VisitSettings)
def carried_over_total_changed(sender, **kwargs):
    figures.forget_carried_over_total()
    # Other processes see the new total once their cached one expires.
    shown.shown_figures().forget()
