"""E-mail to the translators of a language when there is work for them.

Sent after the publishing transaction commits (a rolled-back publish must not
announce anything), one message per translator, in the translator's admin
language. Only members of that language's translator group are written to:
a Lao translator hears nothing about English work.
"""

from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.mail import send_mass_mail
from django.db import transaction
from django.urls import reverse
from django.utils import translation as i18n
from django.utils.translation import gettext as _
from wagtail.models import Page
from wagtail.users.models import UserProfile

from translations.roles import translator_group_names


def translators_of(locale):
    """Active users with an e-mail address in ``locale``'s translator groups."""
    return (
        get_user_model()
        .objects.filter(
            is_active=True, groups__name__in=translator_group_names(locale.language_code)
        )
        .exclude(email="")
        .distinct()
        .order_by("pk")
    )


def _edit_url(instance):
    if isinstance(instance, Page):
        path = reverse("wagtailadmin_pages:edit", args=[instance.pk])
    else:
        path = reverse("wagtailadmin_home")
    return settings.WAGTAILADMIN_BASE_URL.rstrip("/") + path


def _message(user, source, locale, target, is_new):
    # The recipient's chosen admin language, else the portal's: never the
    # language of whoever happened to publish.
    language = UserProfile.get_for_user(user).preferred_language or settings.LANGUAGE_CODE
    with i18n.override(language):
        if is_new:
            subject = _("New translation to do in %(language)s: %(title)s")
            intro = _("“%(title)s” was published in Vietnamese. A draft %(language)s translation is waiting for you.")
        else:
            subject = _("Translation to update in %(language)s: %(title)s")
            intro = _("“%(title)s” changed in Vietnamese. Its new or changed text needs translating into %(language)s.")
        values = {"title": str(source), "language": locale.get_display_name()}
        body = "\n\n".join(
            [
                intro % values,
                _("Translate it here: %(url)s") % {"url": _edit_url(target if target is not None else source)},
                _("Your dashboard lists every translation waiting in your language."),
            ]
        )
    return (subject % values, body, settings.DEFAULT_FROM_EMAIL, [user.email])


def notify_translators(source, *, created, changed):
    """Tell each language's translators about new drafts (``created``: {locale: page})
    and changed sources (``changed``: [locale])."""
    messages = []
    for locale, target in created.items():
        messages += [_message(user, source, locale, target, True) for user in translators_of(locale)]
    for locale in changed:
        if locale in created:
            continue
        target = source.get_translation_or_none(locale)
        messages += [_message(user, source, locale, target, False) for user in translators_of(locale)]
    if messages:
        transaction.on_commit(lambda: send_mass_mail(messages, fail_silently=True))
