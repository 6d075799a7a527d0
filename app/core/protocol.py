"""The sync protocol's constants and its JSON messages (pydantic), shared by server and client.

See docs/sync-protocol.md. Every request carries `X-Tonghu-Protocol`; a client older than
`MIN_PROTOCOL` gets HTTP 426 with code `upgrade_required` (请升级).
"""

from __future__ import annotations

from typing import Any

from pydantic import BaseModel, ConfigDict, Field

PROTOCOL = 2
MIN_PROTOCOL = 2
HEADER_PROTOCOL = "X-Tonghu-Protocol"
HEADER_CLIENT = "X-Tonghu-Client"

MAX_PUSH_CHANGES = 2000
MAX_PULL_CHANGES = 2000
DEFAULT_PULL = 500
MAX_BODY_BYTES = 16 * 1024 * 1024
MAX_VALUE_CHARS = 4 * 1024 * 1024

HLC = r"^\d{15}\.\d{5}$"


class _Strict(BaseModel):
    model_config = ConfigDict(extra="forbid")


MAX_SEQ = 2**63 - 1


class WireChange(_Strict):
    id: str = Field(min_length=1, max_length=36)
    table: str = Field(min_length=1, max_length=64)
    row_id: str = Field(min_length=1, max_length=36)
    field: str = Field(min_length=1, max_length=64)
    value: str | None = Field(default=None, max_length=MAX_VALUE_CHARS)
    hlc: str = Field(pattern=HLC)
    base_hlc: str = Field(pattern=HLC)
    origin: str = Field(min_length=1, max_length=64)
    actor: str = Field(default="", max_length=64)
    versions: dict[str, list[str]] | None = None


class PushRequest(_Strict):
    changes: list[WireChange] = Field(max_length=MAX_PUSH_CHANGES)
    state: str | None = Field(default=None, max_length=64)
    cursor: int = Field(default=0, ge=0, le=MAX_SEQ)  # the device's pull position and last logged push:
    anchor: str | None = Field(default=None, max_length=36)  # a log that lost either was restored (reset)
    pushed_seq: int = Field(default=0, ge=0, le=MAX_SEQ)
    pushed_id: str | None = Field(default=None, max_length=36)


class ChangeResult(_Strict):
    id: str
    status: str  # ok / duplicate / refused
    code: str | None = None
    message: str | None = None
    current: dict[str, Any] | None = None  # the county's value and version instead, or {"gone": true}


class PushResponse(_Strict):
    results: list[ChangeResult]
    accepted: int
    duplicates: int
    refused: int
    conflicts: int
    server_seq: int
    server_ms: int
    state: str
    last_seq: int = 0   # the county sequence of the last change this push logged (0: none)
    last_id: str = ""   # and its change id: the device shows both at its next pull
    reset: bool = False  # the county's log lost what the device's position names: nothing applied


class PullRequest(_Strict):
    cursor: int = Field(ge=0, le=MAX_SEQ)
    anchor: str | None = Field(default=None, max_length=36)
    pushed_seq: int = Field(default=0, ge=0, le=MAX_SEQ)  # the device's last logged push (last_seq/last_id)
    pushed_id: str | None = Field(default=None, max_length=36)
    state: str | None = Field(default=None, max_length=64)
    limit: int = Field(default=DEFAULT_PULL, ge=1, le=MAX_PULL_CHANGES)


class PulledChange(WireChange):
    seq: int


class PullResponse(_Strict):
    changes: list[PulledChange]
    cursor: int
    anchor: str
    more: bool
    server_seq: int
    server_ms: int
    reset: bool
    restored: bool
    state: str | None


class PublicKeys(_Strict):
    sign: str = Field(min_length=40, max_length=64)
    box: str = Field(min_length=40, max_length=64)


class EnrolRequest(_Strict):
    code: str = Field(min_length=4, max_length=32)
    device_id: str = Field(min_length=8, max_length=64)
    name: str = Field(default="", max_length=128)
    public_keys: PublicKeys


class EnrolResponse(_Strict):
    device_id: str
    token: str
    scope: str
    county_public: dict[str, str]
    server_seq: int


class ErrorBody(_Strict):
    code: str
    message: str
    detail: Any = None
