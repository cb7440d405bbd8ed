"""Sign-in lock-out: per address (django-axes), and a capped slow-down per account.

Two rules, on every sign-in path (the admin and Wagtail's front-end login
alike, since both go through ``AUTHENTICATION_BACKENDS``):

1. **Per address** (django-axes, settings ``AXES_*``): ``AXES_FAILURE_LIMIT``
   failed sign-ins from one address, whatever the user names, lock that
   address out for ``AXES_COOLOFF_TIME``. Axes keeps its counts in the
   database (``axes_accessattempt``) and a log of failures
   (``axes_accessfailurelog``) for the admin's lock-out report; log rows older
   than ``LOG_RETENTION`` are deleted.
2. **Per account, whatever the address** (this module, in the cache): after
   ``ACCOUNT_FREE_FAILURES`` failures for one user name from anywhere, each
   further try must wait ``ACCOUNT_FIRST_DELAY`` seconds after the last
   failure, doubling with every failure up to ``ACCOUNT_MAX_DELAY``. This is
   what stops an attack spread over many addresses (each staying under the
   address limit) while never locking the account for longer than the cap.
   A browser's address from which that user name signed in successfully in
   the last ``KNOWN_GOOD_SECONDS`` is exempt: the real editor at their usual
   office keeps signing in during an attack from elsewhere. A success clears
   the account's failures; they are forgotten ``ACCOUNT_MEMORY_SECONDS`` after
   the last one.

Tries refused by either rule never check the password; they still count
towards the address limit (an address that keeps trying stays locked), but
not towards the account's delay (else the cap would be the only bound).
The account counters are keyed hashes of the user name (and address), so
the cache holds neither. The visitor's address comes from
``core.client_address`` (the one rule behind proxies).

``LockoutLoginForm`` (``WAGTAILADMIN_USER_LOGIN_FORM``) tells the person at
the admin's login page which rule stopped them and for how long, in their
language.
"""

import hashlib
import hmac
import math
import time
from datetime import timedelta

from axes.handlers.proxy import AxesProxyHandler
from axes.helpers import get_cool_off, get_credentials
from axes.models import AccessFailureLog
from django.conf import settings
from django.contrib.auth.signals import user_logged_in, user_login_failed
from django.core.cache import cache
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import HttpResponse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from wagtail.admin.forms.auth import LoginForm

from core.client_address import client_address

ACCOUNT_FREE_FAILURES = 5
ACCOUNT_FIRST_DELAY = 60
ACCOUNT_MAX_DELAY = 15 * 60
ACCOUNT_MEMORY_SECONDS = 24 * 60 * 60
KNOWN_GOOD_SECONDS = 30 * 24 * 60 * 60
LOG_RETENTION = timedelta(days=30)
KEY_PREFIX = "sign-in:"

# Replaced in tests to move time on.
clock = time.time

ADDRESS_LOCKED = _(
    "Too many failed sign-in attempts from your network address. For your security, signing in "
    "from it is blocked for %(minutes)s minutes."
)
ACCOUNT_SLOWED = _(
    "Too many failed sign-in attempts for this user name. For your security, try again in "
    "%(minutes)s min."
)


def _digest(*parts):
    message = "\0".join(parts).encode()
    return hmac.new(settings.SECRET_KEY.encode(), message, hashlib.sha256).hexdigest()


def _account(username):
    return str(username).casefold()


def _count_key(username):
    return f"{KEY_PREFIX}count:{_digest('account', _account(username))}"


def _last_key(username):
    return f"{KEY_PREFIX}last:{_digest('account', _account(username))}"


def _known_key(username, request):
    return f"{KEY_PREFIX}known:{_digest('known', _account(username), client_address(request))}"


def account_delay(failures):
    """Seconds an account waits after its ``failures``-th failure in a row (0: no wait)."""
    if failures < ACCOUNT_FREE_FAILURES:
        return 0
    steps = failures - ACCOUNT_FREE_FAILURES
    if steps >= 16:  # far past the cap; spares computing a huge power of two
        return ACCOUNT_MAX_DELAY
    return min(ACCOUNT_FIRST_DELAY * 2**steps, ACCOUNT_MAX_DELAY)


def is_known_good(username, request):
    return request is not None and cache.get(_known_key(username, request)) is not None


def account_wait(username, request=None):
    """Seconds this client must still wait before trying ``username`` again (0: may try now)."""
    if not username or is_known_good(username, request):
        return 0
    values = cache.get_many([_count_key(username), _last_key(username)])
    failures = values.get(_count_key(username), 0)
    last = values.get(_last_key(username))
    if last is None:
        return 0
    return max(0, math.ceil(last + account_delay(failures) - clock()))


def record_account_failure(username):
    """Count one failed password for ``username``, from any address."""
    count_key = _count_key(username)
    cache.add(count_key, 0, ACCOUNT_MEMORY_SECONDS)
    try:
        failures = cache.incr(count_key)
    except ValueError:
        # The entry expired between add() and incr().
        cache.set(count_key, 1, ACCOUNT_MEMORY_SECONDS)
        failures = 1
    cache.touch(count_key, ACCOUNT_MEMORY_SECONDS)
    cache.set(_last_key(username), clock(), ACCOUNT_MEMORY_SECONDS)
    return failures


def forget_account_failures(username):
    cache.delete_many([_count_key(username), _last_key(username)])


def address_locked(request, username=None):
    """Whether django-axes refuses this client's address (``AXES_LOCKOUT_PARAMETERS``)."""
    return request is not None and not AxesProxyHandler.is_allowed(request, get_credentials(username))


def address_lockout_minutes(request=None):
    return math.ceil(get_cool_off(request).total_seconds() / 60)


# Receivers -------------------------------------------------------------------


def _on_login_failed(sender, credentials, request=None, **kwargs):
    username = credentials.get("username")
    # Only failures where a password was really checked slow the account down.
    if username and getattr(request, "sign_in_password_checked", False):
        record_account_failure(username)
    AccessFailureLog.objects.filter(attempt_time__lt=timezone.now() - LOG_RETENTION).delete()


def _on_logged_in(sender, request, user, **kwargs):
    username = user.get_username()
    forget_account_failures(username)
    if request is not None:
        cache.set(_known_key(username, request), 1, KNOWN_GOOD_SECONDS)


user_login_failed.connect(_on_login_failed, dispatch_uid="core.sign_in.failed")
user_logged_in.connect(_on_logged_in, dispatch_uid="core.sign_in.logged_in")


class AccountThrottleBackend:
    """Refuses a user name that must still wait; otherwise lets the next backend check the password.

    Listed after django-axes' backend (which refuses locked addresses) and
    before Django's ``ModelBackend``: raising ``PermissionDenied`` stops
    Django from asking further, so a waiting account's password is never
    checked. It has no ``get_user``, so sessions always name the backend that
    really signed the user in.
    """

    def authenticate(self, request, username=None, **credentials):
        if not username:
            return None
        if account_wait(username, request):
            raise PermissionDenied
        if request is not None:
            request.sign_in_password_checked = True
        return None


def lockout_response(request, original_response=None, credentials=None):
    """``AXES_LOCKOUT_CALLABLE``: keep the login page, which already says why, in the visitor's language."""
    if isinstance(original_response, HttpResponse):
        return original_response
    message = ADDRESS_LOCKED % {"minutes": address_lockout_minutes(request)}
    return HttpResponse(message, status=429, content_type="text/plain; charset=utf-8")


class LockoutLoginForm(LoginForm):
    """Wagtail's login form, saying so when the address is locked or the account must wait."""

    error_messages = {
        **LoginForm.error_messages,
        "address_locked": ADDRESS_LOCKED,
        "account_slowed": ACCOUNT_SLOWED,
    }

    def refusal(self, username):
        """The error that explains why this try was refused, or None for a plain wrong password."""
        if address_locked(self.request, username):
            return ValidationError(
                self.error_messages["address_locked"],
                code="address_locked",
                params={"minutes": address_lockout_minutes(self.request)},
            )
        wait = account_wait(username, self.request)
        if wait:
            return ValidationError(
                self.error_messages["account_slowed"],
                code="account_slowed",
                params={"minutes": math.ceil(wait / 60)},
            )
        return None

    def clean(self):
        username = self.cleaned_data.get("username")
        try:
            # Always through authenticate(), so a refused try still counts for the address.
            return super().clean()
        except ValidationError:
            refusal = self.refusal(username) if username else None
            if refusal is not None:
                raise refusal from None
            raise

