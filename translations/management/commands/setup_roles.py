"""``manage.py setup_roles [--demo-users]``: the portal's groups, permissions and workflows.

Idempotent: run it after the language trees exist (``make run`` runs it
after loading the demo content) and again whenever ``translations/roles.py``
changes. ``--demo-users`` also creates or resets one user per role and
prints their passwords: ``PORTAL_DEMO_PASSWORD`` sets one password for all,
otherwise each gets a new random one on every run.
"""

import os
import secrets

from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.management.base import BaseCommand
from django.db import transaction
from wagtail.users.models import UserProfile

from translations.roles import ROLES, apply_roles, role_group


class Command(BaseCommand):
    help = "Create or update the editor, moderator, translator and reviewer roles and workflows."

    def add_arguments(self, parser):
        parser.add_argument(
            "--demo-users",
            action="store_true",
            help="Also create or reset one demo user per role and print their passwords.",
        )

    def handle(self, *args, demo_users=False, verbosity=1, **options):
        for line in apply_roles():
            if verbosity > 1:
                self.stdout.write(line)
        self.stdout.write(self.style.SUCCESS(f"Roles ready: {', '.join(role.group_name for role in ROLES)}."))
        if demo_users:
            self.create_demo_users()

    @transaction.atomic
    def create_demo_users(self):
        shared = os.environ.get("PORTAL_DEMO_PASSWORD", "").strip()
        User = get_user_model()
        self.stdout.write(f"Demo users (log in at {settings.WAGTAILADMIN_BASE_URL.rstrip('/')}/admin/):")
        for role in ROLES:
            password = shared or secrets.token_urlsafe(9)
            user, _ = User.objects.get_or_create(
                username=role.demo_username, defaults={"email": f"{role.demo_username}@example.com"}
            )
            user.email = user.email or f"{role.demo_username}@example.com"
            user.first_name = role.group_name
            user.is_active, user.is_staff, user.is_superuser = True, False, False
            user.set_password(password)
            user.save()
            user.groups.set([role_group(role.key)])
            if role.admin_language:
                profile = UserProfile.get_for_user(user)
                profile.preferred_language = role.admin_language
                profile.save()
            self.stdout.write(f"  {role.group_name:<32} {role.demo_username:<14} {password}")
