"""Admin for the ground floor: the sign-in lock-out report (Reports menu, superusers only)."""

from django.urls import path, reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.menu import MenuItem

from core.admin_views import SignInLockoutReportView


@hooks.register("register_admin_urls")
def register_sign_in_lockout_urls():
    return [path("reports/sign-in-lockouts/", SignInLockoutReportView.as_view(), name="core_sign_in_lockouts")]


class SuperuserMenuItem(MenuItem):
    def is_shown(self, request):
        return request.user.is_superuser


@hooks.register("register_reports_menu_item")
def register_sign_in_lockout_menu_item():
    return SuperuserMenuItem(
        _("Sign-in lock-outs"),
        reverse("core_sign_in_lockouts"),
        name="sign-in-lockouts",
        icon_name="lock",
        order=1300,
    )
