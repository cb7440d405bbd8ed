"""The demo site's words, assembled from one module per part of the site.

``ARTICLES_BY_SECTION`` lists each section's articles in the order they are
created; an article's ``related`` keys must name articles listed before it.
"""

from ..schema import Home
from . import (
    foreign,
    foreign_2025,
    news_events,
    news_fruit_and_quynh_nhai,
    reform,
    reform_service_centre_and_satisfaction,
)
from .site import (
    ACCESSIBILITY,
    DOCUMENTS,
    HOME_BODY,
    HOME_INTRO,
    HOME_SLUG,
    HOME_TITLE,
    IDENTITY,
    IMAGES,
    INTRODUCTION,
    OLD_PORTAL_VISIT_TOTAL,
    ORGANISATION,
)

SECTIONS = (foreign.SECTION, reform.SECTION, news_events.SECTION)

ARTICLES_BY_SECTION = {
    foreign.SECTION.key: (foreign.CONFERENCE_2017, foreign.HOUAPHANH_2026, *foreign_2025.ARTICLES),
    reform.SECTION.key: (
        reform.PAR_INDEX,
        reform.ONLINE_SERVICES,
        *reform_service_centre_and_satisfaction.ARTICLES,
    ),
    news_events.SECTION.key: (
        news_events.BAN_FESTIVAL_2026,
        news_events.TEA_EXPORT_2026,
        *news_fruit_and_quynh_nhai.ARTICLES,
    ),
}

# The article that uses every kind of body block (accessibility checks read it).
ALL_BLOCKS_ARTICLE = foreign.HOUAPHANH_2026.key

HOME = Home(
    slug=HOME_SLUG,
    title=HOME_TITLE,
    intro=HOME_INTRO,
    body=HOME_BODY,
    reform_section=reform.SECTION.key,
    # Each with its main image, so the home page's featured row is even.
    featured=(
        foreign.HOUAPHANH_2026.key,
        news_events.TEA_EXPORT_2026.key,
        news_events.BAN_FESTIVAL_2026.key,
    ),
    # Menu order: the introduction, the three sections, then the contact and accessibility pages.
    children=(INTRODUCTION, *SECTIONS, ORGANISATION, ACCESSIBILITY),
)

__all__ = [
    "ARTICLES_BY_SECTION", "DOCUMENTS", "HOME", "IDENTITY", "IMAGES", "OLD_PORTAL_VISIT_TOTAL", "SECTIONS",
]
