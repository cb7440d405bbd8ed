"""The editors' accessibility checker, tuned to the portal's rules.

Wagtail runs axe-core in the userbar (on any live or previewed page, in any
of the three languages) and in the editor's "Checks" panel. The portal
checks only what editors write (the page's <main>; the site frame is tested
by the browser suite) and adds rules of its own:

- alt text: no file names, camera names, bare numbers or words such as
  "image", "ảnh", "ຮູບພາບ"; not longer than a caption should be; not a copy
  of the caption;
- headings: no skipped levels, no empty headings, no short bold-and-italic
  paragraphs posing as headings;
- links: not empty, no "click here", "xem thêm", "ຄລິກທີ່ນີ້" or bare addresses;
- tables: header cells present and not empty, and a caption.

Custom checks are written as function strings, which axe-core compiles.

It also loads the admin's browser-side size checks (``size_limits_js``).
"""

from django.conf import settings
from django.templatetags.static import static
from django.utils.html import format_html
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.userbar import ContentCheckerItem

# Alt text that says nothing: file and camera names, numbers, bare words for
# "image" in the three languages, and "image of ..." openings.
ALT_TEXT_PATTERN = "|".join(
    [
        r"\.(avif|gif|jpe?g|png|svg|webp|heic|tiff?|bmp)\s*$",
        r"_",
        r"^\s*(dsc|dscn|img|pxl|photo|image|screenshot)[\s-]*\d+\s*$",
        r"^\s*[\d\s.,-]+$",
        r"^\s*(image|img|photo|picture|graphic|icon|logo|banner|ảnh|hình|hình ảnh|ảnh minh họa"
        r"|ảnh minh hoạ|minh họa|minh hoạ|ພາບ|ຮູບ|ຮູບພາບ|ພາບປະກອບ)\s*[.:]?\s*$",
        r"^\s*(an? )?(image|photo|picture) (of|showing)\s",
        r"^\s*(hình ảnh|hình|ảnh) (về|của|cho thấy)\s",
        r"^\s*(ຮູບພາບ|ຮູບ|ພາບ)ຂອງ",
    ]
)
ALT_TEXT_MAX_LENGTH = 250

# Link texts that make no sense read out of context (lower case, without
# trailing punctuation), in Vietnamese, English and Lao.
VAGUE_LINK_TEXTS = [
    # vi
    "xem", "xem thêm", "xem tiếp", "xem chi tiết", "chi tiết", "đọc thêm", "đọc tiếp",
    "tại đây", "ở đây", "vào đây", "bấm vào đây", "nhấn vào đây", "click vào đây",
    "bấm đây", "nhấn đây", "liên kết", "đường dẫn", "link", "tải về", "tải xuống",
    # en
    "click", "click here", "here", "this", "this link", "link", "more", "read more",
    "more info", "more information", "details", "learn more", "continue", "download",
    # lo
    "ຄລິກ", "ຄລິກທີ່ນີ້", "ກົດທີ່ນີ້", "ທີ່ນີ້", "ອ່ານຕໍ່", "ອ່ານເພີ່ມເຕີມ", "ເບິ່ງຕື່ມ",
    "ເບິ່ງເພີ່ມເຕີມ", "ລາຍລະອຽດ", "ລິ້ງ", "ດາວໂຫລດ",
]

LINK_TEXT_EVALUATE = """function (node, options) {
    var text = (node.textContent || "").replace(/\\s+/g, " ").trim().toLowerCase();
    text = text.replace(/[\\s.:;!?…»›>→-]+$/, "").trim();
    if (!text) { return true; }
    if (/^(https?:\\/\\/|www\\.)\\S+$/.test(text)) { return false; }
    return options.vague.indexOf(text) === -1;
}"""

ALT_TEXT_LENGTH_EVALUATE = """function (node, options) {
    return (node.getAttribute("alt") || "").trim().length <= options.max;
}"""

ALT_TEXT_CAPTION_EVALUATE = """function (node) {
    var normalise = function (text) { return (text || "").replace(/\\s+/g, " ").trim().toLowerCase(); };
    var alt = normalise(node.getAttribute("alt"));
    var figure = node.closest("figure");
    var caption = figure && figure.querySelector("figcaption");
    return !alt || !caption || normalise(caption.textContent) !== alt;
}"""

TABLE_CAPTION_EVALUATE = """function (node) {
    return !!(node.caption && node.caption.textContent.trim());
}"""


class PortalContentChecker(ContentCheckerItem):
    """Wagtail's content checker with the portal's rules."""

    # Editors write what is inside <main>; the frame around it is the
    # developers' business and is tested by the browser suite.
    axe_include = ["main"]

    axe_run_only = [
        # images
        "image-alt",
        "alt-text-quality",
        "portal-alt-text-length",
        "portal-alt-text-caption",
        # headings
        "heading-order",
        "empty-heading",
        "p-as-heading",
        # links
        "link-name",
        "portal-link-text",
        # tables
        "empty-table-header",
        "portal-table-headers",
        "portal-table-caption",
        # from Wagtail's defaults
        "button-name",
        "input-button-name",
        "frame-title",
        "empty-meta-description",
    ]

    axe_custom_rules = [
        rule
        for rule in ContentCheckerItem.axe_custom_rules
        if rule["id"] != "alt-text-quality"
    ] + [
        {
            "id": "alt-text-quality",
            "impact": "serious",
            "selector": "img[alt]:not([alt=''])",
            "tags": ["best-practice"],
            "any": ["check-image-alt-text"],
            "enabled": True,
        },
        {
            "id": "portal-alt-text-length",
            "impact": "moderate",
            "selector": "img[alt]:not([alt=''])",
            "tags": ["best-practice"],
            "any": ["portal-alt-text-short"],
            "enabled": True,
        },
        {
            "id": "portal-alt-text-caption",
            "impact": "moderate",
            "selector": "figure img[alt]:not([alt=''])",
            "tags": ["best-practice"],
            "any": ["portal-alt-text-not-caption"],
            "enabled": True,
        },
        {
            "id": "portal-link-text",
            "impact": "serious",
            "selector": "a[href]",
            "tags": ["best-practice"],
            "any": ["portal-link-text-meaningful"],
            "enabled": True,
        },
        {
            "id": "portal-table-headers",
            "impact": "serious",
            "selector": "table",
            "tags": ["best-practice"],
            "any": ["portal-table-has-header-cells"],
            "enabled": True,
        },
        {
            "id": "portal-table-caption",
            "impact": "moderate",
            "selector": "table",
            "tags": ["best-practice"],
            "any": ["portal-table-has-caption"],
            "enabled": True,
        },
    ]

    axe_custom_checks = [
        check
        for check in ContentCheckerItem.axe_custom_checks
        if check["id"] != "check-image-alt-text"
    ] + [
        {"id": "check-image-alt-text", "options": {"pattern": ALT_TEXT_PATTERN}},
        {
            "id": "portal-alt-text-short",
            "evaluate": ALT_TEXT_LENGTH_EVALUATE,
            "options": {"max": ALT_TEXT_MAX_LENGTH},
        },
        {"id": "portal-alt-text-not-caption", "evaluate": ALT_TEXT_CAPTION_EVALUATE},
        {
            "id": "portal-link-text-meaningful",
            "evaluate": LINK_TEXT_EVALUATE,
            "options": {"vague": VAGUE_LINK_TEXTS},
        },
        {
            # axe-core's own "has a matching descendant" check
            "id": "portal-table-has-header-cells",
            "evaluate": "has-descendant-evaluate",
            "options": {"selector": "th"},
        },
        {"id": "portal-table-has-caption", "evaluate": TABLE_CAPTION_EVALUATE},
    ]

    axe_messages = {
        **ContentCheckerItem.axe_messages,
        "image-alt": {
            "error_name": _("Image without alt text"),
            "help_text": _("Describe what the image shows, or mark it as decorative"),
        },
        "alt-text-quality": {
            "error_name": _("Alt text does not describe the image"),
            "help_text": _(
                "Say what the image shows; not a file name, a number or just the word “image”"
            ),
        },
        "portal-alt-text-length": {
            "error_name": _("Alt text is too long"),
            "help_text": _("Keep it under 250 characters; put longer explanations in the caption or text"),
        },
        "portal-alt-text-caption": {
            "error_name": _("Alt text repeats the caption"),
            "help_text": _("Screen readers read both: describe the picture, let the caption add context"),
        },
        "p-as-heading": {
            "error_name": _("Bold paragraph used as a heading"),
            "help_text": _("Use a heading (H2, H3 or H4) instead"),
        },
        "heading-order": {
            "error_name": _("A heading level is skipped"),
            "help_text": _("Go down one level at a time: H2, then H3, then H4"),
        },
        "portal-link-text": {
            "error_name": _("Link text does not say where it leads"),
            "help_text": _("Avoid “click here”, “read more” or bare addresses; name the page or document"),
        },
        "portal-table-headers": {
            "error_name": _("Table without header cells"),
            "help_text": _("Mark the first row or the first column as headers"),
        },
        "portal-table-caption": {
            "error_name": _("Table without a caption"),
            "help_text": _("Add a caption saying what the table shows"),
        },
    }


@hooks.register("construct_wagtail_userbar")
def use_portal_content_checker(request, items, page=None):
    """Swap Wagtail's checker for the portal's, in the userbar and in the editor."""
    items[:] = [
        PortalContentChecker(in_editor=item.in_editor) if isinstance(item, ContentCheckerItem) else item
        for item in items
    ]


@hooks.register("insert_global_admin_js")
def size_limits_js():
    """The browser-side size checks (home/static/js/admin-limits.js), with the server's limits."""
    return format_html(
        '<script src="{src}" data-image-limit="{image}" data-document-limit="{document}" '
        'data-text-limit="{text}" data-counter-from="200" data-file-message="{file}" '
        'data-paste-message="{paste}" data-form-message="{form}" data-counter-message="{counter}">'
        "</script>",
        src=static("js/admin-limits.js"),
        image=getattr(settings, "WAGTAILIMAGES_MAX_UPLOAD_SIZE", 10 * 1024 * 1024) or "",
        document=getattr(settings, "WAGTAILDOCS_MAX_UPLOAD_SIZE", None) or "",
        text=settings.DATA_UPLOAD_MAX_MEMORY_SIZE or "",
        file=_(
            "The file “%(name)s” is %(size)s MB, over the %(limit)s MB limit. It has not been "
            "sent: choose a smaller file (for a photo, save it smaller first)."
        ),
        paste=_(
            "The text you pasted has %(count)s characters; this field takes at most %(limit)s. "
            "Nothing was pasted: paste a shorter part."
        ),
        form=_(
            "This form holds %(size)s MB of text, over the %(limit)s MB the server accepts. It "
            "has not been sent and nothing is lost: shorten the longest text and save again."
        ),
        counter=_("%(count)s of %(limit)s characters"),
    )
