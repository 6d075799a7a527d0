"""The desktop's HTTP transport to the county server: JSON POSTs with the protocol headers, retries
with jittered exponential backoff on connection errors, 429 and 5xx (tenacity; honouring Retry-After,
bounded in total time, idempotent requests only; waits go through `app.core.clock.sleep`, so a frozen
clock is moved on instead of waiting), and refusals turned into `SyncError` with the server's Chinese
message.

Given the county's public signing key (pinned at enrolment), every answer must carry the county's
signature over the request's nonce and the exact answer body (`app/core/signing.py`); a missing or
bad signature is refused with `SyncError(code="bad_signature")` before anything is applied. Large
request bodies are sent gzip-compressed; answers are decompressed by httpx before they are checked.
"""

from __future__ import annotations

import email.utils
import gzip
import json
import random
import secrets
from typing import TYPE_CHECKING

import httpx
import tenacity

from app import __version__
from app.core import clock
from app.core import protocol as P
from app.core import signing

if TYPE_CHECKING:
    import ssl

    from app.sync.identity import Identity

GZIP_REQUEST_BYTES = 4096  # request bodies above this are sent gzip-compressed
MSG_BAD_SIGNATURE = ("收到的答复没有县级服务器的有效签名：它可能不是来自本县的服务器，或在传输途中被篡改。"
                     "为安全起见本次同步没有使用它，本机数据没有任何改变。请检查服务器地址和网络"
                     "（是否连到了别的服务器或不安全的网络），如果反复出现，请联系县民政局。")
MSG_BAD_KEY = "本机保存的县级服务器公钥已损坏，无法核对服务器的答复。请联系县民政局重新登记本设备。"


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
    """The server address as typed, with a scheme: HTTPS unless the host is this machine (the
    county server refuses plain HTTP on any other address, docs/sync-protocol.md §2)."""
    url = url.strip().rstrip("/")
    if url and "://" not in url:
        host = url.split("/", 1)[0].rsplit(":", 1)[0] if not url.startswith("[") else url[1:].split("]", 1)[0]
        url = ("http://" if _loopback(host) else "https://") + url
    return url


def plain_http_remote(url: str) -> bool:
    """Is this a plain-HTTP address of another machine (what travels can be read on the way)?"""
    from urllib.parse import urlsplit

    parts = urlsplit(normalise_server(url))
    return parts.scheme == "http" and not _loopback(parts.hostname or "")


def _loopback(host: str) -> bool:
    import ipaddress

    host = host.strip().lower()
    if host == "localhost" or host.endswith(".localhost"):
        return True
    try:
        return ipaddress.ip_address(host).is_loopback
    except ValueError:
        return False


_SSL: ssl.SSLContext | None = None


def _ssl_context() -> ssl.SSLContext:
    """One TLS context per process (building one costs ~100 ms, too much for an empty sync)."""
    global _SSL
    if _SSL is None:
        import ssl

        _SSL = ssl.create_default_context()
    return _SSL


class Http:
    """POST JSON with retries and exponential backoff; server refusals become `SyncError`."""

    def __init__(self, server: str, token: str | None, *, transport: httpx.BaseTransport | None = None,
                 retries: int = 5, backoff: float = 0.5, timeout: float = 60.0, county_sign_public: object = None,
                 max_total: float = 180.0):
        """`county_sign_public`: the county's Ed25519 public key (key object, base64 text, or the
        stored `county_public` JSON/dict); when given, every answer must be signed by it."""
        try:
            self.county_key = signing.public_key(county_sign_public) if county_sign_public else None
        except ValueError:
            raise SyncError(MSG_BAD_KEY, "bad_key") from None
        self.client = httpx.Client(base_url=normalise_server(server), transport=transport, timeout=timeout,
                                   headers=_headers(token), verify=_ssl_context())
        self.retries = retries
        self.backoff = backoff
        self.max_total = max_total  # seconds one post may take with its retries, waits included

    def close(self) -> None:
        self.client.close()

    def post(self, path: str, body: dict, headers: dict[str, str] | None = None, *, idempotent: bool = True) -> dict:
        """POST `body`, repeating the request on connection errors, 429 and 5xx with jittered
        exponential backoff (or the server's Retry-After), within `retries` and `max_total` seconds.

        Push and pull are idempotent (changes carry their ids, pulls a cursor); a request that is
        not (`idempotent=False`, e.g. enrolment with a one-time code) is repeated only when it
        cannot have been acted on: the connection never opened, or 429/503."""
        data = json.dumps(body, ensure_ascii=False).encode("utf-8")
        extra = {"Content-Type": "application/json", **(headers or {})}
        if len(data) > GZIP_REQUEST_BYTES:
            data = gzip.compress(data, compresslevel=5, mtime=0)
            extra["Content-Encoding"] = "gzip"
        retrying = tenacity.Retrying(
            stop=tenacity.stop_after_attempt(self.retries + 1) | _OutOfTime(self.max_total),
            wait=_Wait(self.backoff), retry=tenacity.retry_if_exception_type(_Again),
            sleep=clock.sleep, reraise=True)
        try:
            return retrying(self._attempt, path, data, extra, idempotent)
        except _Again as again:
            raise self._gave_up(again.error) from None

    def _attempt(self, path: str, data: bytes, extra: dict[str, str], idempotent: bool) -> dict:
        """One request: the answer, `_Again` when it is worth repeating, or `SyncError`."""
        nonce = secrets.token_urlsafe(18)
        try:
            resp = self.client.post(path, content=data, headers={**extra, signing.HEADER_NONCE: nonce})
        except httpx.ConnectError as exc:  # never reached the server: always safe to repeat
            raise _Again(exc) from exc
        except httpx.TransportError as exc:
            if idempotent:
                raise _Again(exc) from exc
            raise self._gave_up(exc) from exc
        except httpx.DecodingError:  # a compressed answer that does not inflate: damaged in transit
            raise SyncError(MSG_BAD_SIGNATURE if self.county_key is not None else
                            "县级服务器返回的数据已损坏，请稍后再试；如果反复出现，请联系县民政局。",
                            "bad_signature" if self.county_key is not None else "bad_answer") from None
        status = resp.status_code
        retryable = status in (429, 503) or (idempotent and status >= 500)
        if not self._authentic(resp, path, nonce):
            if retryable:  # e.g. a proxy's 502 page: retry, but never show its text
                raise _Again(SyncError(f"县级服务器暂时无法回答（HTTP {status}），请稍后再试。",
                                       f"http_{status}", status=status), retry_after(resp))
            if status == 426:
                raise SyncError("县级服务器的同步协议版本与本机不同。请升级童护；如果已是最新版，"
                                "请联系县民政局升级服务器。", "upgrade_required", status=426)
            raise SyncError(MSG_BAD_SIGNATURE, "bad_signature", status=status)
        if status < 400:
            try:
                return resp.json()
            except ValueError:
                raise SyncError("县级服务器返回的数据格式不对，请联系县民政局。", "bad_answer") from None
        if retryable:
            raise _Again(_refusal(resp), retry_after(resp))
        raise _refusal(resp)

    def _gave_up(self, last: BaseException) -> SyncError:
        if isinstance(last, SyncError):
            last.retryable = True
            return last
        return SyncError(f"无法连接县级服务器（{self.client.base_url}）：{type(last).__name__}。"
                         "请检查网络后再点“同步”，已保存的修改不会丢失。", "network", retryable=True)

    def _authentic(self, resp: httpx.Response, path: str, nonce: str) -> bool:
        """True when no county key is pinned, or the answer is signed by it (over the body as
        decompressed by httpx, so compression in transit does not matter)."""
        if self.county_key is None:
            return True
        try:
            body = resp.read()
        except httpx.HTTPError:
            return False
        message = signing.answer_message(resp.status_code, path, nonce, body)
        return signing.verify(self.county_key, resp.headers.get(signing.HEADER_SIGNATURE), message)


MAX_WAIT = 30.0  # longest pause between two tries of our own choosing (Retry-After may ask for more)


class _Again(Exception):
    """An attempt worth repeating; `error` is what the user sees if it was the last one."""

    def __init__(self, error: BaseException, retry_after: float | None = None):
        super().__init__(str(error))
        self.error = error
        self.retry_after = retry_after


def retry_after(resp: httpx.Response) -> float | None:
    """Seconds the server asks us to wait (`Retry-After`: seconds or an HTTP date), or None."""
    value = (resp.headers.get("Retry-After") or "").strip()
    if not value:
        return None
    if value.isdigit():
        return float(value)
    try:
        when = email.utils.parsedate_to_datetime(value)
    except (TypeError, ValueError):
        return None
    if when.tzinfo is None:
        when = when.replace(tzinfo=clock.UTC)
    return max(0.0, (when - clock.now()).total_seconds())


class _Wait(tenacity.wait.wait_base):
    """Exponential backoff with full jitter; never sooner than the server's Retry-After."""

    def __init__(self, backoff: float):
        self.backoff = backoff
        self.exponential = tenacity.wait_exponential_jitter(multiplier=backoff, max=MAX_WAIT, jitter=backoff)

    def __call__(self, retry_state: tenacity.RetryCallState) -> float:
        outcome = retry_state.outcome
        error = outcome.exception() if outcome is not None else None
        after = getattr(error, "retry_after", None)
        if after is not None:
            return after + random.uniform(0, self.backoff)  # spreads the laptops, not a secret
        return self.exponential(retry_state)


class _OutOfTime(tenacity.stop.stop_base):
    """Stop when the next pause would take the whole post past `budget` seconds (slept or spent)."""

    def __init__(self, budget: float):
        self.budget = budget

    def __call__(self, retry_state: tenacity.RetryCallState) -> bool:
        spent = max(retry_state.seconds_since_start or 0.0, retry_state.idle_for)
        return spent + retry_state.upcoming_sleep > self.budget


def enrol_proof(identity: Identity, code: str, device_id: str) -> dict[str, str]:
    """The header by which an already enrolled device (same key pair) proves it is the same laptop
    when it enrols again, e.g. a laptop enrolled by file enrolling for the network."""
    import base64

    public = identity.public().to_dict()
    signature = identity.sign_private.sign(signing.enrol_message(code, device_id, public["sign"], public["box"]))
    return {signing.HEADER_ENROL_PROOF: base64.b64encode(signature).decode("ascii")}


def _refusal(resp: httpx.Response) -> SyncError:
    try:
        err = resp.json().get("error") or {}
    except ValueError:
        err = {}
    code = err.get("code") or f"http_{resp.status_code}"
    message = err.get("message") or f"县级服务器拒绝了请求（HTTP {resp.status_code}），请联系县民政局。"
    return SyncError(message, code, status=resp.status_code)


