"""``WAGTAILLOCALIZE_MACHINE_TRANSLATOR`` from the environment.

Imported by the settings module, so it must not import Django models.

The portal's translator is always ``translations.machine.MemoryFirstTranslator``:
translation memory and the glossary work offline. An external service is added
behind them by environment variables:

- ``PORTAL_MACHINE_TRANSLATOR=deepl`` with ``DEEPL_AUTH_KEY`` (keys ending in
  ``:fx`` use DeepL's free API);
- ``PORTAL_MACHINE_TRANSLATOR=libretranslate`` with ``LIBRETRANSLATE_URL`` and,
  if the server wants one, ``LIBRETRANSLATE_API_KEY``;
- ``PORTAL_MACHINE_TRANSLATOR_LANGUAGES``: target languages the service may
  translate into (default ``en``: neither service handles Lao well, if at all).
"""

SERVICES = {
    "deepl": "wagtail_localize.machine_translators.deepl.DeepLTranslator",
    "libretranslate": "wagtail_localize.machine_translators.libretranslate.LibreTranslator",
}


def _service(environ):
    name = environ.get("PORTAL_MACHINE_TRANSLATOR", "").strip().lower()
    if not name or name == "none":
        return None
    if name not in SERVICES:
        raise ValueError(f"PORTAL_MACHINE_TRANSLATOR must be one of {', '.join(SERVICES)}, not {name!r}")
    if name == "deepl":
        key = environ.get("DEEPL_AUTH_KEY", "").strip()
        if not key:
            raise ValueError("PORTAL_MACHINE_TRANSLATOR=deepl needs DEEPL_AUTH_KEY")
        options = {"AUTH_KEY": key}
    else:
        url = environ.get("LIBRETRANSLATE_URL", "").strip().rstrip("/")
        if not url:
            raise ValueError("PORTAL_MACHINE_TRANSLATOR=libretranslate needs LIBRETRANSLATE_URL")
        options = {"LIBRETRANSLATE_URL": url, "API_KEY": environ.get("LIBRETRANSLATE_API_KEY", "")}
    languages = [
        code.strip()
        for code in environ.get("PORTAL_MACHINE_TRANSLATOR_LANGUAGES", "en").split(",")
        if code.strip()
    ]
    return {"CLASS": SERVICES[name], "OPTIONS": options, "LANGUAGES": languages}


def machine_translator_setting(environ):
    """The setting's value: memory and glossary first, then the service, if any."""
    return {
        "CLASS": "translations.machine.MemoryFirstTranslator",
        "OPTIONS": {"SERVICE": _service(environ)},
    }
