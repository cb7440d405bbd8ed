"""The article edit form as the admin posts it, for tests that save an article through the admin."""

from wagtail.test.utils.form_data import inline_formset, nested_form_data, streamfield


def article_edit_form(page, **overrides):
    """POST data of ``/admin/pages/<id>/edit/`` for ``page`` as stored, with ``overrides`` applied."""
    data = {
        "title": page.title,
        "slug": page.slug,
        "lead": page.lead,
        "published_at": page.published_at.strftime("%Y-%m-%d %H:%M"),
        "author": page.author,
        "image": page.image_id or "",
        "image_alt": page.image_alt,
        "image_decorative": "on" if page.image_decorative else "",
        "image_caption": page.image_caption,
        "body": streamfield([("heading", {"text": "Tăng cường hợp tác", "level": "h2"})]),
        "topic_links": inline_formset([]),
        "related_articles": inline_formset([]),
    }
    data.update(overrides)
    return nested_form_data(data)
