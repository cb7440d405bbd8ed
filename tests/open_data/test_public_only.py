"""A draft, a private page (and what lies under one), an unpublished translation and a
private document never appear in any answer of the API or the catalogue.

Each hidden thing has a title of its own; every endpoint's output is searched
for those titles, and for the uploader's name and e-mail address.
"""

import pytest

from tests.open_data.conftest import HIDDEN

pytestmark = pytest.mark.django_db

SECRETS = [HIDDEN.draft, HIDDEN.private, HIDDEN.private_child, HIDDEN.translation, HIDDEN.document]


def outputs(client, hidden):
    """Every answer a client could ask for that might hold the hidden things."""
    ids = [hidden.draft.pk, hidden.private.pk, hidden.private_child.pk, hidden.private_section.pk,
           hidden.english.pk]
    urls = ["/api/v2/openapi.json", "/open-data/catalogue.jsonld", "/open-data/articles.csv",
            "/api/v2/documents/?limit=100", f"/api/v2/documents/{hidden.document.pk}/",
            "/api/v2/images/?limit=100&fields=*"]
    for language in ("", "vi", "en", "lo"):
        locale = f"&locale={language}" if language else ""
        urls += [
            f"/api/v2/pages/?limit=100{locale}",
            f"/api/v2/pages/?limit=100&type=news.NewsPage&fields=*{locale}",
            f"/api/v2/pages/?limit=100&offset=100{locale}",
            f"/api/v2/pages/?limit=100&type=news.NewsPage&order=-last_published_at{locale}",
        ]
    for secret in SECRETS + ["Bainguondedich"]:
        urls += [f"/api/v2/pages/?search={secret}", f"/api/v2/pages/?title={secret}",
                 f"/api/v2/pages/?type=news.NewsPage&search={secret}&fields=*",
                 f"/api/v2/documents/?search={secret}"]
    for page_id in ids:
        urls += [f"/api/v2/pages/{page_id}/", f"/api/v2/pages/?translation_of={page_id}",
                 f"/api/v2/pages/?child_of={page_id}", f"/api/v2/pages/?descendant_of={page_id}",
                 f"/api/v2/pages/?ancestor_of={page_id}", f"/api/v2/pages/find/?id={page_id}"]
    urls += [f"/api/v2/pages/{hidden.source.pk}/", f"/api/v2/pages/?translation_of={hidden.source.pk}",
             f"/api/v2/pages/?child_of={hidden.private_section.get_parent().pk}&limit=100"]
    for url in urls:
        response = client.get(url, follow=True)
        assert response.status_code < 500, url
        yield url, response.status_code, response.content.decode()


def test_nothing_hidden_reaches_any_endpoint(client, hidden_content):
    seen = 0
    for url, status, text in outputs(client, hidden_content):
        seen += 1
        for secret in SECRETS + [hidden_content.uploader.email, hidden_content.uploader.username]:
            assert secret not in text, (secret, url)
    assert seen > 70


def test_hidden_pages_are_not_found_by_id(api, hidden_content):
    for page in (hidden_content.draft, hidden_content.private, hidden_content.private_child,
                 hidden_content.english):
        api.json(f"/api/v2/pages/{page.pk}/", expect=404)
    api.json(f"/api/v2/documents/{hidden_content.document.pk}/", expect=404)


def test_a_signed_in_editor_gets_the_public_answer(client, hidden_content, vietnamese_editor):
    """Answers are shared through the cache: a session must not widen them."""
    text = vietnamese_editor.get("/api/v2/pages/", {"search": HIDDEN.private}).content.decode()
    assert HIDDEN.private not in text
    assert vietnamese_editor.get(f"/api/v2/pages/{hidden_content.private.pk}/").status_code == 404


def test_the_control_published_pages_are_found(api, hidden_content, article):
    """The same searches find what is public: the test can fail."""
    found = api.json("/api/v2/pages/", search="Bainguondedich")
    assert [item["id"] for item in found["items"]] == [hidden_content.source.pk]
    listed = api.json("/api/v2/pages/", translation_of=article.pk)
    assert len(listed["items"]) == 2
    # Publishing the translation makes it appear: the 404 above was about its state.
    hidden_content.english.save_revision().publish()
    assert api.json(f"/api/v2/pages/{hidden_content.english.pk}/")["title"] == HIDDEN.translation


def test_no_editor_details_in_default_or_all_fields(api, hidden_content, demo_content):
    for url in ("/api/v2/pages/?type=news.NewsPage&fields=*&limit=5",
                f"/api/v2/pages/{demo_content.articles['vi'][0].pk}/"):
        text = api.get(url).content.decode()
        for word in ("owner", "locked_by", "latest_revision", "uploaded_by", "@sonla.gov.vn"):
            assert word not in text, (word, url)
    for field in ("owner", "locked_by", "latest_revision", "draft_title"):
        assert api.json("/api/v2/pages/", expect=400, fields=field)["parameter"] == "fields"
        assert api.json("/api/v2/pages/", expect=400, **{field: "1"})["parameter"] == field
    for url in ("/api/v2/images/", "/api/v2/documents/"):
        assert api.json(url, expect=400, fields="uploaded_by_user")["parameter"] == "fields"
