"""The county server's HTTP routes (FastAPI): enrolment, push, pull and status under /api/v1.

Every request carries `X-Tonghu-Protocol`; sync requests carry `Authorization: Bearer <token>`.
Errors are JSON `{"error": {"code", "message"}}` with a Chinese message (docs/sync-protocol.md).
"""

from __future__ import annotations

import base64
import json
import logging
import zlib

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse
from pydantic import ValidationError
from sqlalchemy.exc import DataError, DBAPIError, StatementError
from starlette.exceptions import HTTPException as StarletteHTTPException
from starlette.middleware.gzip import GZipMiddleware
from starlette.requests import ClientDisconnect

from app import __version__
from app.core import hlc as clock
from app.core import protocol as P
from app.core import signing
from app.server import audit as audits
from app.server import pull as pulls
from app.server import push as pushes
from app.server import service
from app.server.db import ServerDB
from app.server.service import ServiceError
from app.server.web import mount_console
from app.sync.merge import Change


def _error(status: int, code: str, message: str, detail=None) -> JSONResponse:
    body = {"error": {"code": code, "message": message}}
    if detail is not None:
        body["error"]["detail"] = detail
    return JSONResponse(status_code=status, content=body)


def _check_protocol(request: Request) -> int:
    raw = request.headers.get(P.HEADER_PROTOCOL, "")
    try:
        version = int(raw)
    except ValueError:
        version = 0
    if version < P.MIN_PROTOCOL:
        raise ServiceError(426, "upgrade_required",
                           f"童护版本过旧，请升级后再同步（服务器需要同步协议 {P.MIN_PROTOCOL} 版或更新，"
                           f"本机为 {version or '未知'} 版）。")
    if version > P.PROTOCOL:
        raise ServiceError(426, "server_too_old",
                           f"县级服务器版本比本机旧（服务器协议 {P.PROTOCOL} 版，本机 {version} 版），请联系县民政局升级服务器。")
    return version


log = logging.getLogger("tonghu.server")

GZIP_MIN_BYTES = 1024
INT64 = 2 ** 63
MSG_TOO_LARGE = f"一次上传的数据太大（超过 {P.MAX_BODY_BYTES // 1024 // 1024} MB），未作任何更改。请分批同步。"
MSG_MALFORMED = "同步数据格式错误（{detail}），未作任何更改。请升级童护；如果问题仍然存在，请联系县民政局。"
MSG_UNAVAILABLE = "县级服务器的数据库暂时不可用，本次同步未作任何更改。请稍后再试；如果反复出现，请联系县民政局。"
MSG_SERVER_ERROR = "县级服务器处理请求时出错，本次同步未作任何更改。请稍后再试；如果反复出现，请联系县民政局查看服务器日志。"


def _malformed(detail: str) -> ServiceError:
    return ServiceError(400, "malformed", MSG_MALFORMED.format(detail=detail))


async def read_body(request: Request, limit: int = P.MAX_BODY_BYTES) -> bytes:
    """The request body, counted while it streams in: more than `limit` bytes (sent, or after
    gzip decompression) stops reading at once with 413, so a chunked body without Content-Length
    is never buffered whole. `Content-Encoding: gzip` bodies are inflated with the same bound."""
    length = request.headers.get("content-length")
    if length and length.strip().isdigit() and int(length) > limit:
        raise ServiceError(413, "too_large", MSG_TOO_LARGE)
    encoding = request.headers.get("content-encoding", "identity").strip().lower()
    if encoding not in ("identity", "gzip", ""):
        raise _malformed(f"不支持的压缩方式 {encoding[:20]}")
    inflater = zlib.decompressobj(16 + zlib.MAX_WBITS) if encoding == "gzip" else None
    parts: list[bytes] = []
    received = produced = 0
    async for chunk in request.stream():
        if not chunk:
            continue
        received += len(chunk)
        if received > limit:
            raise ServiceError(413, "too_large", MSG_TOO_LARGE)
        if inflater is None:
            parts.append(chunk)
            continue
        data = chunk
        while data:
            try:
                out = inflater.decompress(data, limit - produced + 1)
            except zlib.error:
                raise _malformed("压缩数据已损坏") from None
            produced += len(out)
            if produced > limit:
                raise ServiceError(413, "too_large", MSG_TOO_LARGE)
            parts.append(out)
            data = inflater.unconsumed_tail
            if inflater.eof and (data or inflater.unused_data):
                raise _malformed("压缩数据后有多余内容")
    if inflater is not None and not inflater.eof:
        raise _malformed("压缩数据不完整")
    return b"".join(parts)


def _check_int(text: str) -> int:
    value = int(text)
    if not -INT64 <= value < INT64:
        raise ValueError("integer out of range")
    return value


def _no_constant(name: str):
    raise ValueError(f"{name} is not JSON")


def _prescan(raw: bytes) -> None:
    """Refuse what a model cannot see but the database would choke on: integers outside 64 bits
    (anywhere in the body), NaN/Infinity and nesting too deep to parse."""
    try:
        json.loads(raw, parse_int=_check_int, parse_constant=_no_constant)
    except RecursionError:
        raise _malformed("嵌套层次过深") from None
    except ValueError as exc:
        if "out of range" in str(exc):
            raise _malformed("数字超出范围") from None
        raise _malformed("不是有效的 JSON") from None


async def _body(request: Request, model):
    raw = await read_body(request)
    _prescan(raw)
    try:
        return model.model_validate_json(raw)
    except ValidationError as exc:
        first = exc.errors()[0] if exc.errors() else {}
        where = ".".join(str(p) for p in first.get("loc", ()))
        if any(e.get("type") == "too_long" and e.get("loc", ("",))[0] == "changes" for e in exc.errors()):
            raise ServiceError(413, "too_large", f"一次最多上传 {P.MAX_PUSH_CHANGES} 条修改，请分批同步。") from None
        raise ServiceError(400, "malformed", f"同步数据格式错误（{where}: {first.get('msg', '')}），未作任何更改。") from None


_NONCE = signing.HEADER_NONCE.lower().encode("ascii")
_SIGNATURE = signing.HEADER_SIGNATURE.lower().encode("ascii")


class _SignAnswers:
    """Pure ASGI middleware inside the gzip layer: every /api/v1 answer is buffered, signed with
    the county's Ed25519 key (header `X-Tonghu-Signature`, over the uncompressed body) and sent;
    an unexpected exception becomes a logged, signed JSON 500 instead of a bare one."""

    def __init__(self, app, identity):
        self.app = app
        self.key = identity.sign_private

    async def __call__(self, scope, receive, send):
        if scope["type"] != "http" or not scope.get("path", "").startswith("/api/"):
            await self.app(scope, receive, send)
            return
        nonce = ""
        for name, value in scope.get("headers") or ():
            if name == _NONCE:
                nonce = value.decode("latin-1")[:signing.MAX_NONCE]
        start: dict | None = None
        parts: list[bytes] = []

        async def capture(message):
            nonlocal start
            if message["type"] == "http.response.start":
                start = message
            elif message["type"] == "http.response.body":
                parts.append(message.get("body", b""))

        try:
            await self.app(scope, receive, capture)
        except ClientDisconnect:  # the device went away mid-upload: nobody to answer
            log.info("client disconnected during %s %s", scope.get("method"), scope.get("path"))
            return
        except Exception:
            log.exception("unexpected error answering %s %s", scope.get("method"), scope.get("path"))
            start = None
        if start is None:
            body = json.dumps({"error": {"code": "server_error", "message": MSG_SERVER_ERROR}},
                              ensure_ascii=False).encode("utf-8")
            start = {"type": "http.response.start", "status": 500,
                     "headers": [(b"content-type", b"application/json"),
                                 (b"content-length", str(len(body)).encode())]}
        else:
            body = b"".join(parts)
        signature = self.key.sign(signing.answer_message(start["status"], scope["path"], nonce, body))
        headers = [(k, v) for k, v in start.get("headers", []) if k.lower() != _SIGNATURE]
        headers.append((_SIGNATURE, base64.b64encode(signature)))
        await send({**start, "headers": headers})
        await send({"type": "http.response.body", "body": body, "more_body": False})


def _device(db: ServerDB, request: Request):
    auth = request.headers.get("authorization", "")
    token = auth[7:].strip() if auth.lower().startswith("bearer ") else None
    return service.authenticate(db, token)


def _add_error_handlers(app: FastAPI) -> None:
    """Refusals and failures answer in the protocol's error shape, with a Chinese message."""
    @app.exception_handler(ServiceError)
    async def _service_error(_request, exc: ServiceError):
        return _error(exc.status, exc.code, exc.message)

    @app.exception_handler(RequestValidationError)
    async def _validation_error(_request, exc: RequestValidationError):
        return _error(400, "malformed", "同步数据格式错误，未作任何更改。", str(exc.errors()[:3]))

    @app.exception_handler(StarletteHTTPException)
    async def _http_error(_request, exc: StarletteHTTPException):
        if exc.status_code == 404:
            return _error(404, "not_found", "县级服务器没有这个地址。请检查服务器地址，或升级童护。")
        if exc.status_code == 405:
            return _error(405, "method_not_allowed", "县级服务器不接受这种请求方式。请升级童护。")
        return _error(exc.status_code, f"http_{exc.status_code}", f"县级服务器拒绝了请求（HTTP {exc.status_code}）。")

    async def _bad_input(request: Request, exc: Exception):
        # Input that slipped past validation and failed in the database or in a check: the
        # transaction rolled back, so nothing changed; logged so the gap can be closed.
        if isinstance(exc, DBAPIError) and not isinstance(exc, DataError):
            # the database itself failed (down, locked, a race on a unique key): worth a retry
            log.error("database error on %s", request.url.path, exc_info=exc)
            return _error(503, "unavailable", MSG_UNAVAILABLE)
        # the exception's text can quote a value sent (a name, a note): only its type is logged
        log.warning("malformed input on %s: %s", request.url.path, type(exc).__name__)
        return _error(400, "malformed", MSG_MALFORMED.format(detail=type(exc).__name__))

    for kind in (StatementError, ValueError, TypeError, RecursionError):
        app.add_exception_handler(kind, _bad_input)


def create_app(db: ServerDB | str) -> FastAPI:
    if isinstance(db, str):
        db = ServerDB(db)
    identity = service.county_identity(db)
    app = FastAPI(title="童护 县级同步服务器", version=__version__, docs_url=None, redoc_url=None)
    app.state.db = db
    # Outermost last: gzip wraps the signer, so signatures cover the uncompressed body.
    app.add_middleware(_SignAnswers, identity=identity)
    app.add_middleware(GZipMiddleware, minimum_size=GZIP_MIN_BYTES, compresslevel=5)

    _add_error_handlers(app)

    @app.get("/api/v1/hello")
    async def hello(request: Request):
        return {"server": "tonghu", "version": __version__, "protocol": P.PROTOCOL, "min_protocol": P.MIN_PROTOCOL}

    @app.post("/api/v1/enrol")
    async def enrol(request: Request):
        version = _check_protocol(request)
        req = await _body(request, P.EnrolRequest)
        return service.enrol(db, code=req.code, device_id=req.device_id, name=req.name,
                             public_keys=req.public_keys.model_dump(),
                             client_version=request.headers.get(P.HEADER_CLIENT, "")[:32], protocol=version,
                             proof=request.headers.get(signing.HEADER_ENROL_PROOF))

    @app.post("/api/v1/push")
    async def push_route(request: Request):
        version = _check_protocol(request)
        device = _device(db, request)
        req = await _body(request, P.PushRequest)
        batch = [Change(table=c.table, row_id=c.row_id, field=c.field, value=c.value, hlc=c.hlc,
                        base_hlc=c.base_hlc, origin=c.origin, actor=c.actor, versions=c.versions, id=c.id)
                 for c in req.changes]
        from starlette.concurrency import run_in_threadpool

        result = await run_in_threadpool(pushes.apply_push, db, device.id, batch, state=req.state,
                                         anchors=((req.cursor, req.anchor or ""), (req.pushed_seq, req.pushed_id or "")))
        await run_in_threadpool(service.touch_client, db, device.id,
                                request.headers.get(P.HEADER_CLIENT, "")[:32], version)
        # plain JSON values already: a JSONResponse skips FastAPI's encoder walking every result
        return JSONResponse({"results": result.results, "accepted": result.accepted, "duplicates": result.duplicates,
                             "refused": result.refused, "conflicts": result.conflicts, "server_seq": result.server_seq,
                             "server_ms": clock.wall_ms_now(), "state": result.state,
                             "last_seq": result.last_seq, "last_id": result.last_id, "reset": result.reset})

    @app.post("/api/v1/audit")
    async def audit_route(request: Request):
        _check_protocol(request)
        device = _device(db, request)
        raw = await read_body(request)
        _prescan(raw)
        body = json.loads(raw)
        if not isinstance(body, dict):
            raise _malformed("不是对象")
        from starlette.concurrency import run_in_threadpool

        return await run_in_threadpool(audits.receive, db, device.id, body.get("chain_id"), body.get("entries"))

    @app.post("/api/v1/recovery-key")
    async def recovery_key(request: Request):
        """The county's recovery public key, for a laptop enrolled before recovery existed (app/sync/recovery_setup.py)."""
        _check_protocol(request)
        _device(db, request)
        from starlette.concurrency import run_in_threadpool

        from app.server import recovery

        return {"recovery_public": await run_in_threadpool(recovery.ensure_public_key, db)}

    @app.post("/api/v1/pull")
    async def pull(request: Request):
        _check_protocol(request)
        device = _device(db, request)
        req = await _body(request, P.PullRequest)
        from starlette.concurrency import run_in_threadpool

        result = await run_in_threadpool(pulls.changes_for, db, device.id, req.cursor, req.limit,
                                         anchor=req.anchor, state=req.state,
                                         pushed=(req.pushed_seq, req.pushed_id or ""))
        return JSONResponse({"changes": [{"seq": seq, **ch.to_dict()} for seq, ch in result.changes],
                             "cursor": result.cursor, "anchor": result.anchor, "more": result.more,
                             "server_seq": result.server_seq, "server_ms": clock.wall_ms_now(), "reset": result.reset,
                             "restored": result.restored, "state": result.state})

    @app.get("/api/v1/status")
    async def status(request: Request):
        _check_protocol(request)
        device = _device(db, request)
        return {"device_id": device.id, "scope": device.scope, "protocol": P.PROTOCOL,
                "last_sync": device.last_sync.isoformat(timespec="seconds") if device.last_sync else None}

    mount_console(app, db)  # the county console's web pages at / (app/server/web)
    return app
