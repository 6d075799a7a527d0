"""The sync transport repeats a request the county could not serve yet: it waits as long as the
server's Retry-After asks (seconds or an HTTP date), backs off with jitter on a refused connection,
gives up within its time budget, and never repeats a request that is not idempotent once it may
have been acted on. A tiny real HTTP server on a real socket answers; the clock is frozen, so the
waits move it on instead of sleeping (the test runs in well under a second)."""

from __future__ import annotations

import datetime as dt
import json
import socket
import threading
import time
from email.utils import format_datetime
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import pytest

from app.core import clock
from app.sync.transport import Http, SyncError

START = dt.datetime(2026, 12, 1, 9, 0, tzinfo=dt.timezone.utc)


class Script:
    """The answers the server gives, in order (the last one repeats); the bodies it was sent."""

    def __init__(self, *answers: tuple[int, dict[str, str]]):
        self.answers = list(answers)
        self.bodies: list[bytes] = []


def _serve(script: Script):
    class Handler(BaseHTTPRequestHandler):
        def do_POST(self):  # noqa: N802 - http.server's name
            script.bodies.append(self.rfile.read(int(self.headers["Content-Length"])))
            status, headers = script.answers[min(len(script.bodies), len(script.answers)) - 1]
            body = json.dumps({"ok": True, "n": len(script.bodies)} if status < 400 else
                              {"error": {"code": "busy", "message": "县级服务器正忙，请稍后再试。"}}).encode()
            self.send_response(status)
            for k, v in {"Content-Type": "application/json", "Content-Length": str(len(body)), **headers}.items():
                self.send_header(k, v)
            self.end_headers()
            self.wfile.write(body)

        def log_message(self, *args):
            pass

    server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    return server


@pytest.fixture
def serve():
    servers = []

    def start(*answers):
        script = Script(*answers)
        servers.append(_serve(script))
        return f"http://127.0.0.1:{servers[-1].server_address[1]}", script

    yield start
    for s in servers:
        s.shutdown()
        s.server_close()


def test_503_with_retry_after_then_success(serve):
    url, script = serve((503, {"Retry-After": "7"}), (503, {"Retry-After": "7"}), (200, {}))
    http = Http(url, "token", backoff=0.5)
    real = time.monotonic()
    with clock.frozen(START) as frozen:
        answer = http.post("/api/v1/push", {"changes": [{"id": "c1"}]})
        waited = (frozen() - START).total_seconds()
    assert answer == {"ok": True, "n": 3}
    assert len(script.bodies) == 3 and len(set(script.bodies)) == 1  # the same change, sent again
    assert 14 <= waited <= 15  # twice Retry-After (7 s) plus at most the jitter
    assert time.monotonic() - real < 5  # the frozen clock moved on: nothing slept for real
    http.close()


def test_retry_after_as_an_http_date(serve):
    later = format_datetime(START + dt.timedelta(seconds=20), usegmt=True)
    url, script = serve((429, {"Retry-After": later}), (200, {}))
    http = Http(url, "token", backoff=0.5)
    with clock.frozen(START) as frozen:
        assert http.post("/api/v1/pull", {"cursor": 0})["ok"]
        assert 20 <= (frozen() - START).total_seconds() <= 20.5
    http.close()


def test_a_retry_after_beyond_the_budget_gives_up_at_once_with_the_servers_message(serve):
    url, script = serve((503, {"Retry-After": "3600"}), (200, {}))
    http = Http(url, "token", max_total=180)
    with clock.frozen(START) as frozen, pytest.raises(SyncError) as caught:
        http.post("/api/v1/push", {"changes": []})
    assert len(script.bodies) == 1 and frozen() == START
    assert caught.value.retryable and caught.value.status == 503
    assert caught.value.message == "县级服务器正忙，请稍后再试。"
    http.close()


def test_connection_refused_backs_off_with_jitter_within_the_budget():
    with socket.socket() as probe:  # a port nobody listens on
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    waits: list[float] = []
    with clock.frozen(START) as frozen:
        original = clock.sleep

        def record(seconds):
            waits.append(seconds)
            original(seconds)

        clock.sleep = record
        try:
            http = Http(f"http://127.0.0.1:{port}", "token", retries=20, backoff=1.0, max_total=60)
            with pytest.raises(SyncError) as caught:
                http.post("/api/v1/pull", {"cursor": 0})
        finally:
            clock.sleep = original
        assert (frozen() - START).total_seconds() <= 60
    assert caught.value.code == "network" and caught.value.retryable
    assert len(waits) >= 4 and all(w <= 31 for w in waits)
    assert waits[0] < waits[1] < waits[2]  # doubling outgrows the jitter (1 s)
    http.close()


def test_a_request_that_is_not_idempotent_is_not_repeated_after_a_500(serve):
    url, script = serve((500, {}), (200, {}))
    http = Http(url, None)
    with clock.frozen(START), pytest.raises(SyncError) as caught:
        http.post("/api/v1/enrol", {"code": "123456"}, idempotent=False)
    assert len(script.bodies) == 1 and caught.value.status == 500
    # ...but 503 means "not served": repeated even then
    url, script = serve((503, {"Retry-After": "1"}), (200, {}))
    with clock.frozen(START):
        assert Http(url, None).post("/api/v1/enrol", {"code": "123456"}, idempotent=False)["ok"]
    assert len(script.bodies) == 2
    http.close()
