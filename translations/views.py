"""Submitting a finished translation to its language's moderation workflow.

wagtail-localize's editor can publish, but cannot submit to a workflow; a
translator without publish permission needs this to hand work to reviewers.
The translated page is saved as a draft from the current strings, and that
revision enters the workflow (or resumes it, after a reviewer asked for
changes). Reviewers approve or reject it from their dashboard, as any page.
"""

from django.contrib import messages
from django.core.exceptions import ObjectDoesNotExist, PermissionDenied
from django.db import transaction
from django.http import Http404, JsonResponse
from django.shortcuts import get_object_or_404, redirect
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_POST
from wagtail.admin.utils import get_valid_next_url_from_request
from wagtail.models import Page, WorkflowState
from wagtail_localize.models import Translation
from wagtail_localize.views.edit_translation import user_can_edit_instance

from translations import addresses
from translations.permissions import can_edit_locale


@require_POST
def submit_for_review(request, translation_id):
    translation = get_object_or_404(Translation, pk=translation_id, enabled=True)
    try:
        page = translation.get_target_instance()
    except ObjectDoesNotExist:
        raise Http404
    if not isinstance(page, Page):
        raise Http404
    page = page.specific
    permissions = page.permissions_for_user(request.user)
    if not permissions.can_edit():
        raise PermissionDenied

    next_url = get_valid_next_url_from_request(request) or reverse("wagtailadmin_home")
    address_problem = addresses.publish_problem(translation)
    if address_problem:
        messages.error(
            request,
            _("“%(title)s” was not submitted: the address is not usable. %(problem)s")
            % {"title": page.get_admin_display_title(), "problem": address_problem},
        )
        return redirect(next_url)
    total, done = translation.get_progress()
    if done < total:
        messages.error(
            request,
            _("“%(title)s” still has %(count)s untranslated strings; translate them before submitting.")
            % {"title": page.get_admin_display_title(), "count": total - done},
        )
        return redirect(next_url)
    state = page.current_workflow_state
    resuming = state is not None and state.status == WorkflowState.STATUS_NEEDS_CHANGES
    if not resuming and not permissions.can_submit_for_moderation():
        messages.error(request, _("“%(title)s” cannot be submitted: it is already in review or has no workflow.")
                       % {"title": page.get_admin_display_title()})
        return redirect(next_url)

    with transaction.atomic():
        translation.save_target(user=request.user, publish=False)
        page = Page.objects.get(pk=page.pk).specific
        if resuming:
            state.resume(request.user)
        else:
            page.get_workflow().start(page, request.user)
    messages.success(
        request,
        _("“%(title)s” was submitted for review.") % {"title": page.get_admin_display_title()},
    )
    return redirect(next_url)


def _editable_page(request, translation_id):
    translation = get_object_or_404(Translation, pk=translation_id, enabled=True)
    try:
        page = translation.get_target_instance()
    except ObjectDoesNotExist:
        raise Http404
    if not isinstance(page, Page):
        raise Http404
    page = page.specific
    if not page.permissions_for_user(request.user).can_edit():
        raise PermissionDenied
    return translation, page


@require_POST
def save_draft(request, translation_id):
    """Keep the translated strings as a draft of the translated page, for
    translators whose page is already in review or has no workflow."""
    translation, page = _editable_page(request, translation_id)
    translation.save_target(user=request.user, publish=False)
    messages.success(request, _("“%(title)s” was saved as a draft.") % {"title": page.get_admin_display_title()})
    return redirect(get_valid_next_url_from_request(request) or reverse("wagtailadmin_pages:edit", args=[page.pk]))


@require_GET
def translation_progress(request, translation_id):
    """How far a translation is, for the editor's footer to follow the
    translator's work without a reload (``translations/js/editor.js``)."""
    translation = get_object_or_404(Translation, pk=translation_id, enabled=True)
    try:
        instance = translation.get_target_instance()
    except ObjectDoesNotExist:
        raise Http404
    if not user_can_edit_instance(request.user, instance) or not can_edit_locale(
        request.user, translation.target_locale_id
    ):
        raise PermissionDenied
    total, done = translation.get_progress()
    return JsonResponse({"done": done, "total": total, "complete": done >= total})
