"""English translators and reviewers get an English admin from the start; everyone else Vietnamese."""

import pytest
from django.contrib.auth import get_user_model
from django.test import Client
from django.urls import reverse
from django.utils import timezone
from wagtail.users.models import UserProfile

from translations.roles import apply_roles, role_group

pytestmark = pytest.mark.django_db


@pytest.fixture
def roles(demo_content, compiled_catalogues):
    list(apply_roles())


@pytest.fixture
def administrator(roles):
    user = get_user_model().objects.create_superuser("quantri", "qt@sonla.gov.vn", "pw")
    client = Client(HTTP_ACCEPT_LANGUAGE="vi")
    client.force_login(user, backend="django.contrib.auth.backends.ModelBackend")
    return client


def add_user_in_the_admin(client, username, *role_keys):
    """What an administrator does in Users → Add a user (/admin/users/new/)."""
    response = client.post(
        reverse("wagtailusers_users:add"),
        {
            "username": username,
            "email": f"{username}@sonla.gov.vn",
            "first_name": "Lan",
            "last_name": "Lê",
            "password1": "mat-khau-rat-dai-2026",
            "password2": "mat-khau-rat-dai-2026",
            "groups": [role_group(key).pk for key in role_keys],
        },
    )
    assert response.status_code == 302, response.content.decode()[:2000]
    return get_user_model().objects.get(username=username)


def language_of(user):
    return UserProfile.get_for_user(user).preferred_language


@pytest.mark.parametrize(
    "role_keys, language",
    [
        (("translator_en",), "en"),
        (("reviewer_en",), "en"),
        (("translator_en", "reviewer_en"), "en"),
        (("editor",), "vi"),
        (("moderator",), "vi"),
        (("translator_lo",), "vi"),  # the admin is not offered in Lao
        (("translator_en", "editor"), "vi"),  # works on Vietnamese content too
    ],
)
def test_a_new_account_starts_in_its_roles_admin_language(administrator, role_keys, language):
    user = add_user_in_the_admin(administrator, "nguoi-moi", *role_keys)
    assert language_of(user) == language


def test_a_new_english_translator_signs_in_to_an_english_admin(administrator):
    user = add_user_in_the_admin(administrator, "dich-gia-anh", "translator_en")
    # Whatever the browser asks for: the profile decides.
    client = Client(HTTP_ACCEPT_LANGUAGE="vi")
    client.force_login(user, backend="django.contrib.auth.backends.ModelBackend")
    html = client.get("/admin/").content.decode()
    assert 'lang="en"' in html and "Dashboard" in html


def test_groups_added_in_code_count_too(roles):
    user = get_user_model().objects.create_user("reviewer-2", "r2@sonla.gov.vn", "pw")
    role_group("reviewer_en").user_set.add(user)
    assert language_of(user) == "en"


def test_someone_who_already_works_in_the_admin_keeps_their_language(roles):
    editor = get_user_model().objects.create_user("bien-tap", "bt@sonla.gov.vn", "pw")
    editor.groups.add(role_group("editor"))
    editor.last_login = timezone.now()
    editor.save()
    editor.groups.add(role_group("reviewer_en"))
    editor.groups.remove(role_group("editor"))
    assert language_of(editor) == "vi"
