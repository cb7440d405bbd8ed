"""The translation editor's footer: the translator's next step first.

wagtail-localize's React editor builds its footer from the ``perms`` and
``links`` props, in a fixed order, and makes the last action the main
button. A translator who cannot publish therefore got "Delete" (on a
draft) or "Convert to alias page" (once live) as the biggest button, and
no way to submit at all. ``translation_editor`` takes the props the view
built, removes the destructive actions from them (so the React footer
cannot offer them, even if it were shown), and describes the portal's own
footer instead: publish, submit for review or save a draft as the main
action, everything else in the "More actions" menu, each destructive one
behind a confirmation page or question. It also gives strings deep inside
body blocks their own labels (``translations.segment_labels``).
"""

import json

from django import template
from django.urls import reverse
from django.utils.translation import gettext as _
from wagtail.models import Page

from translations.segment_labels import label_segments

register = template.Library()


def can_submit(user, instance):
    """Whether ``user`` may hand this translated page to its workflow now."""
    if not isinstance(instance, Page):
        return False
    state = instance.current_workflow_state
    if state is not None and state.status == state.STATUS_NEEDS_CHANGES:
        return True
    return instance.permissions_for_user(user).can_submit_for_moderation()


def section_title(translation):
    """The heading the React editor writes in English, and its translation."""
    source = translation.source.locale.get_display_name()
    target = translation.target_locale.get_display_name()
    # The bundle builds this text itself, without gettext.
    english = f"{source} to {target} translation"
    translated = _("%(source)s to %(target)s translation") % {"source": source, "target": target}
    return {"english": english, "translated": translated}


@register.simple_tag(takes_context=True)
def translation_editor(context, translation, instance, props):
    """The props for the React editor without destructive actions, and the portal footer."""
    request = context["request"]
    data = json.loads(props)
    perms, links = data["perms"], data["links"]
    total, done = translation.get_progress()
    locale_name = translation.target_locale.get_display_name()
    is_page = isinstance(instance, Page)

    footer = {
        "done": done,
        "total": total,
        "main": None,
        "menu": [],
        "preview_modes": data.get("previewModes") or [],
        "progress_url": reverse("translations:progress", args=[translation.pk]),
        "section_title": section_title(translation),
    }
    if perms.get("canPublish"):
        footer["main"] = {"kind": "publish", "label": _("Publish in %(language)s") % {"language": locale_name}}
    elif can_submit(request.user, instance):
        footer["main"] = {
            "kind": "submit",
            "label": _("Submit for review"),
            "url": reverse("translations:submit_for_review", args=[translation.pk]),
        }
    if is_page:
        save = {
            "kind": "save",
            "label": _("Save draft"),
            "url": reverse("translations:save_draft", args=[translation.pk]),
        }
        if footer["main"] is None:
            footer["main"] = save
        else:
            footer["menu"].append(save)

    menu = footer["menu"]
    if perms.get("canLock") and not data["object"].get("isLocked"):
        menu.append({"kind": "post", "label": _("Lock"), "url": links["lockUrl"], "icon": "lock"})
    if perms.get("canUnlock") and data["object"].get("isLocked"):
        menu.append({"kind": "post", "label": _("Unlock"), "url": links["unlockUrl"], "icon": "lock-open"})
    # Destructive from here on. Wagtail's and wagtail-localize's own pages
    # ask for confirmation on GET; stopping the synced translation is a
    # direct POST, so the browser asks first.
    if perms.get("canUnpublish") and links.get("unpublishUrl"):
        menu.append({"kind": "link", "label": _("Unpublish"), "url": links["unpublishUrl"], "icon": "download",
                     "destructive": True})
    menu.append({
        "kind": "post",
        "label": _("Stop Synced translation"),
        "url": links["stopTranslationUrl"],
        "icon": "cross",
        "destructive": True,
        "confirm": _("Stop the synced translation? Changes to the Vietnamese page will no longer reach this one."),
    })
    if links.get("convertToAliasUrl"):
        menu.append({
            "kind": "link",
            "label": _("Convert to alias page"),
            "url": f"{links['convertToAliasUrl']}?next={request.get_full_path()}",
            "icon": "wagtail-localize-convert",
            "destructive": True,
        })
    if perms.get("canDelete") and links.get("deleteUrl"):
        menu.append({"kind": "link", "label": _("Delete"), "url": links["deleteUrl"], "icon": "bin",
                     "destructive": True})

    # The React footer (hidden by the portal's stylesheet) keeps only what
    # cannot destroy work.
    data["perms"] = dict(perms, canDelete=False, canUnpublish=False)
    data["links"] = dict(links, convertToAliasUrl=None)
    label_segments(data, translation.source.get_source_instance())
    footer["props"] = json.dumps(data)
    return footer
