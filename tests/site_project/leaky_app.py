"""A WSGI application for the worker-recycling tests: answers with its process id.

With ``LEAK_MIB_PER_REQUEST`` set, every request keeps that much memory for
good, as a leak in a real view would.
"""

import os

LEAK = []
LEAK_BYTES = int(float(os.environ.get("LEAK_MIB_PER_REQUEST", "0")) * 1024 * 1024)


def application(environ, start_response):
    if LEAK_BYTES:
        # bytearray pages are touched, so they count as resident memory.
        LEAK.append(bytearray(b"x" * LEAK_BYTES))
    body = str(os.getpid()).encode()
    start_response("200 OK", [("Content-Type", "text/plain"), ("Content-Length", str(len(body)))])
    return [body]
