"""Where visits are kept: running tallies, flush receipts and the carried-over total.

No row holds an IP address, a user agent or a cookie value. The only
per-visitor value is a keyed hash (see ``visits.privacy``), kept just long
enough to count who is online now.
"""

from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel
from wagtail.contrib.settings.models import BaseGenericSetting, register_setting


class Tally(models.Model):
    """One number that only ever grows by atomic increments.

    Three kinds of row share one table so that counting a page view is one
    ``INSERT ... ON CONFLICT DO UPDATE SET views = views + 1`` statement, a
    single database write that SQLite and PostgreSQL both run atomically:

    - ``SITE``: views of the whole portal on ``day`` (``page_id`` 0);
    - ``PAGE``: views of the Wagtail page ``page_id`` on ``day``;
    - ``VISITOR``: someone seen on ``day``; ``visitor`` is the day's keyed
      hash of their address and browser, ``seen_at`` their latest view. These
      rows are deleted minutes after ``seen_at`` (``DatabaseStore.prune``).

    ``seen_at`` moves only on visitor rows; site and page rows keep the time
    of their first view, so counting changes no indexed column of theirs.

    ``page`` has no database constraint: SITE and VISITOR rows carry 0 (no
    page) there, which keeps the upsert's conflict target free of NULLs, and
    the counts of a deleted page stay in the totals of their days.
    """

    SITE = 1
    PAGE = 2
    VISITOR = 3
    KIND_CHOICES = [(SITE, _("whole site")), (PAGE, _("page")), (VISITOR, _("visitor"))]

    kind = models.PositiveSmallIntegerField(_("kind"), choices=KIND_CHOICES)
    day = models.DateField(_("day"))
    page = models.ForeignKey(
        "wagtailcore.Page",
        verbose_name=_("page"),
        default=0,
        db_constraint=False,
        on_delete=models.DO_NOTHING,
        related_name="visit_tallies",
    )
    visitor = models.CharField(_("visitor hash"), max_length=64, blank=True, default="")
    views = models.BigIntegerField(_("views"), default=0)
    seen_at = models.DateTimeField(_("last counted at"))

    class Meta:
        verbose_name = _("visit tally")
        verbose_name_plural = _("visit tallies")
        default_permissions = ()
        permissions = [("view_report", _("Can view visit statistics"))]
        constraints = [
            # The conflict target of the counting upsert.
            models.UniqueConstraint(
                fields=["kind", "day", "page", "visitor"], name="visits_tally_key"
            ),
        ]
        indexes = [models.Index(fields=["kind", "seen_at"], name="visits_tally_seen")]

    def __str__(self):
        return f"{self.get_kind_display()} {self.day} {self.page_id}: {self.views}"


class FlushedBatch(models.Model):
    """A receipt that one batch of Redis counts reached the database.

    Written in the same transaction as the counts, so a flush that dies
    half-way and is retried never adds the same batch twice.
    """

    batch_id = models.CharField(max_length=64, unique=True)
    flushed_at = models.DateTimeField(auto_now_add=True, db_index=True)

    class Meta:
        default_permissions = ()

    def __str__(self):
        return self.batch_id


@register_setting(icon="view")
class VisitSettings(BaseGenericSetting):
    """What an editor sets about the public counter."""

    carried_over_total = models.PositiveBigIntegerField(
        _("visits carried over"),
        default=0,
        help_text=_(
            "Visits counted by the old portal, e.g. 51827387. The public total is this number "
            "plus every visit counted here."
        ),
    )

    panels = [FieldPanel("carried_over_total")]

    class Meta:
        verbose_name = _("visit statistics")

