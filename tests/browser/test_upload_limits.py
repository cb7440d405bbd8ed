"""Oversized files and pastes are stopped in the browser, before anything is sent or cut.

Issue 12, items 11 and 7: a 31 MB photo used to travel to the server in full
before being refused; a 1 MB paste into the lead was cut or sent whole. In
real Chromium, on the real admin forms (single and multiple upload of images
and documents, and the upload tab of the editor's image chooser), choosing a
31 MB file shows a Vietnamese message and no upload request leaves the
browser; pasting a document into the lead shows a message and leaves the
lead as it was.
"""

import subprocess

import pytest

pytestmark = pytest.mark.browser

MB = 1024 * 1024
NOT_SENT = "chưa được gửi đi"


@pytest.fixture(scope="module")
def huge_photo(tmp_path_factory):
    """A 31 MB file that starts like a PNG (sparse on disk)."""
    path = tmp_path_factory.mktemp("uploads") / "anh-le-hoi-31mb.png"
    with path.open("wb") as handle:
        handle.write(b"\x89PNG\r\n\x1a\n")
        handle.truncate(31 * MB)
    return path


@pytest.fixture(scope="module")
def huge_document(tmp_path_factory):
    path = tmp_path_factory.mktemp("uploads") / "bao-cao-31mb.pdf"
    with path.open("wb") as handle:
        handle.write(b"%PDF-1.7\n")
        handle.truncate(31 * MB)
    return path


@pytest.fixture(scope="module")
def article_id(browser_site):
    """A Vietnamese demo article in the browser site's own database."""
    shell = (
        "from news.models import NewsPage; "
        "print(NewsPage.objects.filter(locale__language_code='vi').order_by('path').first().pk)"
    )
    result = subprocess.run(
        browser_site.manage + ["shell", "-c", shell],
        env=browser_site.env, check=True, capture_output=True, text=True,
    )
    return int(result.stdout.strip().splitlines()[-1])


@pytest.fixture
def admin_tab(browser, server_url, admin_password):
    """The local superuser, signed in; every request the tab makes is recorded."""
    context = browser.new_context(base_url=server_url)
    context.route(
        "**/*",
        lambda route: route.abort()
        if not route.request.url.startswith(server_url)
        else route.fallback(),
    )
    tab = context.new_page()
    tab.goto("/admin/login/")
    tab.fill("input[name=username]", "admin")
    tab.fill("input[name=password]", admin_password)
    tab.click("button[type=submit]")
    tab.wait_for_url("**/admin/")
    tab.posts = []
    tab.on(
        "request",
        lambda request: tab.posts.append((request.url, len(request.post_data_buffer or b"")))
        if request.method == "POST"
        else None,
    )
    tab.errors = []
    tab.on("pageerror", lambda error: tab.errors.append(str(error)))
    yield tab
    context.close()


def notice_text(tab):
    notice = tab.locator(".portal-limit-notice")
    notice.first.wait_for(state="visible", timeout=5000)
    return notice.first.inner_text()


def choose_and_wait(tab, selector, path):
    tab.set_input_files(selector, str(path))
    # Long enough for an upload request to have started.
    tab.wait_for_timeout(1000)


@pytest.mark.parametrize(
    ("address", "selector", "limit"),
    [
        ("/admin/images/multiple/add/", "#fileupload", "10"),
        ("/admin/images/add/", "input[type=file]", "10"),
        ("/admin/documents/multiple/add/", "#fileupload", "20"),
        ("/admin/documents/add/", "input[type=file]", "20"),
    ],
)
def test_a_31_mb_file_is_refused_in_the_browser_and_never_sent(
    admin_tab, huge_photo, huge_document, address, selector, limit
):
    admin_tab.goto(address)
    path = huge_photo if "images" in address else huge_document
    choose_and_wait(admin_tab, selector, path)
    message = notice_text(admin_tab)
    assert path.name in message and "31 MB" in message and f"{limit} MB" in message
    assert NOT_SENT in message
    assert admin_tab.posts == [], "the file was sent"
    # The single-upload forms cannot be sent with the file either.
    if "multiple" not in address:
        assert admin_tab.locator(selector).evaluate("input => input.files.length") == 0
    assert admin_tab.errors == []


def test_the_image_choosers_upload_tab_refuses_a_31_mb_photo(admin_tab, huge_photo, article_id):
    admin_tab.goto(f"/admin/pages/{article_id}/edit/")
    # The main image's chooser (its button sits in a menu once an image is chosen).
    admin_tab.evaluate("document.querySelector('#id_image-chooser [data-chooser-action-choose]').click()")
    modal = admin_tab.locator(".modal-content")
    modal.locator("a[href='#tab-upload']").first.click()
    choose_and_wait(admin_tab, ".modal-content input[type=file]", huge_photo)
    message = modal.locator(".portal-limit-notice").first.inner_text()
    assert "31 MB" in message and "10 MB" in message and NOT_SENT in message
    assert [url for url, size in admin_tab.posts if size > MB] == [], "the photo was sent"
    assert admin_tab.errors == []


def test_a_1_mb_paste_into_the_lead_is_refused_with_a_message_and_the_lead_is_kept(
    admin_tab, article_id
):
    admin_tab.context.grant_permissions(["clipboard-read", "clipboard-write"])
    admin_tab.goto(f"/admin/pages/{article_id}/edit/")
    lead = admin_tab.locator("textarea[name=lead]")
    before = lead.input_value()
    document = "Sơn La tiếp đoàn công tác tỉnh Hủa Phăn. " * 25_000
    admin_tab.evaluate("text => navigator.clipboard.writeText(text)", document)
    lead.click()
    admin_tab.keyboard.press("End")
    admin_tab.keyboard.press("Control+V")
    message = notice_text(admin_tab)
    assert "1.000" in message and f"{len(document):,}".replace(",", ".") in message
    assert lead.input_value() == before
    # The character count shows how much room the lead has left.
    count = admin_tab.locator("textarea[name=lead] ~ .portal-char-count").inner_text()
    assert f"{len(before)} / 1.000" in count
