"""The desktop pins the county's signing key at enrolment and refuses answers that the county did
not sign: a machine in the middle can neither alter a pull answer, strip the signature, replay an
old answer, nor pose as the county with another key. Real stores, a real server over real
sockets; the tampering is an httpx transport in the middle (a fault that cannot be made
otherwise)."""

from __future__ import annotations

import json

import httpx
import pytest
from sqlalchemy import select

from app.data.models.child import Child
from app.sync import client
from app.sync.client import SyncError
from app.sync.transport import Http
from tests.sync.live import LiveServer, server_db
from tests.sync.stores import V1, add_child, make_store


class MiddleMan(httpx.BaseTransport):
    """Forwards to the real server and rewrites answers of `path` with `alter(response, body)`."""

    def __init__(self, path: str, alter):
        self.inner = httpx.HTTPTransport()
        self.path = path
        self.alter = alter
        self.touched = 0

    def handle_request(self, request):
        response = self.inner.handle_request(request)
        if request.url.path != self.path:
            return response
        body = response.read()  # decoded (gunzipped) by httpx
        headers = [(k, v) for k, v in response.headers.items()
                   if k.lower() not in ("content-encoding", "content-length", "transfer-encoding")]
        new = self.alter(request, headers, body)
        if new is None:
            return httpx.Response(response.status_code, headers=headers, content=body)
        self.touched += 1
        status, headers, body = new
        return httpx.Response(status, headers=headers, content=body)

    def close(self):
        self.inner.close()


def _cursor(store) -> str:
    return store.setting(client.S_CURSOR)


def _children(store) -> list[str]:
    with store.read_session() as s:
        return list(s.scalars(select(Child.name)))


def _pair(live, tmp_path):
    a = make_store(tmp_path, "a", V1)
    b = make_store(tmp_path, "b", V1)
    client.enrol(a, live.url, live.code(V1))
    client.enrol(b, live.url, live.code(V1))
    add_child(a, "王小明")
    client.sync(a)
    return a, b


def _refused(store, transport) -> SyncError:
    before = (_cursor(store), _children(store))
    with pytest.raises(SyncError) as exc:
        client.sync(store, transport=transport, retries=0)
    assert exc.value.code == "bad_signature"
    assert "篡改" in exc.value.message and "没有任何改变" in exc.value.message
    assert (_cursor(store), _children(store)) == before  # nothing applied
    return exc.value


def test_altered_pull_answer_is_refused(live, tmp_path):
    a, b = _pair(live, tmp_path)

    def alter(request, headers, body):
        if b"\xe7\x8e\x8b" not in body:  # only the page that carries the child's name (王)
            return None
        return 200, headers, body.replace("王小明".encode(), "李小明".encode())

    middle = MiddleMan("/api/v1/pull", alter)
    _refused(b, middle)
    assert middle.touched == 1
    client.sync(b)  # the real answer is accepted
    assert _children(b) == ["王小明"]
    a.close()
    b.close()


def test_stripped_or_foreign_signature_is_refused(live, tmp_path):
    a, b = _pair(live, tmp_path)
    strip = MiddleMan("/api/v1/pull", lambda r, h, body: (200, [(k, v) for k, v in h if k.lower() != "x-tonghu-signature"], body))
    _refused(b, strip)
    # an answer signed by another key (a fake server holding its own key pair)
    from app.core import signing
    from app.sync.identity import Identity

    fake = Identity.generate()

    def resign(request, headers, body):
        import base64

        nonce = request.headers.get(signing.HEADER_NONCE, "")
        sig = base64.b64encode(fake.sign_private.sign(signing.answer_message(200, "/api/v1/pull", nonce, body))).decode()
        return 200, [(k, v) for k, v in headers if k.lower() != "x-tonghu-signature"] + [("X-Tonghu-Signature", sig)], body

    _refused(b, MiddleMan("/api/v1/pull", resign))
    a.close()
    b.close()


def test_replayed_old_answer_is_refused(live, tmp_path):
    """An answer the county really signed, replayed for a later request, does not verify: the
    signature covers the request's own nonce."""
    a, b = _pair(live, tmp_path)
    kept: dict = {}

    def replay(request, headers, body):
        if "first" not in kept:
            kept["first"] = (headers, body)
            return None
        h, old = kept["first"]
        return 200, h, old

    middle = MiddleMan("/api/v1/pull", replay)
    client.sync(b, transport=middle)  # first pull is genuine and kept
    add_child(a, "赵小红")
    client.sync(a)
    _refused(b, middle)
    a.close()
    b.close()


def test_a_server_with_another_county_key_is_refused(live, tmp_path):
    """A store pinned to this county, pointed at another server (another county, or a machine
    posing as the county), gets no answer it will use — not even a refusal's message."""
    a, b = _pair(live, tmp_path)
    (tmp_path / "other").mkdir()
    with server_db("sqlite", tmp_path / "other") as other_db, LiveServer(other_db) as other:
        before = (_cursor(b), _children(b))
        with pytest.raises(SyncError) as exc:
            client.sync(b, server=other.url, retries=0)
        assert exc.value.code == "bad_signature"
        assert (_cursor(b), _children(b)) == before
    a.close()
    b.close()


def test_signed_answers_survive_gzip_both_ways(live, tmp_path):
    """Large pushes travel gzip-compressed, large pull answers come back gzip-compressed, and the
    signatures (over the plain bodies) verify."""
    a, b = _pair(live, tmp_path)
    for i in range(60):
        add_child(a, f"儿童{i:03d}", address="江苏省南京市江宁区东山街道某某村第三村民小组" * 3)
    seen = {"request_gzip": 0, "answer_gzip": 0}

    class Watch(httpx.HTTPTransport):
        def handle_request(self, request):
            if request.headers.get("content-encoding") == "gzip":
                seen["request_gzip"] += 1
            response = super().handle_request(request)
            if response.headers.get("content-encoding") == "gzip":
                seen["answer_gzip"] += 1
            return response

    client.sync(a, transport=Watch())
    client.sync(b, transport=Watch())
    assert seen["request_gzip"] >= 1 and seen["answer_gzip"] >= 1
    assert len(_children(b)) == 61
    a.close()
    b.close()


def test_unpinned_transport_still_works_and_bad_key_is_refused(live):
    http = Http(live.url, None)  # no key known yet (enrolment): trust on first use
    try:
        assert http.client.get("/api/v1/hello").status_code == 200
    finally:
        http.close()
    with pytest.raises(SyncError) as exc:
        Http(live.url, None, county_sign_public="not a key")
    assert exc.value.code == "bad_key"
    from app.sync.identity import Identity

    key = json.dumps(Identity.generate().public().to_dict())
    Http(live.url, None, county_sign_public=key).close()  # the stored county_public JSON form


def test_server_address_without_scheme_means_https_except_on_this_machine():
    from app.sync.transport import normalise_server

    assert normalise_server(" 10.32.1.5:8765/ ") == "https://10.32.1.5:8765"
    assert normalise_server("county.example") == "https://county.example"
    assert normalise_server("127.0.0.1:8765") == "http://127.0.0.1:8765"
    assert normalise_server("localhost:8765") == "http://localhost:8765"
    assert normalise_server("[::1]:8765") == "http://[::1]:8765"
    assert normalise_server("http://10.1.1.1:1") == "http://10.1.1.1:1"  # an explicit scheme is kept
