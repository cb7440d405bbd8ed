"""The admin's sign-in lock-out report: which addresses were locked out, which accounts are under attack.

Read from django-axes' failure log (``axes_accessfailurelog``, kept 30 days;
see ``core.sign_in``), so an attack spread over many addresses, none of them
locked, still shows under the account it targets. Superusers only: the log
holds addresses and whatever people typed as their user name.
"""

from datetime import timedelta

from axes.helpers import get_cool_off
from axes.models import AccessFailureLog
from django.conf import settings
from django.db.models import Count, Max, Min, Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django.views.generic import TemplateView
from wagtail.admin.auth import permission_denied
from wagtail.admin.views.generic.base import WagtailAdminTemplateMixin

from core import sign_in

ADDRESS_DAYS = 30
ACCOUNT_HOURS = 24
ROWS = 100


def locked_addresses(now):
    """Addresses locked out in the last ``ADDRESS_DAYS`` days, the latest first."""
    cool_off = get_cool_off()
    refused = Q(locked_out=True)
    rows = (
        AccessFailureLog.objects.filter(attempt_time__gte=now - timedelta(days=ADDRESS_DAYS))
        .values("ip_address")
        .annotate(
            first=Min("attempt_time", filter=refused),
            last=Max("attempt_time", filter=refused),
            refused=Count("id", filter=refused),
            # Every name tried from there, not only during the lock-out.
            names=Count("username", distinct=True),
        )
        .filter(refused__gt=0)
        .order_by("-last")[:ROWS]
    )
    for row in rows:
        # Every refused try restarts the cool-off (AXES_RESET_COOL_OFF_ON_FAILURE_DURING_LOCKOUT).
        until = row["last"] + cool_off
        row["locked_until"] = until if until > now else None
        yield row


def targeted_accounts(now):
    """User names with at least the free number of failures in the last ``ACCOUNT_HOURS`` hours."""
    rows = (
        AccessFailureLog.objects.filter(attempt_time__gte=now - timedelta(hours=ACCOUNT_HOURS))
        .exclude(username=None)
        .values("username")
        .annotate(failures=Count("id"), addresses=Count("ip_address", distinct=True), last=Max("attempt_time"))
        .filter(failures__gte=sign_in.ACCOUNT_FREE_FAILURES)
        .order_by("-last")[:ROWS]
    )
    for row in rows:
        wait = sign_in.account_wait(row["username"])
        row["waiting_until"] = now + timedelta(seconds=wait) if wait else None
        yield row


class SignInLockoutReportView(WagtailAdminTemplateMixin, TemplateView):
    page_title = _("Sign-in lock-outs")
    header_icon = "lock"
    template_name = "core/admin/sign_in_lockouts.html"

    def dispatch(self, request, *args, **kwargs):
        if not request.user.is_superuser:
            return permission_denied(request)
        return super().dispatch(request, *args, **kwargs)

    def get_breadcrumbs_items(self):
        return self.breadcrumbs_items + [{"url": "", "label": self.page_title}]

    def get_context_data(self, **kwargs):
        now = timezone.now()
        return super().get_context_data(
            addresses=list(locked_addresses(now)),
            accounts=list(targeted_accounts(now)),
            address_limit=settings.AXES_FAILURE_LIMIT,
            address_minutes=sign_in.address_lockout_minutes(),
            account_free=sign_in.ACCOUNT_FREE_FAILURES,
            account_cap_minutes=sign_in.ACCOUNT_MAX_DELAY // 60,
            address_days=ADDRESS_DAYS,
            account_hours=ACCOUNT_HOURS,
            **kwargs,
        )
