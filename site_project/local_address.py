"""The address a local server (``make run``) answers on, as people should type it.

``make run HOST=… PORT=…`` passes its host and port on as ``PORTAL_HOST`` and
``PORTAL_PORT``; the settings build the admin's base URL from them, so the
address ``create_local_admin`` prints and the links in notification e-mails
name the port the server really listens on, not a fixed 8000.
"""

DEFAULT_HOST = "127.0.0.1"
DEFAULT_PORT = "8000"

# Listening on every interface: a browser on this machine reaches it on loopback.
_EVERY_INTERFACE = {"0.0.0.0": "127.0.0.1", "::": "[::1]", "[::]": "[::1]"}


def browser_host(host):
    """``host`` as it goes in a URL: loopback for "every interface", IPv6 in brackets."""
    host = (host or "").strip() or DEFAULT_HOST
    host = _EVERY_INTERFACE.get(host, host)
    if ":" in host and not host.startswith("["):
        host = f"[{host}]"
    return host


def base_url(host=None, port=None):
    """``http://host:port`` of the local server; 80 is left out as browsers do."""
    port = (port or "").strip() or DEFAULT_PORT
    if not port.isdigit():
        raise ValueError(f"PORTAL_PORT must be a port number, not {port!r}.")
    suffix = "" if port == "80" else f":{port}"
    return f"http://{browser_host(host)}{suffix}"


def allowed_host(host):
    """The name to add to ALLOWED_HOSTS for ``host``, or None for loopback and every-interface."""
    host = (host or "").strip()
    if not host or host in _EVERY_INTERFACE or host in {"127.0.0.1", "localhost", "::1", "[::1]"}:
        return None
    return f"[{host}]" if ":" in host and not host.startswith("[") else host
