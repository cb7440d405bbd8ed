"""Small readers of the counts, for the in-process tests."""

from django.db.models import Sum

from visits.models import Tally


def views(kind, **filters):
    return Tally.objects.filter(kind=kind, **filters).aggregate(n=Sum("views"))["n"] or 0


def site_views():
    return views(Tally.SITE)


def page_views(page):
    return views(Tally.PAGE, page_id=page.pk)


def visitor_rows():
    return Tally.objects.filter(kind=Tally.VISITOR).count()
