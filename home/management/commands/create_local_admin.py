"""manage.py create_local_admin: a superuser for trying the admin locally.

The password comes from PORTAL_ADMIN_PASSWORD or is generated afresh; it is
printed once and never stored in the repository. Running the command again
resets the same ``admin`` account. The address printed is the one the local
server answers on (``WAGTAILADMIN_BASE_URL``, built from ``make run``'s HOST and
PORT), not a fixed port.
"""

import os
import secrets

from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.management.base import BaseCommand

USERNAME = "admin"
EMAIL = "admin@sonla.gov.vn"


def admin_url():
    return settings.WAGTAILADMIN_BASE_URL.rstrip("/") + "/admin/"


class Command(BaseCommand):
    help = "Create or reset the local superuser 'admin' and print how to log in."

    def handle(self, *args, **options):
        password = os.environ.get("PORTAL_ADMIN_PASSWORD") or secrets.token_urlsafe(12)
        User = get_user_model()
        user, created = User.objects.get_or_create(
            username=USERNAME, defaults={"email": EMAIL}
        )
        user.is_staff = user.is_superuser = user.is_active = True
        if not user.email:
            user.email = EMAIL
        user.set_password(password)
        user.save()
        action = "Created" if created else "Reset"
        self.stdout.write(f"{action} superuser.")
        self.stdout.write(f"URL:      {admin_url()}")
        self.stdout.write(f"User:     {USERNAME}")
        self.stdout.write(f"Password: {password}")
