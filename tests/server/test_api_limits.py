"""Bounded input at the county server, over real sockets: bodies counted while they stream in (a
chunked upload without Content-Length stops at the limit), gzip request bodies inflated under the
same bound, integers past 64 bits and deep nesting refused as 400, a failing database answered with
a signed, retryable 503 instead of a bare 500, and large answers gzip-compressed on the wire."""

from __future__ import annotations

import gzip
import json
import select
import socket
import time

import httpx
from sqlalchemy import text

from app.core import protocol as P
from app.core import signing
from app.server import service
from app.sync.identity import Identity
from tests.sync.stores import V1

MIB = 1024 * 1024


def _headers(token: str | None = None, **extra) -> dict:
    headers = {P.HEADER_PROTOCOL: str(P.PROTOCOL), "Content-Type": "application/json", **extra}
    if token:
        headers["Authorization"] = f"Bearer {token}"
    return headers


def _enrol(live, device_id="0190limit-0000-7000-8000-000000000001") -> str:
    r = httpx.post(live.url + "/api/v1/enrol", headers=_headers(), json={
        "code": live.code(V1), "device_id": device_id, "name": "t",
        "public_keys": Identity.generate().public().to_dict()})
    assert r.status_code == 200, r.text
    return r.json()["token"]


def _verify(live, r: httpx.Response, path: str, nonce: str = "") -> bool:
    county = service.county_identity(live.db).public().sign
    return signing.verify(county, r.headers.get(signing.HEADER_SIGNATURE),
                          signing.answer_message(r.status_code, path, nonce, r.content))


def test_chunked_enrol_body_stops_at_the_limit(live):
    """Unauthenticated, no Content-Length: the server answers 413 once 16 MiB have streamed in,
    while the client is still sending; it never waits for (or buffers) the whole body."""
    sock = socket.create_connection(("127.0.0.1", live.port))
    sock.sendall(f"POST /api/v1/enrol HTTP/1.1\r\nHost: x\r\n{P.HEADER_PROTOCOL}: {P.PROTOCOL}\r\n"
                 "Content-Type: application/json\r\nTransfer-Encoding: chunked\r\n\r\n".encode())
    chunk = b" " * (256 * 1024)
    framed = f"{len(chunk):x}\r\n".encode() + chunk + b"\r\n"
    sent = 0
    answer = b""
    sock.setblocking(False)
    deadline = time.monotonic() + 30
    while sent < 600 * MIB and time.monotonic() < deadline:
        readable, writable, _ = select.select([sock], [sock], [], 1.0)
        if readable:
            try:
                answer = sock.recv(65536)
            except OSError:
                pass
            break
        if writable:
            try:
                sent += sock.send(framed)
            except (BlockingIOError, InterruptedError):
                continue
            except OSError:  # the server closed while we were still sending
                break
    sock.setblocking(True)
    sock.settimeout(5)
    try:
        while b"\r\n\r\n" not in answer:
            more = sock.recv(65536)
            if not more:
                break
            answer += more
    except OSError:
        pass
    sock.close()
    assert answer.startswith(b"HTTP/1.1 413"), answer[:200]
    assert sent < 64 * MIB  # stopped long before 600 MiB (kernel buffers hold a few MiB)


def test_gzip_request_bodies_inflate_under_the_same_bound(live):
    token = _enrol(live)
    body = gzip.compress(json.dumps({"cursor": 0, "limit": 5}).encode())
    r = httpx.post(live.url + "/api/v1/pull", content=body, headers=_headers(token, **{"Content-Encoding": "gzip"}))
    assert r.status_code == 200, r.text
    bomb = gzip.compress(b" " * (P.MAX_BODY_BYTES + 1), compresslevel=9)
    assert len(bomb) < 64 * 1024
    r = httpx.post(live.url + "/api/v1/pull", content=bomb, headers=_headers(token, **{"Content-Encoding": "gzip"}))
    assert r.status_code == 413 and r.json()["error"]["code"] == "too_large"
    r = httpx.post(live.url + "/api/v1/pull", content=body[:-6], headers=_headers(token, **{"Content-Encoding": "gzip"}))
    assert r.status_code == 400 and r.json()["error"]["code"] == "malformed"
    r = httpx.post(live.url + "/api/v1/pull", content=body, headers=_headers(token, **{"Content-Encoding": "br"}))
    assert r.status_code == 400


def test_out_of_range_integers_and_deep_nesting_are_400(live):
    token = _enrol(live)
    for raw in (b'{"cursor": 9223372036854775808}', b'{"cursor": 0, "limit": -9223372036854775809}',
                b'{"cursor": 1e999}', b'{"cursor": NaN}', b"[" * 100000, b'{"cursor": "\\ud800"}',
                b"\xff\xfe", b""):
        r = httpx.post(live.url + "/api/v1/pull", content=raw, headers=_headers(token))
        assert r.status_code == 400, (raw[:40], r.status_code, r.text)
        assert r.json()["error"]["code"] == "malformed"
        assert "未作任何更改" in r.json()["error"]["message"]
    big = json.dumps({"changes": [{"seq": 2 ** 63}]}).encode()
    r = httpx.post(live.url + "/api/v1/push", content=big, headers=_headers(token))
    assert r.status_code in (400, 422)


def test_oversized_content_length_refused_before_reading(live):
    with socket.create_connection(("127.0.0.1", live.port), timeout=10) as sock:
        sock.sendall(f"POST /api/v1/enrol HTTP/1.1\r\nHost: x\r\n{P.HEADER_PROTOCOL}: {P.PROTOCOL}\r\n"
                     f"Content-Length: {P.MAX_BODY_BYTES + 1}\r\n\r\n{{}}".encode())
        answer = sock.recv(65536)
    assert answer.startswith(b"HTTP/1.1 413"), answer[:200]


def test_failing_database_answers_signed_503(live):
    """A database that fails underneath (here: its device table dropped) is a retryable 503 with a
    Chinese message, signed like every answer, never a bare 500."""
    token = _enrol(live)
    with live.db.engine.begin() as conn:
        conn.execute(text("DROP TABLE srv_device"))
    r = httpx.post(live.url + "/api/v1/pull", json={"cursor": 0}, headers=_headers(token, **{signing.HEADER_NONCE: "n1"}))
    assert r.status_code == 503, r.text
    assert r.json()["error"]["code"] == "unavailable" and "稍后再试" in r.json()["error"]["message"]
    assert _verify(live, r, "/api/v1/pull", "n1")


def test_large_answers_are_gzipped_and_signed_over_the_plain_body(live):
    token = _enrol(live)
    r = httpx.get(live.url + "/api/v1/hello", headers=_headers(**{"Accept-Encoding": "gzip"}))
    assert r.headers.get("content-encoding") is None  # small: sent as is
    assert _verify(live, r, "/api/v1/hello")
    # an error body padded past 1 KiB: the 400 message names the field; use a long bogus key
    raw = json.dumps({"cursor": 0, "x" * 3000: 1}).encode()
    with httpx.Client() as c:
        r = c.post(live.url + "/api/v1/pull", content=raw, headers=_headers(token, **{"Accept-Encoding": "gzip"}))
    assert r.status_code == 400
    assert len(r.content) > 1024 and r.headers.get("content-encoding") == "gzip"
    assert _verify(live, r, "/api/v1/pull")


def test_client_that_disconnects_mid_upload_leaves_the_server_serving(live):
    token = _enrol(live)
    for _ in range(3):
        sock = socket.create_connection(("127.0.0.1", live.port))
        sock.sendall(f"POST /api/v1/push HTTP/1.1\r\nHost: x\r\n{P.HEADER_PROTOCOL}: {P.PROTOCOL}\r\n"
                     f"Authorization: Bearer {token}\r\nTransfer-Encoding: chunked\r\n\r\n"
                     "10\r\n{\"changes\": [   \r\n".encode())
        sock.close()
    time.sleep(0.2)
    r = httpx.post(live.url + "/api/v1/pull", json={"cursor": 0}, headers=_headers(token))
    assert r.status_code == 200
