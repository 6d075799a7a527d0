"""The sync protocol's constants and its JSON messages (pydantic), shared by server and client.

See docs/sync-protocol.md. Every request carries `X-Tonghu-Protocol`; a client older than
`MIN_PROTOCOL` gets HTTP 426 with code `upgrade_required` (请升级).
"""

from __future__ import annotations

from typing import Any

from pydantic import BaseModel, ConfigDict, Field

PROTOCOL = 1
MIN_PROTOCOL = 1
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


class WireChange(_Strict):
    table: str = Field(min_length=1, max_length=64)
    row_id: str = Field(min_length=1, max_length=36)
    field: str = Field(min_length=1, max_length=64)
    value: str | None = Field(default=None, max_length=MAX_VALUE_CHARS)
    hlc: str = Field(pattern=HLC)
    base_hlc: str = Field(pattern=HLC)
    origin: str = Field(min_length=1, max_length=64)
    actor: str = Field(default="", max_length=64)
    versions: dict[str, list[str]] | None = None


class PushChange(WireChange):
    seq: int = Field(ge=1)


class PushRequest(_Strict):
    changes: list[PushChange] = Field(max_length=MAX_PUSH_CHANGES)


class PushResponse(_Strict):
    acked: list[int]
    accepted: int
    duplicates: int
    conflicts: int
    server_seq: int


class PullRequest(_Strict):
    cursor: int = Field(ge=0)
    limit: int = Field(default=DEFAULT_PULL, ge=1, le=MAX_PULL_CHANGES)


class PulledChange(WireChange):
    seq: int


class PullResponse(_Strict):
    changes: list[PulledChange]
    cursor: int
    more: bool
    server_seq: int
    server_ms: int


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
