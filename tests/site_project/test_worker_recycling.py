"""Gunicorn workers are recycled by memory, not every few thousand requests.

The unit tests drive ``site_project.worker_recycling`` with a stand-in worker;
the others run the real gunicorn with ``site_project/gunicorn.conf.py`` and a
small application that reports its process id, so a restart shows as a new id.
"""

import http.client
import mmap
import os
import socket
import subprocess
import sys
import time
from types import SimpleNamespace

import pytest

from site_project import worker_recycling
from tests.site_project.production_env import BASE_DIR

MIB = 1024 * 1024


class Log:
    def __init__(self):
        self.lines = []

    def info(self, message, *args):
        self.lines.append(message % args)


def worker(requests_served):
    return SimpleNamespace(alive=True, nr=requests_served, pid=4242, log=Log())


def test_a_worker_above_the_limit_finishes_its_request_and_retires():
    grown = worker(worker_recycling.CHECK_EVERY * 3)
    assert worker_recycling.retire_if_too_big(grown, 300 * MIB, measure=lambda: 301 * MIB)
    assert grown.alive is False
    assert "301 MiB resident, above the 300 MiB limit" in grown.log.lines[0]


def test_a_worker_below_the_limit_keeps_serving():
    healthy = worker(worker_recycling.CHECK_EVERY * 3)
    assert not worker_recycling.retire_if_too_big(healthy, 300 * MIB, measure=lambda: 120 * MIB)
    assert healthy.alive is True and healthy.log.lines == []


def test_memory_is_read_only_every_few_requests_and_not_at_all_when_off():
    reads = []

    def measure():
        reads.append(1)
        return 999 * MIB

    for served in range(1, worker_recycling.CHECK_EVERY):
        assert not worker_recycling.retire_if_too_big(worker(served), 300 * MIB, measure=measure)
    assert reads == []
    assert not worker_recycling.retire_if_too_big(worker(worker_recycling.CHECK_EVERY), 0, measure=measure)
    assert reads == []


def test_resident_memory_is_this_process_s():
    # A fresh anonymous mapping, every page written: malloc could otherwise
    # hand back memory a long test run already holds, and RSS would not move.
    before = worker_recycling.resident_bytes()
    block = mmap.mmap(-1, 64 * MIB)
    for offset in range(0, 64 * MIB, mmap.PAGESIZE):
        block[offset] = 1
    assert worker_recycling.resident_bytes() >= before + 60 * MIB
    block.close()


@pytest.mark.parametrize(
    "value, expected",
    [(None, 400 * MIB), ("", 400 * MIB), ("250", 250 * MIB), ("0", 0)],
)
def test_the_limit_comes_from_the_environment(value, expected):
    environ = {} if value is None else {"GUNICORN_MAX_WORKER_MEMORY_MB": value}
    assert worker_recycling.limit_from_environment(environ) == expected


@pytest.mark.parametrize("value", ["lots", "-5", "1.5"])
def test_a_malformed_limit_stops_start_up_with_its_name(value):
    with pytest.raises(ValueError, match="GUNICORN_MAX_WORKER_MEMORY_MB"):
        worker_recycling.limit_from_environment({"GUNICORN_MAX_WORKER_MEMORY_MB": value})


# -- the real gunicorn -----------------------------------------------------------


def free_port():
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def serve(**env):
    port = free_port()
    environment = {
        key: value for key, value in os.environ.items() if not key.startswith(("GUNICORN_", "LEAK_"))
    }
    environment.update(GUNICORN_BIND=f"127.0.0.1:{port}", GUNICORN_WORKERS="1", GUNICORN_ACCESS_LOG="/dev/null", **env)
    server = subprocess.Popen(
        [sys.executable, "-m", "gunicorn", "-c", "site_project/gunicorn.conf.py", "tests.site_project.leaky_app:application"],
        cwd=BASE_DIR, env=environment, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True,
    )
    deadline = time.monotonic() + 30
    while time.monotonic() < deadline:
        try:
            socket.create_connection(("127.0.0.1", port), timeout=0.2).close()
            return server, port
        except OSError:
            time.sleep(0.1)
    server.kill()
    raise AssertionError("gunicorn did not start: " + server.stdout.read())


def worker_ids(port, requests):
    ids = []
    for _ in range(requests):
        connection = http.client.HTTPConnection("127.0.0.1", port, timeout=10)
        connection.request("GET", "/")
        ids.append(connection.getresponse().read().decode())
        connection.close()
    return ids


def stop(server):
    server.terminate()
    try:
        return server.communicate(timeout=30)[0]
    except subprocess.TimeoutExpired:
        server.kill()
        return server.communicate()[0]


def test_gunicorn_replaces_a_worker_that_leaks_past_the_limit():
    server, port = serve(GUNICORN_MAX_WORKER_MEMORY_MB="80", LEAK_MIB_PER_REQUEST="2")
    try:
        ids = worker_ids(port, 150)
    finally:
        log = stop(server)
    assert all(ids), "every request was answered"
    assert len(set(ids)) >= 3, log
    assert "above the 80 MiB limit" in log


def test_gunicorn_keeps_a_steady_worker_past_thousands_of_requests():
    """The old configuration restarted every 2,000-2,200 requests."""
    server, port = serve()
    try:
        ids = worker_ids(port, 2600)
    finally:
        stop(server)
    assert len(ids) == 2600 and len(set(ids)) == 1
