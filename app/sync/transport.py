"""The desktop's HTTP transport to the county server: JSON POSTs with the protocol headers, retries
with backoff on connection errors and 5xx, and refusals turned into `SyncError` with the server's
Chinese message."""

from __future__ import annotations

import json
import time

import httpx

from app import __version__
from app.core import protocol as P


class SyncError(Exception):
    """A sync that could not finish; `message` says what, why and what to do, in Chinese."""

    def __init__(self, message: str, code: str = "failed", retryable: bool = False, status: int = 0):
        super().__init__(message)
        self.message = message
        self.code = code
        self.retryable = retryable
        self.status = status


def _headers(token: str | None = None) -> dict[str, str]:
    headers = {P.HEADER_PROTOCOL: str(P.PROTOCOL), P.HEADER_CLIENT: __version__}
    if token:
        headers["Authorization"] = f"Bearer {token}"
    return headers


def normalise_server(url: str) -> str:
    url = url.strip().rstrip("/")
    if url and "://" not in url:
        url = "http://" + url
    return url


_SSL = None


def _ssl_context():
    """One TLS context per process (building one costs ~100 ms, too much for an empty sync)."""
    global _SSL
    if _SSL is None:
        import ssl

        _SSL = ssl.create_default_context()
    return _SSL


class Http:
    """POST JSON with retries and exponential backoff; server refusals become `SyncError`."""

    def __init__(self, server: str, token: str | None, *, transport: httpx.BaseTransport | None = None,
                 retries: int = 5, backoff: float = 0.5, timeout: float = 60.0):
        self.client = httpx.Client(base_url=normalise_server(server), transport=transport, timeout=timeout,
                                   headers=_headers(token), verify=_ssl_context())
        self.retries = retries
        self.backoff = backoff

    def close(self) -> None:
        self.client.close()

    def post(self, path: str, body: dict) -> dict:
        delay = self.backoff
        last: Exception | None = None
        for attempt in range(self.retries + 1):
            try:
                resp = self.client.post(path, content=json.dumps(body, ensure_ascii=False).encode("utf-8"),
                                        headers={"Content-Type": "application/json"})
            except httpx.TransportError as exc:
                last = exc
            else:
                if resp.status_code < 400:
                    return resp.json()
                if resp.status_code not in (429, 502, 503, 504) and resp.status_code < 500:
                    raise _refusal(resp)
                last = _refusal(resp)
            if attempt < self.retries:
                time.sleep(delay)
                delay = min(delay * 2, 30.0)
        if isinstance(last, SyncError):
            last.retryable = True
            raise last
        raise SyncError(f"无法连接县级服务器（{self.client.base_url}）：{type(last).__name__}。"
                        "请检查网络后再点“同步”，已保存的修改不会丢失。", "network", retryable=True)


def _refusal(resp: httpx.Response) -> SyncError:
    try:
        err = resp.json().get("error") or {}
    except ValueError:
        err = {}
    code = err.get("code") or f"http_{resp.status_code}"
    message = err.get("message") or f"县级服务器拒绝了请求（HTTP {resp.status_code}），请联系县民政局。"
    return SyncError(message, code, status=resp.status_code)


