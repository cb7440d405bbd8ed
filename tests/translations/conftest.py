"""Roles, users and helpers for the translation workflow tests.

Users act through the admin's HTTP views with their own test client, so
every permission check Wagtail and wagtail-localize make is exercised.
"""

import uuid
from types import SimpleNamespace

import pytest
from django.contrib.auth import get_user_model
from django.test import Client
from wagtail.models import Locale
from wagtail.users.models import UserProfile

from news.models import NewsPage
from translations.roles import ROLES, apply_roles, role_group


@pytest.fixture
def roles(demo_content):
    apply_roles()
    return {role.key: role for role in ROLES}


@pytest.fixture
def users(roles):
    """One user per role (e-mail ``<key>@example.com``), plus a second English translator."""
    User = get_user_model()
    made = {}
    for key, role in roles.items():
        user = User.objects.create_user(key, f"{key}@example.com", "pw")
        user.groups.add(role_group(key))
        made[key] = user
    second = User.objects.create_user("translator_en_2", "translator_en_2@example.com", "pw")
    second.groups.add(role_group("translator_en"))
    made["translator_en_2"] = second
    # New accounts get a Vietnamese admin (admin_i18n.defaults); these
    # users chose English, which keeps the assertions on admin text readable.
    UserProfile.objects.filter(user__in=made.values()).update(preferred_language="en")
    return SimpleNamespace(**made)


@pytest.fixture
def clients(users):
    """A logged-in test client per user, by the user's key."""
    result = {}
    for key, user in vars(users).items():
        # The admin speaks the browser's language when the user chose none;
        # English keeps the assertions on admin text readable.
        client = Client(headers={"accept-language": "en"})
        client.force_login(user)
        result[key] = client
    return SimpleNamespace(**result)


@pytest.fixture
def locales(db):
    return SimpleNamespace(**{locale.language_code: locale for locale in Locale.objects.all()})


PARAGRAPHS = (
    "Tỉnh Sơn La và tỉnh Hủa Phăn ký kết biên bản hợp tác năm 2027.",
    "Hai bên thống nhất tăng cường trao đổi thông tin đối ngoại.",
    "Sở Ngoại vụ là đầu mối triển khai thỏa thuận.",
)


def article_body(paragraphs=PARAGRAPHS):
    return [
        {"type": "paragraph", "value": f"<p>{text}</p>", "id": f"00000000-0000-4000-8000-{index:012d}"}
        for index, text in enumerate(paragraphs)
    ]


def make_article(section, *, slug="hop-tac-hua-phan-2027", title="Sơn La và Hủa Phăn ký kết hợp tác năm 2027",
                 lead="Ngày 10/3, hai tỉnh ký biên bản hợp tác.", paragraphs=PARAGRAPHS, publish=True, user=None):
    """A Vietnamese article under ``section``, published by ``user`` unless ``publish`` is False."""
    page = NewsPage(title=title, slug=slug, lead=lead, body=article_body(paragraphs))
    section.add_child(instance=page)
    revision = page.save_revision(user=user)
    if publish:
        revision.publish(user=user)
    return NewsPage.objects.get(pk=page.pk)


@pytest.fixture
def new_article(demo_content, django_capture_on_commit_callbacks):
    """Make-and-publish helper bound to the first Vietnamese section.

    Runs the on-commit work of the publish (draft translations, e-mail) as a
    real commit would; tests run inside a transaction that never commits.
    """

    def make(**kwargs):
        with django_capture_on_commit_callbacks(execute=True):
            return make_article(demo_content.sections["vi"][0], **kwargs)

    return make


NEW_LEAD = "Tóm tắt mới: hội nghị đánh giá kết quả và đề ra nhiệm vụ giai đoạn tới."
NEW_PARAGRAPH = "Đoạn văn bổ sung về kết quả hợp tác với các tỉnh Bắc Lào."


def edit_source(page, user=None):
    """The editor changes the lead and adds a paragraph at the top; the moderator publishes."""
    page = page.specific
    page.lead = NEW_LEAD
    blocks = list(page.body.raw_data)
    blocks.insert(0, {"type": "paragraph", "value": f"<p>{NEW_PARAGRAPH}</p>", "id": str(uuid.uuid4())})
    page.body = blocks
    page.save_revision(user=user).publish(user=user)
    return page



# Admin HTTP helpers -----------------------------------------------------------------


def translation_into(page, locale):
    from wagtail_localize.models import Translation

    return Translation.objects.get(source__object_id=page.translation_key, target_locale=locale)


def put_string(client, translation, segment, value):
    """wagtail-localize's editor saving one string (PUT, form field ``value``)."""
    from urllib.parse import urlencode

    return client.put(
        f"/admin/localize/translate/{translation.pk}/strings/{segment.pk}/edit/",
        data=urlencode({"value": value}),
        content_type="application/x-www-form-urlencoded",
    )


def fake_translation(segment, language_code):
    """A recognisable "translation" of a segment, valid for its field."""
    if segment.context.path == "slug":
        return f"{segment.string.data}-{language_code}"
    return f"[{language_code}] {segment.string.data}"


def translate_all(client, translation, make=fake_translation):
    """Translate every string of ``translation`` through the editor's API; return the statuses."""
    code = translation.target_locale.language_code
    return [
        put_string(client, translation, segment, make(segment, code)).status_code
        for segment in translation.source.stringsegment_set.select_related("string", "context")
    ]


def workflow_action(client, page, action, comment=""):
    state = page.current_workflow_task_state
    return client.post(
        f"/admin/pages/workflow/action/{page.pk}/{action}/{state.pk}/", {"comment": comment}
    )
