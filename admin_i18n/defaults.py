"""A new account's admin language: Vietnamese, or English for the English roles.

Wagtail leaves a new user's admin language empty and then follows the
browser's ``Accept-Language``, so an editor on an English browser would meet an
English admin. The portal's editors work in Vietnamese: a new account starts
with the site's default language (``LANGUAGE_CODE``) stored in its profile.

English translators and reviewers are the exception: an account whose roles
(``translations.roles``) are all English ones starts with an English admin,
as soon as its groups are set (the admin's "add user" form saves the user
first, then its groups). This only happens before the account's first
sign-in, so a language someone already works in, or chose in their account
settings, never changes behind their back. Anyone can switch either way in
their account settings.
"""

from django.conf import settings
from django.contrib.auth import get_user_model
from django.db.models.signals import m2m_changed, post_save
from django.dispatch import receiver
from wagtail.admin.localization import get_available_admin_languages
from wagtail.users.models import UserProfile

from translations.roles import ROLES

User = get_user_model()


def _offered(language):
    return language in dict(get_available_admin_languages())


def default_admin_language():
    """``LANGUAGE_CODE`` when the admin offers it, else nothing (Wagtail's own behaviour)."""
    return settings.LANGUAGE_CODE if _offered(settings.LANGUAGE_CODE) else ""


def admin_language_for_roles(role_keys):
    """The admin language of an account with these roles: their one language, else the default."""
    languages = {role.admin_language or settings.LANGUAGE_CODE for role in ROLES if role.key in role_keys}
    if len(languages) == 1:
        (language,) = languages
        if _offered(language):
            return language
    return default_admin_language()


@receiver(post_save, sender=User, dispatch_uid="admin_i18n.default_admin_language")
def give_new_user_the_default_admin_language(sender, instance, created, raw=False, **kwargs):
    if not created or raw:
        return
    language = default_admin_language()
    if language:
        UserProfile.objects.update_or_create(user=instance, defaults={"preferred_language": language})


def _follow_roles(user):
    if user.last_login is not None:
        return
    from translations.models import RoleGroup

    # Roles are found by their stable key, so a group renamed in the admin keeps its language.
    keys = RoleGroup.objects.filter(group__in=user.groups.all()).values_list("key", flat=True)
    language = admin_language_for_roles(set(keys))
    if language:
        UserProfile.objects.update_or_create(user=user, defaults={"preferred_language": language})


@receiver(m2m_changed, sender=User.groups.through, dispatch_uid="admin_i18n.role_admin_language")
def give_new_user_the_admin_language_of_their_roles(sender, instance, action, reverse, pk_set, **kwargs):
    if action not in {"post_add", "post_remove", "post_clear"}:
        return
    if not reverse:
        _follow_roles(instance)
    elif pk_set:
        for user in User.objects.filter(pk__in=pk_set, last_login__isnull=True):
            _follow_roles(user)
