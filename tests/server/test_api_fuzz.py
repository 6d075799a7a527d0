"""Fuzzing the sync API over real sockets: whatever a client sends, the county answers 4xx or a
success, never 500, and every answer is a signed JSON body.

Bodies are generated at run time from the request models' JSON schemas
(`app/core/protocol.py`: `EnrolRequest`, `PushRequest`, `PullRequest`), so the test follows the
protocol as it changes. Most examples are valid by the schema and steered towards the server's
real tables, fields, rows and the enrolled device's own id (so they reach the merge and the
database); the rest break it: wrong types, missing or extra fields, strings one past their limit,
integers at and past 64 bits, NUL characters, deep nesting, bytes that are not JSON or not UTF-8,
gzip bodies whole, corrupt or inflating past the limit. Bounded in time (a time budget per
backend, then the remaining examples are skipped).
"""

from __future__ import annotations

import base64
import gzip
import json
import time

import httpx
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from app.core import protocol as P
from app.core import signing
from app.data.base import synced_tables
from app.server import service
from app.sync.identity import Identity

EXAMPLES = 300
BUDGET_S = 18.0  # per backend; the whole file stays well under a minute
MIN_REQUESTS = 60
INT64 = 2 ** 63
ENDPOINTS = {"/api/v1/enrol": "EnrolRequest", "/api/v1/push": "PushRequest", "/api/v1/pull": "PullRequest"}
VILLAGE = "320115101201"


# -- strategies from JSON schema ------------------------------------------------------------------
def _resolve(schema: dict, root: dict) -> dict:
    while "$ref" in schema:
        name = schema["$ref"].split("/")[-1]
        schema = root.get("$defs", {}).get(name, {})
    return schema


_SCALARS = st.none() | st.booleans() | st.integers(-(2 ** 70), 2 ** 70) | st.text(max_size=20) | \
    st.floats(allow_nan=False, allow_infinity=False)
_JSON = st.recursive(_SCALARS, lambda inner: st.lists(inner, max_size=4)
                     | st.dictionaries(st.text(max_size=8), inner, max_size=4), max_leaves=10)


def _json_values():
    return _JSON


def _string(schema: dict):
    lo, hi = schema.get("minLength", 0), schema.get("maxLength")
    if "pattern" in schema:
        return st.from_regex(schema["pattern"], fullmatch=True)
    return st.text(min_size=lo, max_size=max(lo, min(hi or 40, 40)))


def _integer(schema: dict):
    lo, hi = schema.get("minimum", -(2 ** 40)), schema.get("maximum", 2 ** 40)
    return st.one_of(st.integers(max(lo, -1000), max(min(hi, 10 ** 6), lo)), st.sampled_from([lo, hi]))


def _edges(schema: dict, root: dict) -> list:
    """Values just outside what the schema allows (for the mutation step)."""
    schema = _resolve(schema, root)
    out = []
    for sub in list(schema.get("anyOf", ())) + list(schema.get("oneOf", ())):
        out.extend(_edges(sub, root))
    hi, lo = schema.get("maxLength"), schema.get("minLength")
    if hi is not None:
        out.append("x" * (hi + 1) if hi <= 70000 else "长" * 3000)
    if lo:
        out.append("x" * (lo - 1))
    if schema.get("type") == "integer":
        out.extend(v for v in (schema.get("minimum", 0) - 1, schema.get("maximum", INT64 - 1) + 1) if abs(v) < 2 ** 80)
    return out


class Steer:
    """Values that reach deep into the server: its own tables, fields and rows, the device's id."""

    def __init__(self, device_id: str):
        self._hlc = None
        tables = synced_tables()
        self.tables = sorted(tables)
        self.fields = sorted({c.name for cls in tables.values() for c in cls.__table__.columns} | {"*"})
        self.rows = [f"0190000000007{n:03d}a000000000000000" for n in range(4)][:4]
        self.device_id = device_id
        self.now = int(time.time() * 1000)

    def hlc(self):
        if self._hlc is None:
            near = st.integers(self.now - 10 ** 9, self.now + 10 ** 8).map(lambda ms: f"{ms:015d}.{0:05d}")
            self._hlc = st.one_of(near, near, st.just("000000000000000.00000"), st.just("999999999999999.99999"))
        return self._hlc

    def value(self):
        return _JSON.map(lambda v: json.dumps(v, ensure_ascii=False))


def strategy(schema: dict, root: dict, steer: Steer, name: str = "", depth: int = 0):
    schema = _resolve(schema, root)
    hints = {
        "table": st.sampled_from(steer.tables),
        "field": st.sampled_from(steer.fields),
        "row_id": st.sampled_from(steer.rows),
        "child_id": st.sampled_from(steer.rows),
        "origin": st.just(steer.device_id),
        "device_id": st.just(steer.device_id),
        "hlc": steer.hlc(),
        "base_hlc": steer.hlc(),
        "value": steer.value(),
    }
    if name in hints and depth > 0:
        return st.one_of(hints[name], hints[name], hints[name], _raw(schema, root, steer, name, depth))
    return _raw(schema, root, steer, name, depth)


def _raw(schema: dict, root: dict, steer: Steer, name: str, depth: int):
    if "const" in schema:
        return st.just(schema["const"])
    if "enum" in schema:
        return st.sampled_from(schema["enum"])
    for key in ("anyOf", "oneOf"):
        if key in schema:
            return st.one_of(*[strategy(s, root, steer, name, depth) for s in schema[key]])
    kind = schema.get("type")
    if isinstance(kind, list):
        return st.one_of(*[_raw({**schema, "type": k}, root, steer, name, depth) for k in kind])
    scalar = _scalar(kind, schema)
    if scalar is not None:
        return scalar
    if kind == "array":
        items = schema.get("items", {})
        hi = min(schema.get("maxItems", 5), 5)
        return st.lists(strategy(items, root, steer, name, depth + 1), max_size=hi)
    if kind == "object" or "properties" in schema:
        return _object(schema, root, steer, depth)
    return _json_values()


def _scalar(kind, schema: dict):
    """The strategy of a JSON scalar type; None for an array, an object or no type."""
    if kind == "string":
        return _string(schema)
    if kind == "integer":
        return _integer(schema)
    if kind == "number":
        return st.floats(allow_nan=False, allow_infinity=False)
    if kind == "boolean":
        return st.booleans()
    if kind == "null":
        return st.none()
    return None


def _object(schema: dict, root: dict, steer: Steer, depth: int):
    props = schema.get("properties", {})
    required = set(schema.get("required", ()))
    extra = schema.get("additionalProperties")
    if not props:
        values = strategy(extra, root, steer, "", depth + 1) if isinstance(extra, dict) else _json_values()
        return st.dictionaries(st.text(max_size=10), values, max_size=3)

    subs = {key: strategy(sub, root, steer, key, depth + 1) for key, sub in props.items()}

    @st.composite
    def build(draw):
        out = {}
        for key, sub in subs.items():
            if key in required or draw(st.booleans()):
                out[key] = draw(sub)
        return out

    return build()


# -- breaking a valid body ------------------------------------------------------------------------
def _paths(obj, prefix=()):
    yield prefix
    if isinstance(obj, dict):
        for k, v in obj.items():
            yield from _paths(v, prefix + (k,))
    elif isinstance(obj, list):
        for i, v in enumerate(obj):
            yield from _paths(v, prefix + (i,))


def _replace(obj, path, new):
    if not path:
        return new
    if isinstance(obj, dict):
        return {k: (_replace(v, path[1:], new) if k == path[0] else v) for k, v in obj.items()}
    return [(_replace(v, path[1:], new) if i == path[0] else v) for i, v in enumerate(obj)]


def _drop(obj, path):
    if len(path) == 1:
        if isinstance(obj, dict):
            return {k: v for k, v in obj.items() if k != path[0]}
        return [v for i, v in enumerate(obj) if i != path[0]]
    return _replace(obj, path[:-1], _drop(_get(obj, path[:-1]), path[-1:]))


def _get(obj, path):
    for p in path:
        obj = obj[p]
    return obj


WEIRD = st.sampled_from([None, True, 0, -1, INT64 - 1, INT64, -INT64 - 1, 10 ** 40, 1.5, "", "\u0000",
                         "x" * 70000, [], {}, [None], {"": None}, "１２３", "\ud7ff\ue000",
                         "'; DROP TABLE device; --"])


def _all_edges(root: dict) -> list:
    found = []

    def walk(node):
        if isinstance(node, dict):
            found.extend(_edges(node, root))
            for v in node.values():
                walk(v)
        elif isinstance(node, list):
            for v in node:
                walk(v)

    walk(root)
    return found or [None]


@st.composite
def mutated(draw, valid, edges):
    body = draw(valid)
    how = draw(st.sampled_from(["replace", "edge", "drop", "extra", "valid", "valid", "valid"]))
    paths = list(_paths(body))
    path = draw(st.sampled_from(paths))
    if how == "replace":
        return _replace(body, path, draw(WEIRD | _json_values()))
    if how == "edge" and path:
        return _replace(body, path, draw(st.sampled_from(edges)))
    if how == "drop" and path:
        return _drop(body, path)
    if how == "extra" and isinstance(_get(body, path), dict):
        return _replace(body, path, {**_get(body, path), draw(st.text(max_size=8)): draw(WEIRD)})
    return body


def _encode(obj) -> bytes:
    return json.dumps(obj, ensure_ascii=False).encode("utf-8", "surrogatepass")


RAW = st.one_of(
    st.binary(max_size=64),
    st.just(b"[" * 50000),
    st.just(b'{"cursor": 1e400}'),
    st.just(b'{"cursor": NaN}'),
    st.just(b'{"changes": [' + b'{"a":' * 3000 + b"1" + b"}" * 3000 + b"]}"),
    st.just('{"code": "\\ud800", "device_id": "\\udfff"}'.encode()),
    st.just(b'{"code": "\xff\xfe"}'),
    st.just(b""),
    st.just(b"null"),
)


@st.composite
def requests(draw, bodies):
    path = draw(st.sampled_from(sorted(bodies)))
    shape = draw(st.sampled_from(["json"] * 12 + ["raw", "raw", "gzip", "gzip_bad", "gzip_bad", "gzip_bomb"]))
    headers = {"Content-Type": "application/json"}
    if shape == "raw":
        return path, draw(RAW), headers
    data = _encode(draw(bodies[path]))
    if shape == "gzip":
        return path, gzip.compress(data), {**headers, "Content-Encoding": "gzip"}
    if shape == "gzip_bad":
        packed = bytearray(gzip.compress(data))
        cut = draw(st.integers(0, len(packed)))
        return path, bytes(packed[:cut]), {**headers, "Content-Encoding": "gzip"}
    if shape == "gzip_bomb":
        return path, BOMB, {**headers, "Content-Encoding": "gzip"}
    return path, data, headers


BOMB = gzip.compress(b" " * (P.MAX_BODY_BYTES + 1024), compresslevel=9)


# -- the test -------------------------------------------------------------------------------------
def _enrol_raw(live) -> tuple[str, str, Identity]:
    identity = Identity.generate()
    device_id = "0190fuzz-0000-7000-8000-000000000001"
    r = httpx.post(live.url + "/api/v1/enrol", headers={P.HEADER_PROTOCOL: str(P.PROTOCOL)}, json={
        "code": live.code(VILLAGE), "device_id": device_id, "name": "fuzz",
        "public_keys": identity.public().to_dict()})
    assert r.status_code == 200, r.text
    return device_id, r.json()["token"], identity


def test_no_answer_is_a_500(live):
    device_id, token, _ = _enrol_raw(live)
    county = service.county_identity(live.db).public().sign
    steer = Steer(device_id)
    bodies = {}
    for path, model_name in ENDPOINTS.items():
        model = getattr(P, model_name, None)
        if model is None:
            continue
        schema = model.model_json_schema()
        bodies[path] = mutated(strategy(schema, schema, steer), _all_edges(schema))
    assert bodies, "no request models found in app.core.protocol"
    seen: dict[int, int] = {}
    started = time.monotonic()
    client = httpx.Client(base_url=live.url, timeout=30)

    @settings(max_examples=EXAMPLES, deadline=None, derandomize=True, database=None,
              suppress_health_check=list(HealthCheck))
    @given(req=requests(bodies), auth=st.sampled_from(["device", "device", "device", "none", "bogus"]),
           protocol=st.sampled_from([P.PROTOCOL] * 8 + [0, P.PROTOCOL + 1, "x"]))
    def check(req, auth, protocol):
        # the budget bounds a fast run; a loaded machine still sends the floor the asserts need
        if time.monotonic() - started > BUDGET_S and sum(seen.values()) >= MIN_REQUESTS:
            return
        path, data, headers = req
        headers = {**headers, P.HEADER_PROTOCOL: str(protocol), signing.HEADER_NONCE: "n" + str(len(seen))}
        if auth == "device":
            headers["Authorization"] = f"Bearer {token}"
        elif auth == "bogus":
            headers["Authorization"] = "Bearer " + "x" * 43
        r = client.post(path, content=data, headers=headers)
        seen[r.status_code] = seen.get(r.status_code, 0) + 1
        assert r.status_code < 500, (path, data[:300], r.status_code, r.text[:500])
        body = r.json()
        if r.status_code >= 400:
            assert body["error"]["code"] and body["error"]["message"], body
        message = signing.answer_message(r.status_code, path, headers[signing.HEADER_NONCE], r.content)
        assert signing.verify(county, r.headers.get(signing.HEADER_SIGNATURE), message)

    try:
        check()
    finally:
        client.close()
    # the fuzz reached past validation: some requests were accepted
    assert seen.get(200, 0) > 0, seen
    assert sum(seen.values()) >= MIN_REQUESTS, seen


def test_status_and_hello_are_signed_and_never_500(live):
    device_id, token, _ = _enrol_raw(live)
    county = service.county_identity(live.db).public().sign
    for path in ("/api/v1/status", "/api/v1/hello", "/api/v1/nothing-here"):
        for auth in (f"Bearer {token}", "Bearer nope", "", "Basic " + base64.b64encode(b"a:b").decode()):
            headers = {P.HEADER_PROTOCOL: str(P.PROTOCOL), signing.HEADER_NONCE: "abc"}
            if auth:
                headers["Authorization"] = auth
            r = httpx.get(live.url + path, headers=headers)
            assert r.status_code < 500
            assert signing.verify(county, r.headers.get(signing.HEADER_SIGNATURE),
                                  signing.answer_message(r.status_code, path, "abc", r.content))
            if r.status_code >= 400:
                assert r.json()["error"]["message"]
