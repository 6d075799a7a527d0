"""The USB bundle file format (`*.tonghu`): one sealed, signed file carrying sync change batches.

A bundle carries the same change batches the network protocol carries, for villages that sync by
USB stick. It is encrypted to its recipient (the county's key for a device's file, the device's
key for the county's answer) and signed by its sender, so a lost stick reveals nothing and a file
edited by even one byte is refused. Layout (all integers big-endian)::

    magic        8 bytes   b"TONGHU\\x00B"
    format       u16       FORMAT_VERSION (a reader refuses a newer one: 请升级)
    header_len   u32
    header       JSON, UTF-8, sorted keys: format, protocol, schema, kind ("device"|"county"),
                 sender, recipient (signing-key fingerprints), bundle_id, created (UTC ISO),
                 compression ("zlib"), epk (ephemeral X25519 public key, base64), nonce (base64)
    body_len     u64
    body         AES-256-GCM(key, nonce, zlib(JSON payload), associated data = every byte before
                 body_len); key = HKDF-SHA256(X25519(ephemeral, recipient box key),
                 salt = epk || recipient box key, info = b"tonghu-bundle-v1")
    signature    64 bytes  Ed25519 by the sender over every byte before the signature

`seal()` writes one; `open_bundle()` checks it in this order and raises a `BundleError` subclass
with a clear Chinese message: not a Tonghu file, truncated, newer format, damaged header, sender
unknown (another county or an unregistered device), bad signature, wrong recipient, bad tag,
replay. Opening never changes anything; the caller applies the payload in one transaction and
records the bundle id there (so the same file imported twice is applied once).

Payload (JSON object): a device's file {"device", "cursor", "changes": [...]} with every change
the county has not yet acknowledged; the county's answer {"device", "acks": [device seq...],
"changes", "cursor"}. Change records are the network protocol's change dicts (push / pull);
this module does not look inside them. Offline enrolment files are at the end of this module.
"""

from __future__ import annotations

import base64
import datetime as dt
import json
import os
import struct
import zlib
from dataclasses import dataclass
from typing import Any, Callable

from cryptography.exceptions import InvalidSignature, InvalidTag
from cryptography.hazmat.primitives import hashes
from cryptography.hazmat.primitives.asymmetric.x25519 import X25519PrivateKey, X25519PublicKey
from cryptography.hazmat.primitives.ciphers.aead import AESGCM
from cryptography.hazmat.primitives.kdf.hkdf import HKDF
from cryptography.hazmat.primitives.kdf.scrypt import Scrypt

from app.core import clock
from app.core.errors import TonghuError
from app.sync.identity import Identity, PublicIdentity

MAGIC = b"TONGHU\x00B"
FORMAT_VERSION = 1
PROTOCOL_VERSION = 1  # the sync protocol version of the change batches inside
SUFFIX = ".tonghu"
KIND_DEVICE = "device"  # a device's file, addressed to the county
KIND_COUNTY = "county"  # the county's answer, addressed to one device
KINDS = (KIND_DEVICE, KIND_COUNTY)
MAX_HEADER = 64 * 1024
MAX_PAYLOAD = 256 * 1024 * 1024  # decompressed bytes; a larger payload is refused before it is inflated
MAX_FILE = 256 * 1024 * 1024  # bytes on disk; checked (stat, then a bounded read) before reading
_INFLATE_STEP = 1024 * 1024
SIG_LEN = 64
_HKDF_INFO = b"tonghu-bundle-v1"
_PREFIX = struct.Struct(">8sHI")  # magic, format, header_len
_BODY_LEN = struct.Struct(">Q")


# -- refusals ---------------------------------------------------------------------------------
class BundleError(TonghuError):
    """A bundle was refused. `message` is the Chinese text shown to the user; nothing changed."""

    kind = "error"
    code = "bundle"

    def __init__(self, message: str):
        super().__init__(message, code=f"bundle_{self.kind}")


class NotBundleError(BundleError):
    kind = "not_bundle"


class TruncatedError(BundleError):
    kind = "truncated"


class NewerFormatError(BundleError):
    kind = "newer"


class TamperedError(BundleError):
    kind = "tampered"


class ForeignError(BundleError):
    kind = "foreign"


class WrongRecipientError(BundleError):
    kind = "wrong_recipient"


class ReplayError(BundleError):
    kind = "replay"


MSG_NOT_BUNDLE = "这不是童护同步文件（.tonghu），无法导入。请确认选择的是童护导出的同步文件。"
MSG_TRUNCATED = "同步文件不完整（可能复制时中断或U盘被拔出），未导入任何数据。请重新复制或重新导出该文件。"
MSG_NEWER = "此同步文件由更新版本的童护生成，当前版本无法读取。请升级童护后再导入。"
MSG_OLDER = "此同步文件的格式版本过旧，无法导入。请用当前版本的童护重新导出。"
MSG_TAMPERED = "同步文件已损坏或被改动过（签名或校验不符），为安全起见未导入任何数据。请重新导出该文件。"
MSG_FOREIGN = "此同步文件来自其他县或未登记的设备，不能导入。请确认文件来源。"
MSG_WRONG_RECIPIENT = "此同步文件不是发给本设备的，不能导入。请确认U盘上的文件属于本村（本设备）。"
MSG_DEVICE_FILE_HERE = "这是村里设备导出的同步文件，应交到县民政局导入，不能在本设备导入。"
MSG_COUNTY_FILE_HERE = "这是县里发给设备的回执文件，应在对应设备的童护中导入。"
MSG_REPLAY = "此同步文件已经导入过（{when}），不会重复导入；数据没有变化。"


def replay_error(imported_at: str = "") -> ReplayError:
    when = imported_at or "之前"
    return ReplayError(MSG_REPLAY.format(when=f"导入时间 {when}" if imported_at else when))


# -- the header -------------------------------------------------------------------------------
@dataclass(frozen=True)
class Header:
    format: int
    protocol: int
    schema: str
    kind: str
    sender: str
    recipient: str
    bundle_id: str
    created: str
    compression: str
    epk: str
    nonce: str

    def to_dict(self) -> dict[str, Any]:
        return dict(self.__dict__)


@dataclass(frozen=True)
class Bundle:
    """An opened bundle: its checked header and decrypted payload."""

    header: Header
    payload: dict


def _b64(data: bytes) -> str:
    return base64.b64encode(data).decode("ascii")


def _derive_key(shared: bytes, epk: bytes, recipient_box: bytes) -> bytes:
    return HKDF(algorithm=hashes.SHA256(), length=32, salt=epk + recipient_box, info=_HKDF_INFO).derive(shared)


def _new_id() -> str:
    from app.data.ids import new_id

    return new_id()


def file_name(label: str, when: dt.datetime | None = None) -> str:
    """`村名-YYYYMMDD-HHMM.tonghu`, with characters unsafe in file names replaced."""
    when = when or clock.local_now()
    safe = "".join("_" if ch in '\\/:*?"<>|' or ord(ch) < 32 else ch for ch in (label or "童护")).strip() or "童护"
    return f"{safe}-{when:%Y%m%d-%H%M}{SUFFIX}"


# -- sealing ----------------------------------------------------------------------------------
def seal(
    payload: dict,
    *,
    sender: Identity,
    recipient: PublicIdentity,
    kind: str,
    schema: str = "",
    bundle_id: str | None = None,
    created: dt.datetime | None = None,
    format_version: int = FORMAT_VERSION,
    protocol: int = PROTOCOL_VERSION,
) -> bytes:
    """Compress, encrypt to `recipient` and sign by `sender`; returns the whole file's bytes."""
    if kind not in KINDS:
        raise ValueError(f"unknown bundle kind {kind!r}")
    ephemeral = X25519PrivateKey.generate()
    epk = ephemeral.public_key().public_bytes_raw()
    recipient_box = recipient.box.public_bytes_raw()
    key = _derive_key(ephemeral.exchange(recipient.box), epk, recipient_box)
    nonce = os.urandom(12)
    created = created or clock.now()
    header = Header(
        format=format_version, protocol=protocol, schema=schema, kind=kind,
        sender=sender.public().fingerprint(), recipient=recipient.fingerprint(),
        bundle_id=bundle_id or _new_id(),
        created=created.astimezone(dt.timezone.utc).replace(microsecond=0).isoformat(),
        compression="zlib", epk=_b64(epk), nonce=_b64(nonce),
    )
    header_bytes = json.dumps(header.to_dict(), sort_keys=True, separators=(",", ":")).encode("utf-8")
    aad = _PREFIX.pack(MAGIC, format_version, len(header_bytes)) + header_bytes
    plain = json.dumps(payload, ensure_ascii=False, separators=(",", ":")).encode("utf-8")
    body = AESGCM(key).encrypt(nonce, zlib.compress(plain, 6), aad)
    signed = aad + _BODY_LEN.pack(len(body)) + body
    return signed + sender.sign_private.sign(signed)


# -- opening ----------------------------------------------------------------------------------
def read_header(data: bytes) -> tuple[Header, int]:  # noqa: C901 - baseline (issue 11), split when next changed
    """Parse the unauthenticated header (for messages and routing); returns it and its end offset.

    Raises NotBundleError / TruncatedError / NewerFormatError / TamperedError.
    """
    if len(data) < len(MAGIC):
        if MAGIC.startswith(bytes(data)):
            raise TruncatedError(MSG_TRUNCATED)
        raise NotBundleError(MSG_NOT_BUNDLE)
    if data[: len(MAGIC)] != MAGIC:
        raise NotBundleError(MSG_NOT_BUNDLE)
    if len(data) < _PREFIX.size:
        raise TruncatedError(MSG_TRUNCATED)
    _, version, header_len = _PREFIX.unpack_from(data)
    if version > FORMAT_VERSION:
        raise NewerFormatError(MSG_NEWER)
    if version < 1:
        raise TamperedError(MSG_OLDER)
    if header_len > MAX_HEADER:
        raise TamperedError(MSG_TAMPERED)
    end = _PREFIX.size + header_len
    if len(data) < end:
        raise TruncatedError(MSG_TRUNCATED)
    try:
        raw = json.loads(data[_PREFIX.size:end].decode("utf-8"))
        header = Header(**{name: raw[name] for name in Header.__dataclass_fields__})
    except (ValueError, KeyError, TypeError, UnicodeDecodeError, RecursionError):
        raise TamperedError(MSG_TAMPERED) from None
    # Every field of its own type (a list where a fingerprint belongs must be refused here, not
    # crash a lookup later); the header is unauthenticated until the signature is checked.
    for name, field in Header.__dataclass_fields__.items():
        value = getattr(header, name)
        if field.type in ("int", int):
            if type(value) is not int or not 0 <= value < 2 ** 31:
                raise TamperedError(MSG_TAMPERED)
        elif type(value) is not str or len(value) > 1024:
            raise TamperedError(MSG_TAMPERED)
    if header.format != version:
        raise TamperedError(MSG_TAMPERED)
    if header.protocol > PROTOCOL_VERSION:
        raise NewerFormatError(MSG_NEWER)
    if header.kind not in KINDS or header.compression != "zlib":
        raise TamperedError(MSG_TAMPERED)
    return header, end


def open_bundle(  # noqa: C901 - baseline (issue 11)
    data: bytes,
    *,
    me: Identity,
    senders: Callable[[str], PublicIdentity | None],
    expect_kind: str | None = None,
    seen: Callable[[str], str | None] | None = None,
) -> Bundle:
    """Check and decrypt a bundle addressed to `me`.

    `senders(fingerprint)` returns the public identity of a sender we trust, or None.
    `expect_kind` is the kind this side imports (a device imports "county" answers).
    `seen(bundle_id)` returns when that bundle was imported before (or None): a repeat raises
    ReplayError. Nothing is changed by this function.
    """
    data = bytes(data)
    header, end = read_header(data)
    if len(data) < end + _BODY_LEN.size:
        raise TruncatedError(MSG_TRUNCATED)
    (body_len,) = _BODY_LEN.unpack_from(data, end)
    body_start = end + _BODY_LEN.size
    signed_end = body_start + body_len
    if len(data) < signed_end + SIG_LEN:
        raise TruncatedError(MSG_TRUNCATED)
    if len(data) > signed_end + SIG_LEN:
        raise TamperedError(MSG_TAMPERED)

    my_fp = me.public().fingerprint()
    if expect_kind is not None and header.kind != expect_kind and header.recipient != my_fp:
        raise WrongRecipientError(MSG_DEVICE_FILE_HERE if header.kind == KIND_DEVICE else MSG_COUNTY_FILE_HERE)
    sender = senders(header.sender)
    if sender is None:
        raise ForeignError(MSG_FOREIGN)
    try:
        sender.sign.verify(data[signed_end:], data[:signed_end])
    except InvalidSignature:
        raise TamperedError(MSG_TAMPERED) from None
    if header.recipient != my_fp:
        raise WrongRecipientError(MSG_WRONG_RECIPIENT)
    if expect_kind is not None and header.kind != expect_kind:
        raise WrongRecipientError(MSG_DEVICE_FILE_HERE if header.kind == KIND_DEVICE else MSG_COUNTY_FILE_HERE)

    try:
        epk = base64.b64decode(header.epk, validate=True)
        nonce = base64.b64decode(header.nonce, validate=True)
        ephemeral = X25519PublicKey.from_public_bytes(epk)
        my_box = me.box_private.public_key().public_bytes_raw()
        key = _derive_key(me.box_private.exchange(ephemeral), epk, my_box)
        compressed = AESGCM(key).decrypt(nonce, data[body_start:signed_end], data[:end])
    except (InvalidTag, ValueError):
        raise TamperedError(MSG_TAMPERED) from None
    plain = inflate(compressed, MAX_PAYLOAD)
    try:
        payload = json.loads(plain.decode("utf-8"))
    except (ValueError, UnicodeDecodeError, RecursionError):
        raise TamperedError(MSG_TAMPERED) from None
    if not isinstance(payload, dict):
        raise TamperedError(MSG_TAMPERED)
    if seen is not None:
        when = seen(header.bundle_id)
        if when is not None:
            raise replay_error(when)
    return Bundle(header, payload)


MSG_TOO_BIG = ("同步文件太大（{size}，最大 {limit}），不是童护导出的同步文件或已损坏，未导入任何数据。"
               "请确认选择的文件；如果确是童护导出的，请分几次同步后重新导出。")
MSG_PAYLOAD_TOO_BIG = ("同步文件解压后超过 {limit}，为安全起见未导入任何数据。"
                       "请分几次同步后重新导出（或联系县民政局）。")


def _mib(n: int) -> str:
    return f"{n / 1024 / 1024:.0f} MB"


def inflate(compressed: bytes, limit: int = MAX_PAYLOAD) -> bytes:
    """zlib-decompress `compressed`, refusing (TamperedError / BundleError) a stream that is
    damaged or that inflates past `limit` bytes. A first pass counts the output in 1 MiB steps
    and keeps none of it, so a bomb is refused without ever holding more than a step."""
    def passes(keep: bool) -> list[bytes]:
        inflater = zlib.decompressobj()
        parts: list[bytes] = []
        produced = 0
        data = compressed
        try:
            while True:
                out = inflater.decompress(data, _INFLATE_STEP)
                produced += len(out)
                if produced > limit:
                    raise BundleError(MSG_PAYLOAD_TOO_BIG.format(limit=_mib(limit)))
                if keep:
                    parts.append(out)
                data = inflater.unconsumed_tail
                if inflater.eof or (not data and not out):
                    break
        except zlib.error:
            raise TamperedError(MSG_TAMPERED) from None
        if not inflater.eof or inflater.unused_data or inflater.unconsumed_tail:
            raise TamperedError(MSG_TAMPERED)
        return parts

    passes(keep=False)
    return b"".join(passes(keep=True))


def read_file(path, limit: int = MAX_FILE) -> bytes:
    """Read a bundle (or enrolment) file: its size is checked before it is read, and the read is
    bounded too (a file that grows meanwhile); unreadable or missing files get a clear message."""
    from pathlib import Path

    try:
        path = Path(path)
        size = path.stat().st_size
        if path.is_dir():
            raise IsADirectoryError
        if size > limit:
            raise BundleError(MSG_TOO_BIG.format(size=_mib(size), limit=_mib(limit)))
        with open(path, "rb") as fh:
            data = fh.read(limit + 1)
    except FileNotFoundError:
        raise BundleError(f"找不到同步文件：{path}") from None
    except IsADirectoryError:
        raise BundleError(f"请选择一个同步文件，而不是文件夹：{path}") from None
    except OSError as exc:
        raise BundleError(f"无法读取同步文件（{exc.strerror or exc}）：{path}") from None
    if len(data) > limit:
        raise BundleError(MSG_TOO_BIG.format(size=f"超过 {_mib(limit)}", limit=_mib(limit)))
    return data


def write_file(directory, name: str, data: bytes):
    """Write `data` as `directory/name` safely (temp file, fsync, rename); a name already taken
    gets a numeric suffix. Returns the path written."""
    from pathlib import Path

    directory = Path(directory)
    try:
        directory.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise BundleError(f"无法写入文件夹（{exc.strerror or exc}）：{directory}") from None
    stem, suffix = name[: -len(SUFFIX)] if name.endswith(SUFFIX) else name, SUFFIX
    target = directory / f"{stem}{suffix}"
    n = 2
    while target.exists():
        target = directory / f"{stem}-{n}{suffix}"
        n += 1
    tmp = target.with_name(target.name + ".part")
    try:
        with open(tmp, "wb") as fh:
            fh.write(data)
            fh.flush()
            os.fsync(fh.fileno())
        os.replace(tmp, target)
    except OSError as exc:
        try:
            tmp.unlink()
        except OSError:
            pass
        raise BundleError(f"写入同步文件失败（{exc.strerror or exc}，U盘是否已满或只读？）：{target}") from None
    return target


# -- offline enrolment files ------------------------------------------------------------------
# A JSON object {kind, version, kdf, salt, nonce, body}: body is AES-256-GCM (key = scrypt of the
# one-time code, associated data = the other fields) over the secret enrolment JSON: the device's
# new key pair, its scope, the county's public keys. The code travels separately (phone, paper).
ENROL_MAGIC = "tonghu-enrolment"
ENROL_VERSION = 1
ENROL_SUFFIX = ".tonghu-enrol"


def _code_key(code: str, salt: bytes) -> bytes:
    norm = "".join(ch for ch in code.upper() if ch.isalnum()).encode("utf-8")
    return Scrypt(salt=salt, length=32, n=2 ** 14, r=8, p=1).derive(norm)


def seal_enrolment(secret: dict, code: str) -> bytes:
    salt, nonce = os.urandom(16), os.urandom(12)
    head = {"kind": ENROL_MAGIC, "version": ENROL_VERSION, "kdf": "scrypt-16384-8-1",
            "salt": base64.b64encode(salt).decode(), "nonce": base64.b64encode(nonce).decode()}
    aad = json.dumps(head, sort_keys=True).encode()
    body = AESGCM(_code_key(code, salt)).encrypt(nonce, json.dumps(secret).encode(), aad)
    return json.dumps({**head, "body": base64.b64encode(body).decode()}, sort_keys=True, indent=1).encode()


def open_enrolment(data: bytes, code: str) -> dict:
    """Decrypt an enrolment file with its code; clear Chinese refusals."""
    try:
        outer = json.loads(data.decode("utf-8"))
        if not isinstance(outer, dict) or outer.get("kind") != ENROL_MAGIC:
            raise ValueError
    except (ValueError, UnicodeDecodeError, RecursionError):
        raise NotBundleError("这不是童护登记文件，请选择县民政局发的登记文件（.tonghu-enrol）。") from None
    damaged = TamperedError("登记文件已损坏，请向县民政局重新索取。")
    version = outer.get("version", 0)
    if type(version) is not int:
        raise damaged
    if version > ENROL_VERSION:
        raise NewerFormatError(MSG_NEWER)
    try:
        head = {k: outer[k] for k in ("kind", "version", "kdf", "salt", "nonce")}
        if not all(isinstance(outer[k], str) for k in ("kdf", "salt", "nonce", "body")):
            raise ValueError
        salt, nonce = base64.b64decode(head["salt"]), base64.b64decode(head["nonce"])
        body = base64.b64decode(outer["body"])
    except (KeyError, ValueError):
        raise damaged from None
    try:
        plain = AESGCM(_code_key(code or "", salt)).decrypt(nonce, body, json.dumps(head, sort_keys=True).encode())
    except (InvalidTag, ValueError):
        raise TamperedError("登记码与登记文件不符（或文件已损坏）。请核对县民政局告知的登记码。") from None
    try:
        secret = json.loads(plain)
    except (ValueError, UnicodeDecodeError):
        raise damaged from None
    if not isinstance(secret, dict):
        raise damaged
    return secret


