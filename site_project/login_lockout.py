"""Sign-in lock-out after repeated failures.

After ``FAILURE_LIMIT`` failed sign-ins for one user name from one address,
that pair is locked out for ``LOCKOUT_SECONDS``: the password is not even
checked. Counts live in the cache under a keyed hash of the user name and the
address, so neither is stored anywhere, and nothing is written to the
database. Other addresses can still sign in with that name, so an attacker
cannot lock the real user out from elsewhere.

Three parts, all wired in settings:

- ``LockoutBackend`` (first in ``AUTHENTICATION_BACKENDS``) refuses a locked
  pair on every sign-in path: the admin and Wagtail's front-end login alike;
- the ``user_login_failed`` and ``user_logged_in`` receivers count failures
  and forget them after a success;
- ``LockoutLoginForm`` (``WAGTAILADMIN_USER_LOGIN_FORM``) tells the person
  at the admin's login page why, in their language.

Behind a reverse proxy, set ``CLIENT_IP_HEADER`` (``DJANGO_CLIENT_IP_HEADER``
in production, e.g. ``HTTP_X_REAL_IP``) to the header the proxy fills with
the client's address; otherwise every visitor would share the proxy's.
"""

import hashlib
import hmac

from django.conf import settings
from django.contrib.auth.signals import user_logged_in, user_login_failed
from django.core.cache import cache
from django.core.exceptions import PermissionDenied, ValidationError
from django.utils.translation import gettext_lazy as _
from wagtail.admin.forms.auth import LoginForm

FAILURE_LIMIT = 5
LOCKOUT_SECONDS = 15 * 60
KEY_PREFIX = "login-failures:"


def client_address(request):
    header = getattr(settings, "CLIENT_IP_HEADER", "") or "REMOTE_ADDR"
    value = request.META.get(header, "") if request is not None else ""
    # A proxy may append its own hops; the first entry is the client.
    return value.split(",")[0].strip()


def failure_key(username, request):
    """The cache key for one user name and address: a keyed hash of both."""
    message = f"{str(username).casefold()}\0{client_address(request)}".encode()
    digest = hmac.new(settings.SECRET_KEY.encode(), message, hashlib.sha256).hexdigest()
    return KEY_PREFIX + digest


def is_locked_out(username, request):
    return cache.get(failure_key(username, request), 0) >= FAILURE_LIMIT


def record_failure(username, request):
    """Count one failure; reaching the limit (re)starts the lock-out period."""
    key = failure_key(username, request)
    cache.add(key, 0, LOCKOUT_SECONDS)
    try:
        failures = cache.incr(key)
    except ValueError:
        # The entry expired between add() and incr().
        cache.set(key, 1, LOCKOUT_SECONDS)
        failures = 1
    if failures >= FAILURE_LIMIT:
        cache.touch(key, LOCKOUT_SECONDS)
    return failures


def forget_failures(username, request):
    cache.delete(failure_key(username, request))


def _on_login_failed(sender, credentials, request=None, **kwargs):
    username = credentials.get("username")
    if username:
        record_failure(username, request)


def _on_logged_in(sender, request, user, **kwargs):
    forget_failures(user.get_username(), request)


user_login_failed.connect(_on_login_failed, dispatch_uid="site_project.login_lockout.failed")
user_logged_in.connect(_on_logged_in, dispatch_uid="site_project.login_lockout.logged_in")


class LockoutBackend:
    """Refuses every sign-in of a locked-out user name and address.

    Listed before Django's ``ModelBackend``: raising ``PermissionDenied``
    stops Django from asking it, so the password of a locked-out pair is
    never checked. Otherwise it answers None and the next backend decides.
    It has no ``get_user``, so sessions always name the backend that really
    signed the user in.
    """

    def authenticate(self, request, username=None, **credentials):
        if username and is_locked_out(username, request):
            raise PermissionDenied
        return None


class LockoutLoginForm(LoginForm):
    """Wagtail's login form, saying so when the user name is locked out."""

    error_messages = {
        **LoginForm.error_messages,
        "locked_out": _(
            "Too many failed sign-in attempts. For your security, signing in with this user "
            "name is blocked for %(minutes)s minutes."
        ),
    }

    def locked_out_error(self):
        return ValidationError(
            self.error_messages["locked_out"],
            code="locked_out",
            params={"minutes": LOCKOUT_SECONDS // 60},
        )

    def clean(self):
        username = self.cleaned_data.get("username")
        if username and is_locked_out(username, self.request):
            raise self.locked_out_error()
        try:
            return super().clean()
        except ValidationError:
            # This failure may have been the one that reached the limit.
            if username and is_locked_out(username, self.request):
                raise self.locked_out_error() from None
            raise
