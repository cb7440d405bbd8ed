"""New users get Vietnamese as their admin language.

Wagtail leaves a new user's admin language empty and then follows the
browser's ``Accept-Language``, so an editor on an English browser would meet an
English admin. The portal's editors work in Vietnamese: a new account starts
with the site's default language (``LANGUAGE_CODE``) stored in its profile,
and anyone (translators into English, for instance) can choose English in
their account settings.
"""

from django.conf import settings
from django.contrib.auth import get_user_model
from django.db.models.signals import post_save
from django.dispatch import receiver
from wagtail.admin.localization import get_available_admin_languages
from wagtail.users.models import UserProfile


def default_admin_language():
    """``LANGUAGE_CODE`` when the admin offers it, else nothing (Wagtail's own behaviour)."""
    return settings.LANGUAGE_CODE if settings.LANGUAGE_CODE in dict(get_available_admin_languages()) else ""


@receiver(post_save, sender=get_user_model(), dispatch_uid="admin_i18n.default_admin_language")
def give_new_user_the_default_admin_language(sender, instance, created, raw=False, **kwargs):
    if not created or raw:
        return
    language = default_admin_language()
    if language:
        UserProfile.objects.update_or_create(user=instance, defaults={"preferred_language": language})
