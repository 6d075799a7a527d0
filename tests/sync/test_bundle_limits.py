"""USB bundle reading is bounded: header fields of the wrong type get the usual clear refusal
(never a crash), a genuine, correctly signed bundle that would inflate to gigabytes is refused
without being inflated, and a file's size is checked before it is read."""

from __future__ import annotations

import base64
import json
import os
import tracemalloc
import zlib

import pytest
from cryptography.hazmat.primitives.asymmetric.x25519 import X25519PrivateKey
from cryptography.hazmat.primitives.ciphers.aead import AESGCM

from app.sync import bundle as B
from app.sync.identity import Identity

MIB = 1024 * 1024


@pytest.fixture(scope="module")
def keys():
    return {"county": Identity.generate(), "device": Identity.generate()}


def county_opens(keys, data):
    known = {keys["device"].public().fingerprint(): keys["device"].public()}
    return B.open_bundle(data, me=keys["county"], senders=known.get, expect_kind=B.KIND_DEVICE)


def _seal_raw(keys, compressed: bytes, header_edit=None) -> bytes:
    """A bundle sealed and signed exactly as `seal` does, around a given zlib stream (and an
    optionally edited header)."""
    sender, recipient = keys["device"], keys["county"].public()
    ephemeral = X25519PrivateKey.generate()
    epk = ephemeral.public_key().public_bytes_raw()
    recipient_box = recipient.box.public_bytes_raw()
    key = B._derive_key(ephemeral.exchange(recipient.box), epk, recipient_box)
    nonce = os.urandom(12)
    header = {"format": B.FORMAT_VERSION, "protocol": B.PROTOCOL_VERSION, "schema": "", "kind": B.KIND_DEVICE,
              "sender": sender.public().fingerprint(), "recipient": recipient.fingerprint(),
              "bundle_id": "0190aaaa-0000-7000-8000-000000000001", "created": "2026-01-01T00:00:00+00:00",
              "compression": "zlib", "epk": base64.b64encode(epk).decode(), "nonce": base64.b64encode(nonce).decode()}
    if header_edit:
        header_edit(header)
    header_bytes = json.dumps(header, sort_keys=True, separators=(",", ":")).encode()
    aad = B._PREFIX.pack(B.MAGIC, B.FORMAT_VERSION, len(header_bytes)) + header_bytes
    body = AESGCM(key).encrypt(nonce, compressed, aad)
    signed = aad + B._BODY_LEN.pack(len(body)) + body
    return signed + sender.sign_private.sign(signed)


def _small_payload() -> bytes:
    return zlib.compress(json.dumps({"device": "d1", "cursor": 0, "changes": []}).encode())


def test_raw_sealing_matches_the_format(keys):
    opened = county_opens(keys, _seal_raw(keys, _small_payload()))
    assert opened.payload == {"device": "d1", "cursor": 0, "changes": []}


WRONG = [None, True, 1, -1, 2 ** 64, 1.5, [], ["a"], {}, {"a": 1}, "x" * 5000]


@pytest.mark.parametrize("field", sorted(B.Header.__dataclass_fields__))
def test_header_field_of_the_wrong_type_is_a_clear_refusal(keys, field):
    for value in WRONG:
        def edit(h, value=value):
            h[field] = value

        data = _seal_raw(keys, _small_payload(), edit)  # correctly signed by the sender
        original = B.Header.__dataclass_fields__[field].type
        if (original in ("int", int) and type(value) is int and 0 <= value < 2 ** 31) or \
                (original in ("str", str) and type(value) is str and len(value) <= 1024):
            continue  # the right type: not this test's business
        with pytest.raises(B.BundleError) as exc:
            county_opens(keys, data)
        assert exc.value.message, (field, value)
        assert isinstance(exc.value, (B.TamperedError, B.NewerFormatError)), (field, value, type(exc.value))


def test_header_that_is_not_an_object_or_nests_deeply(keys):
    for header in (b"[1,2,3]", b'"text"', b"[" * 60000, b"null"):
        data = B._PREFIX.pack(B.MAGIC, B.FORMAT_VERSION, len(header)) + header + b"\0" * 80
        with pytest.raises(B.TamperedError):
            county_opens(keys, data)


def _bomb(size: int) -> bytes:
    packer = zlib.compressobj(9)
    block = b"\0" * MIB
    parts = [packer.compress(block) for _ in range(size // MIB)]
    parts.append(packer.flush())
    return b"".join(parts)


def test_genuine_bundle_that_inflates_past_the_limit_is_refused_without_inflating_it(keys):
    bomb = _bomb(B.MAX_PAYLOAD + 4 * MIB)
    assert len(bomb) < 2 * MIB
    data = _seal_raw(keys, bomb)
    tracemalloc.start()
    try:
        with pytest.raises(B.BundleError) as exc:
            county_opens(keys, data)
        _, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    assert "解压后超过" in exc.value.message and "未导入任何数据" in exc.value.message
    assert peak < 4 * len(data) + 16 * MIB, peak  # never held the inflated payload


def test_inflate_bounds_and_damage():
    plain = b"x" * (3 * MIB + 17)
    packed = zlib.compress(plain)
    assert B.inflate(packed, limit=len(plain)) == plain
    with pytest.raises(B.BundleError):
        B.inflate(packed, limit=len(plain) - 1)
    for bad in (packed[:-5], packed + b"trailing", b"not zlib at all", b""):
        with pytest.raises(B.TamperedError):
            B.inflate(bad)


def test_file_size_is_checked_before_reading(tmp_path):
    huge = tmp_path / "huge.tonghu"
    with open(huge, "wb") as fh:  # sparse: no disk used, but stat says > limit
        fh.truncate(B.MAX_FILE + 1)
    tracemalloc.start()
    try:
        with pytest.raises(B.BundleError) as exc:
            B.read_file(huge)
        _, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    assert "同步文件太大" in exc.value.message and "未导入任何数据" in exc.value.message
    assert peak < MIB
    small = tmp_path / "small.tonghu"
    small.write_bytes(b"abc")
    assert B.read_file(small) == b"abc"
    with pytest.raises(B.BundleError):
        B.read_file(small, limit=2)
    with pytest.raises(B.BundleError) as exc:
        B.read_file(tmp_path)
    assert "文件夹" in exc.value.message


def test_oversized_file_refused_by_both_importers(tmp_path):
    from app.server import bundles as county_bundles
    from app.sync import bundle_io
    from tests.sync.stores import V1, make_store

    huge = tmp_path / "huge.tonghu"
    with open(huge, "wb") as fh:
        fh.truncate(B.MAX_FILE + 1)
    store = make_store(tmp_path, "a", V1)
    try:
        with pytest.raises(B.BundleError) as exc:
            bundle_io.import_bundle(store, huge)
        assert "同步文件太大" in exc.value.message
    finally:
        store.close()
    with pytest.raises(B.BundleError) as exc:
        county_bundles.import_file(f"sqlite:///{tmp_path / 'county.db'}", huge, tmp_path / "out")
    assert "同步文件太大" in exc.value.message


def test_enrolment_file_fields_of_the_wrong_type_are_a_clear_refusal():
    good = json.loads(B.seal_enrolment({"scope": "320115101201"}, "ABCDE-FGHJK"))
    assert B.open_enrolment(json.dumps(good).encode(), "ABCDE-FGHJK") == {"scope": "320115101201"}
    for field in ("version", "kdf", "salt", "nonce", "body"):
        for value in WRONG + ["%%%not base64"]:
            if field == "version" and value in (1, True):
                continue
            bad = json.dumps({**good, field: value}).encode()
            with pytest.raises(B.BundleError) as exc:
                B.open_enrolment(bad, "ABCDE-FGHJK")
            assert exc.value.message, (field, value)
