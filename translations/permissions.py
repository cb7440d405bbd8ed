"""Which languages a user may work in, derived from their page permissions.

Wagtail's snippet permissions are per model, not per locale. To keep
translators inside their own language for snippets too, a user may edit a
translatable object in a locale only if they may edit pages of that
locale's tree; superusers may edit everything.
"""

from wagtail.models import GroupPagePermission, Locale

EDITING_ACTIONS = ("add_page", "change_page", "publish_page")


def editable_locale_ids(user):
    """Ids of the locales whose page tree ``user`` may edit (cached on the user)."""
    if not (user and user.is_active and user.is_authenticated):
        return frozenset()
    cached = getattr(user, "_translations_locale_ids", None)
    if cached is None:
        if user.is_superuser:
            cached = frozenset(Locale.objects.values_list("pk", flat=True))
        else:
            cached = frozenset(
                GroupPagePermission.objects.filter(
                    group__user=user, permission__codename__in=EDITING_ACTIONS
                ).values_list("page__locale_id", flat=True)
            )
        user._translations_locale_ids = cached
    return cached


def can_edit_locale(user, locale):
    return getattr(locale, "pk", locale) in editable_locale_ids(user)


def translation_locales(user):
    """The target locales ``user`` translates into: every editable one but the source."""
    default = Locale.get_default()
    return list(
        Locale.objects.filter(pk__in=editable_locale_ids(user)).exclude(pk=default.pk).order_by("pk")
    )
