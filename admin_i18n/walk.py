"""The main editing path, rendered with Django's test client.

Used to measure which upstream strings the admin really shows an editor:
``record_main_editing_path()`` walks the dashboard, explorer, page creation
and editing, submission for moderation, the moderator's review, choosers,
search, reports, account settings and wagtail-localize's translation editor,
as users whose admin language is Vietnamese, and returns the message ids
looked up on the way. It writes to the database (users, a draft article,
a workflow state): call it inside a transaction that is rolled back.
"""

import re

from django.contrib.auth import get_user_model
from django.test import Client
from django.test.utils import override_settings
from django.utils import timezone
from wagtail.models import Page
from wagtail.test.utils.form_data import nested_form_data, streamfield
from wagtail.users.models import UserProfile

from admin_i18n.recorder import record_lookups

WALK_ARTICLE_SLUG = "admin-i18n-walk-article"


class WalkError(RuntimeError):
    """An admin page on the path did not answer as an editor would see it."""


def _user(username, role_key):
    from translations.roles import apply_roles, role_group

    if role_group(role_key) is None:
        list(apply_roles())
    user, _ = get_user_model().objects.update_or_create(
        username=username, defaults={"is_active": True, "is_staff": False, "is_superuser": False}
    )
    user.groups.set([role_group(role_key)])
    profile = UserProfile.get_for_user(user)
    profile.preferred_language = "vi"
    profile.save()
    client = Client(HTTP_ACCEPT_LANGUAGE="en")  # the profile, not the browser, picks the language
    client.force_login(user, backend="django.contrib.auth.backends.ModelBackend")
    return client


def _get(client, url, expect=(200,)):
    response = client.get(url)
    if response.status_code not in expect:
        raise WalkError(f"GET {url} answered {response.status_code}")
    return response


MANAGEMENT_INPUT = re.compile(
    r'<input[^>]*name="([\w-]+-(?:TOTAL|INITIAL|MIN_NUM|MAX_NUM)_FORMS)"[^>]*value="(\d*)"'
    r'|<input[^>]*value="(\d*)"[^>]*name="([\w-]+-(?:TOTAL|INITIAL|MIN_NUM|MAX_NUM)_FORMS)"'
)


def _management_fields(html):
    """The inline formsets' management inputs as the empty form renders them (no inline rows)."""
    fields = {}
    for name, value, value_first, name_second in MANAGEMENT_INPUT.findall(html):
        fields[name or name_second] = value if name else value_first
    return fields


def _article_form(title, add_form_html):
    data = nested_form_data(
        {
            "title": title,
            "slug": WALK_ARTICLE_SLUG,
            "lead": "Đoạn mở đầu của bài viết.",
            "published_at": timezone.localtime().strftime("%Y-%m-%d %H:%M"),
            "author": "",
            "image_alt": "",
            "image_caption": "",
            "body": streamfield([]),
        }
    )
    data.update(_management_fields(add_form_html))
    return data


def _vietnamese_pages():
    from news.models import NewsPage, SectionPage

    section = SectionPage.objects.filter(locale__language_code="vi").order_by("path").first()
    article = NewsPage.objects.filter(locale__language_code="vi").order_by("path").first()
    lao_article = NewsPage.objects.filter(locale__language_code="lo", translation_key=article.translation_key).first()
    return section, article, lao_article


def walk(editor, moderator, translator):
    section, article, lao_article = _vietnamese_pages()
    home = section.get_parent()

    for url in (
        "/admin/",
        f"/admin/pages/{home.pk}/",
        f"/admin/pages/{section.pk}/",
        f"/admin/pages/{section.pk}/add_subpage/",
        f"/admin/pages/add/news/newspage/{section.pk}/",
        f"/admin/pages/{article.pk}/edit/",
        f"/admin/pages/{article.pk}/history/",
        "/admin/pages/search/?q=S%C6%A1n+La",
        "/admin/choose-page/",
        f"/admin/choose-page/{section.pk}/",
        "/admin/images/",
        "/admin/images/chooser/",
        "/admin/images/multiple/add/",
        "/admin/documents/",
        "/admin/documents/chooser/",
        "/admin/documents/multiple/add/",
        "/admin/snippets/",
        "/admin/reports/site-history/",
        "/admin/reports/aging-pages/",
        "/admin/reports/page-types-usage/",
        "/admin/translations/overview/",
        f"/admin/localize/submit/page/{article.pk}/",
        "/admin/reports/workflow/",
        "/admin/reports/workflow_tasks/",
        "/admin/account/",
    ):
        _get(editor, url)

    # A form sent back with an error shows the validation messages.
    add_url = f"/admin/pages/add/news/newspage/{section.pk}/"
    add_form = _get(editor, add_url).content.decode()
    response = editor.post(add_url, _article_form("", add_form))
    if response.status_code != 200:
        raise WalkError(f"An invalid article answered {response.status_code}")

    # Create a draft, edit it, submit it for moderation.
    response = editor.post(add_url, _article_form("Bài thử", add_form))
    if response.status_code != 302:
        raise WalkError(f"Creating an article answered {response.status_code}")
    draft = Page.objects.get(slug=WALK_ARTICLE_SLUG).specific
    _get(editor, f"/admin/pages/{draft.pk}/edit/")
    submitted = dict(_article_form("Bài thử đã sửa", add_form), **{"action-submit": "1"})
    response = editor.post(f"/admin/pages/{draft.pk}/edit/", submitted)
    if response.status_code != 302:
        raise WalkError(f"Submitting the article answered {response.status_code}")
    _get(editor, response["Location"])
    _get(editor, f"/admin/pages/{draft.pk}/edit/")
    _get(editor, f"/admin/pages/{draft.pk}/workflow_history/")
    _get(editor, "/admin/")

    # The moderator sees it waiting, opens it and the approval and rejection forms.
    _get(moderator, "/admin/")
    _get(moderator, f"/admin/pages/{draft.pk}/edit/")
    draft.refresh_from_db()
    task_state = draft.current_workflow_task_state
    if task_state is None:
        raise WalkError("The submitted article is not in moderation")
    for action in ("approve", "reject"):
        _get(moderator, f"/admin/pages/workflow/action/{draft.pk}/{action}/{task_state.pk}/")
    _get(moderator, "/admin/reports/workflow/")
    _get(moderator, "/admin/reports/locked/")

    # The Lao translator opens wagtail-localize's translation editor in a Vietnamese admin.
    _get(translator, "/admin/")
    if lao_article is None:
        raise WalkError("The demo content has no Lao translation of the first article")
    _get(translator, f"/admin/pages/{lao_article.pk}/edit/")
    _get(translator, f"/admin/pages/{lao_article.get_parent().pk}/")


def record_main_editing_path():
    """Walk the path as Vietnamese editor, moderator and Lao translator; return the ``Lookups``."""
    with override_settings(ALLOWED_HOSTS=["testserver"]):
        editor = _user("admin-i18n-editor", "editor")
        moderator = _user("admin-i18n-moderator", "moderator")
        translator = _user("admin-i18n-translator-lo", "translator_lo")
        with record_lookups() as lookups:
            walk(editor, moderator, translator)
    return lookups
