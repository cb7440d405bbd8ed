"""An article made as an editor makes one, for tests that need a page of their own."""

from news.models import NewsPage


def new_article(section, title, live=True, **fields):
    """A Vietnamese-style article in ``section``: published, or a draft that never was (``live=False``)."""
    article = NewsPage(title=title, slug=title.lower(), lead=f"{title} lead", locale=section.locale, **fields)
    section.add_child(instance=article)
    if live:
        article.save_revision().publish()
    else:
        article.live = False
        article.save_revision()
        article.save()
    return NewsPage.objects.get(pk=article.pk)
