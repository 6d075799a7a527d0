"""The USB bundle file format: sealed to its recipient, signed by its sender, every refusal named."""

from __future__ import annotations

import struct

import pytest

from app.sync import bundle as B
from app.sync.identity import Identity

NAME = "王小明"
ID_NUMBER = "32011520100101001X"


@pytest.fixture(scope="module")
def keys():
    return {"county": Identity.generate(), "device": Identity.generate(), "other_county": Identity.generate(),
            "other_device": Identity.generate()}


def payload():
    row = {"name": NAME, "id_number": ID_NUMBER, "address": "东山村3组"}
    return {"device": "d1", "cursor": 0, "changes": [
        {"seq": i, "table": "child", "row_id": f"r{i}", "field": "*", "value": row, "hlc": "1", "origin": "d1"}
        for i in range(50)
    ]}


def device_file(keys, **kw):
    return B.seal(payload(), sender=keys["device"], recipient=keys["county"].public(), kind=B.KIND_DEVICE, **kw)


def county_opens(keys, data, seen=None):
    known = {keys["device"].public().fingerprint(): keys["device"].public()}
    return B.open_bundle(data, me=keys["county"], senders=known.get, expect_kind=B.KIND_DEVICE, seen=seen)


def test_round_trip(keys):
    data = device_file(keys)
    opened = county_opens(keys, data)
    assert opened.payload == payload()
    h = opened.header
    assert h.kind == B.KIND_DEVICE and h.format == B.FORMAT_VERSION and h.protocol == B.PROTOCOL_VERSION
    assert h.sender == keys["device"].public().fingerprint()
    assert h.recipient == keys["county"].public().fingerprint()
    assert data.startswith(B.MAGIC)


def test_no_child_name_or_id_number_in_the_bytes(keys):
    data = device_file(keys)
    for secret in (NAME, ID_NUMBER, "东山村", "id_number"):
        for encoding in ("utf-8", "utf-16-le", "gb18030"):
            assert secret.encode(encoding) not in data


def test_each_file_is_encrypted_afresh(keys):
    a, b = device_file(keys), device_file(keys)
    assert a != b
    assert county_opens(keys, a).payload == county_opens(keys, b).payload


@pytest.mark.parametrize("where", ["magic", "every"])
def test_one_byte_changed_anywhere_is_refused(keys, where):
    data = device_file(keys)
    positions = range(len(B.MAGIC)) if where == "magic" else range(0, len(data), max(1, len(data) // 400))
    for i in list(positions) + [len(data) - 1]:
        bad = bytearray(data)
        bad[i] ^= 0x01
        with pytest.raises(B.BundleError) as exc:
            county_opens(keys, bytes(bad))
        assert exc.value.message
        header_end = B.read_header(data)[1]
        if i >= header_end:  # in the length, the encrypted body or the signature
            assert isinstance(exc.value, (B.TamperedError, B.TruncatedError)), i
            if i >= header_end + 8:
                assert isinstance(exc.value, B.TamperedError), i
                assert exc.value.message == B.MSG_TAMPERED


def test_tampered_body_and_signature(keys):
    data = device_file(keys)
    for i in (len(data) - 70, len(data) - 10):
        bad = bytearray(data)
        bad[i] ^= 0x80
        with pytest.raises(B.TamperedError, match="损坏或被改动"):
            county_opens(keys, bytes(bad))


def test_reencrypted_with_a_forged_signature_is_refused(keys):
    """Someone who knows the county's public key can encrypt a file, but cannot sign as the device."""
    forged = B.seal(payload(), sender=keys["other_device"], recipient=keys["county"].public(), kind=B.KIND_DEVICE)
    header, end = B.read_header(forged)
    text = forged[B._PREFIX.size:end].replace(
        keys["other_device"].public().fingerprint().encode(), keys["device"].public().fingerprint().encode())
    forged = forged[:B._PREFIX.size] + text + forged[end:]
    with pytest.raises(B.TamperedError):
        county_opens(keys, forged)


def test_truncated_anywhere(keys):
    data = device_file(keys)
    for n in [0, 3, 8, 12, 20, 200, len(data) // 2, len(data) - 64, len(data) - 1]:
        with pytest.raises(B.TruncatedError) as exc:
            county_opens(keys, data[:n])
        assert "不完整" in exc.value.message


def test_extra_bytes_at_the_end(keys):
    with pytest.raises(B.TamperedError):
        county_opens(keys, device_file(keys) + b"\0")


def test_not_a_tonghu_file(keys):
    for junk in (b"PK\x03\x04 a zip file", "王小明,32011520100101001X\n".encode(), b"%PDF-1.7"):
        with pytest.raises(B.NotBundleError, match="不是童护同步文件"):
            county_opens(keys, junk)


def test_from_another_county(keys):
    data = B.seal(payload(), sender=keys["other_county"], recipient=keys["device"].public(), kind=B.KIND_COUNTY)
    known = {keys["county"].public().fingerprint(): keys["county"].public()}
    with pytest.raises(B.ForeignError, match="其他县或未登记"):
        B.open_bundle(data, me=keys["device"], senders=known.get, expect_kind=B.KIND_COUNTY)


def test_from_an_unknown_device(keys):
    data = B.seal(payload(), sender=keys["other_device"], recipient=keys["county"].public(), kind=B.KIND_DEVICE)
    with pytest.raises(B.ForeignError):
        county_opens(keys, data)


def test_wrong_recipient(keys):
    """The county's answer for another device of the same county."""
    data = B.seal(payload(), sender=keys["county"], recipient=keys["other_device"].public(), kind=B.KIND_COUNTY)
    known = {keys["county"].public().fingerprint(): keys["county"].public()}
    with pytest.raises(B.WrongRecipientError, match="不是发给本设备"):
        B.open_bundle(data, me=keys["device"], senders=known.get, expect_kind=B.KIND_COUNTY)


def test_device_file_opened_on_a_device(keys):
    data = device_file(keys)
    known = {keys["county"].public().fingerprint(): keys["county"].public()}
    with pytest.raises(B.WrongRecipientError, match="县民政局导入"):
        B.open_bundle(data, me=keys["device"], senders=known.get, expect_kind=B.KIND_COUNTY)


def test_replay(keys):
    data = device_file(keys)
    bundle_id = county_opens(keys, data).header.bundle_id
    imported = {bundle_id: "2026-11-23 09:30"}
    with pytest.raises(B.ReplayError, match="已经导入过"):
        county_opens(keys, data, seen=imported.get)


def test_newer_format_and_protocol(keys):
    newer = device_file(keys, format_version=B.FORMAT_VERSION + 1)
    with pytest.raises(B.NewerFormatError, match="请升级"):
        county_opens(keys, newer)
    data = bytearray(device_file(keys))
    struct.pack_into(">H", data, len(B.MAGIC), B.FORMAT_VERSION + 7)
    with pytest.raises(B.NewerFormatError, match="请升级"):
        county_opens(keys, bytes(data))
    with pytest.raises(B.NewerFormatError, match="请升级"):
        county_opens(keys, device_file(keys, protocol=B.PROTOCOL_VERSION + 1))


def test_file_name_and_safe_write(tmp_path):
    import datetime as dt

    name = B.file_name("东山村", dt.datetime(2026, 11, 23, 9, 5))
    assert name == "东山村-20261123-0905.tonghu"
    assert B.file_name('a/b:c', dt.datetime(2026, 1, 2, 3, 4)) == "a_b_c-20260102-0304.tonghu"
    first = B.write_file(tmp_path, name, b"one")
    second = B.write_file(tmp_path, name, b"two")
    assert first.read_bytes() == b"one" and second.read_bytes() == b"two" and first != second
    assert not list(tmp_path.glob("*.part"))
    with pytest.raises(B.BundleError, match="找不到同步文件"):
        B.read_file(tmp_path / "missing.tonghu")
