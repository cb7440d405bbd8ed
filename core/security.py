"""Security headers that Django 5.2 does not set itself.

``SecurityHeadersMiddleware`` adds to every response (static files, error
pages and the admin included):

- ``Content-Security-Policy``: public pages may load scripts, styles, fonts
  and images from the portal's own origin only; no inline script, no
  ``eval``, no plug-ins, no framing. The Wagtail admin needs more (see
  ``ADMIN_POLICY``); its login page keeps the strict script rule. People
  who may use the admin also get ``eval`` on public pages, for the userbar
  (``EDITOR_PUBLIC_POLICY``).
- ``Permissions-Policy``: the portal uses no camera, microphone, location,
  payment or other powerful feature, so none may be asked for.

Django's ``SecurityMiddleware`` sets ``X-Content-Type-Options``,
``Referrer-Policy``, ``Cross-Origin-Opener-Policy`` and, in production over
HTTPS, ``Strict-Transport-Security``.

Origins for images served from elsewhere (object storage, a CDN) are added
with the ``CONTENT_SECURITY_POLICY_IMG_SOURCES`` setting.
"""

from django.conf import settings

PUBLIC_POLICY = {
    "default-src": ["'self'"],
    "script-src": ["'self'"],
    "style-src": ["'self'"],
    "img-src": ["'self'", "data:"],
    "font-src": ["'self'"],
    "connect-src": ["'self'"],
    "media-src": ["'self'"],
    "object-src": ["'none'"],
    "frame-src": ["'none'"],
    "base-uri": ["'self'"],
    "form-action": ["'self'"],
    "frame-ancestors": ["'none'"],
}

# What the Wagtail 8 admin was seen to need in Chromium (tests/browser/
# test_security_policy.py): inline <script> blocks in inline panels, date
# widgets and choosers; eval (new Function) in core.js's preview and checker
# controllers; inline style attributes; blob: and data: images for upload
# previews; framing by itself for the preview panel. Still no plug-ins, no
# foreign origin, no foreign form target.
ADMIN_POLICY = {
    **PUBLIC_POLICY,
    "script-src": ["'self'", "'unsafe-inline'", "'unsafe-eval'"],
    "style-src": ["'self'", "'unsafe-inline'"],
    "img-src": ["'self'", "data:", "blob:"],
    "frame-src": ["'self'"],
    "frame-ancestors": ["'self'"],
}

# Public pages seen by someone who may use the admin carry Wagtail's userbar,
# whose accessibility checker (axe-core) compiles its message templates with
# new Function(): those visitors also get 'unsafe-eval'. Never 'unsafe-inline'.
EDITOR_PUBLIC_POLICY = {**PUBLIC_POLICY, "script-src": ["'self'", "'unsafe-eval'"]}

# Pages under the admin prefix that run no inline script and can keep the
# public script rule: the login form is what an attacker reaches first.
STRICT_ADMIN_PATHS = ("login/", "password_reset/")

PERMISSIONS_POLICY = ", ".join(
    f"{feature}=()"
    for feature in (
        "accelerometer",
        "autoplay",
        "camera",
        "display-capture",
        "geolocation",
        "gyroscope",
        "magnetometer",
        "microphone",
        "midi",
        "payment",
        "usb",
        "xr-spatial-tracking",
    )
)


def render_policy(policy):
    """``{"img-src": ["'self'", "data:"]}`` -> ``"img-src 'self' data:"``."""
    return "; ".join(f"{name} {' '.join(sources)}" for name, sources in policy.items())


def with_image_sources(policy, extra_sources):
    if not extra_sources:
        return policy
    return {**policy, "img-src": [*policy["img-src"], *extra_sources]}


def add_security_headers(response, request=None):
    """The strict policy and Django's basic headers, for an answer given before any middleware ran."""
    response.headers["Content-Security-Policy"] = render_policy(PUBLIC_POLICY)
    response.headers.setdefault("Permissions-Policy", PERMISSIONS_POLICY)
    response.headers.setdefault("X-Content-Type-Options", "nosniff")
    response.headers.setdefault("Referrer-Policy", settings.SECURE_REFERRER_POLICY or "same-origin")
    return response


def is_editor(request):
    """Whether Wagtail shows this request its userbar (someone allowed into the admin).

    Responses answered before authentication (static files) have no user.
    """
    user = getattr(request, "user", None)
    return bool(user is not None and user.is_authenticated and user.has_perm("wagtailadmin.access_admin"))


class SecurityHeadersMiddleware:
    """Add the Content-Security-Policy and Permissions-Policy headers.

    Place it right after ``django.middleware.security.SecurityMiddleware`` so
    that responses WhiteNoise answers early get the headers too.
    """

    def __init__(self, get_response):
        self.get_response = get_response
        extra = list(getattr(settings, "CONTENT_SECURITY_POLICY_IMG_SOURCES", []))
        self.public_policy = render_policy(with_image_sources(PUBLIC_POLICY, extra))
        self.editor_public_policy = render_policy(with_image_sources(EDITOR_PUBLIC_POLICY, extra))
        self.admin_policy = render_policy(with_image_sources(ADMIN_POLICY, extra))
        self.admin_prefix = "/admin/"
        self.strict_admin_prefixes = tuple(self.admin_prefix + path for path in STRICT_ADMIN_PATHS)

    def policy_for(self, request, path):
        if path.startswith(self.admin_prefix) and not path.startswith(self.strict_admin_prefixes):
            return self.admin_policy
        if is_editor(request):
            return self.editor_public_policy
        return self.public_policy

    def __call__(self, request):
        path = request.path_info
        response = self.get_response(request)
        # Set, not added if missing: Wagtail renders a preview by passing a
        # copy of the request, with the page's public path, through the
        # whole middleware stack again; the response that leaves here is
        # framed by the admin and must get the admin's policy.
        response.headers["Content-Security-Policy"] = self.policy_for(request, path)
        response.headers.setdefault("Permissions-Policy", PERMISSIONS_POLICY)
        return response
