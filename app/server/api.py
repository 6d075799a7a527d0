"""The county server's HTTP routes (FastAPI): enrolment, push, pull and status under /api/v1.

Every request carries `X-Tonghu-Protocol`; sync requests carry `Authorization: Bearer <token>`.
Errors are JSON `{"error": {"code", "message"}}` with a Chinese message (docs/sync-protocol.md).
"""

from __future__ import annotations

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse
from pydantic import ValidationError

from app import __version__
from app.core import hlc as clock
from app.core import protocol as P
from app.server import service
from app.server.db import ServerDB
from app.server.service import ServiceError
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
                           f"童护版本过旧，请升级后再同步（服务器需要同步协议 {P.MIN_PROTOCOL} 版或更新，本机为 {version or '未知'} 版）。")
    if version > P.PROTOCOL:
        raise ServiceError(426, "server_too_old",
                           f"县级服务器版本比本机旧（服务器协议 {P.PROTOCOL} 版，本机 {version} 版），请联系县民政局升级服务器。")
    return version


async def _body(request: Request, model):
    length = request.headers.get("content-length")
    if length and length.isdigit() and int(length) > P.MAX_BODY_BYTES:
        raise ServiceError(413, "too_large", f"一次上传的数据太大（超过 {P.MAX_BODY_BYTES // 1024 // 1024} MB），请分批同步。")
    raw = await request.body()
    if len(raw) > P.MAX_BODY_BYTES:
        raise ServiceError(413, "too_large", f"一次上传的数据太大（超过 {P.MAX_BODY_BYTES // 1024 // 1024} MB），请分批同步。")
    try:
        return model.model_validate_json(raw)
    except ValidationError as exc:
        first = exc.errors()[0] if exc.errors() else {}
        where = ".".join(str(p) for p in first.get("loc", ()))
        if any(e.get("type") == "too_long" and e.get("loc", ("",))[0] == "changes" for e in exc.errors()):
            raise ServiceError(413, "too_large", f"一次最多上传 {P.MAX_PUSH_CHANGES} 条修改，请分批同步。") from None
        raise ServiceError(400, "malformed", f"同步数据格式错误（{where}: {first.get('msg', '')}），未作任何更改。") from None


def _device(db: ServerDB, request: Request):
    auth = request.headers.get("authorization", "")
    token = auth[7:].strip() if auth.lower().startswith("bearer ") else None
    return service.authenticate(db, token)


def create_app(db: ServerDB | str) -> FastAPI:
    if isinstance(db, str):
        db = ServerDB(db)
    service.county_identity(db)
    app = FastAPI(title="童护 县级同步服务器", version=__version__, docs_url=None, redoc_url=None)
    app.state.db = db

    @app.exception_handler(ServiceError)
    async def _service_error(_request, exc: ServiceError):
        return _error(exc.status, exc.code, exc.message)

    @app.exception_handler(RequestValidationError)
    async def _validation_error(_request, exc: RequestValidationError):
        return _error(400, "malformed", "同步数据格式错误，未作任何更改。", str(exc.errors()[:3]))

    @app.get("/api/v1/hello")
    async def hello(request: Request):
        return {"server": "tonghu", "version": __version__, "protocol": P.PROTOCOL, "min_protocol": P.MIN_PROTOCOL}

    @app.post("/api/v1/enrol")
    async def enrol(request: Request):
        version = _check_protocol(request)
        req = await _body(request, P.EnrolRequest)
        return service.enrol(db, code=req.code, device_id=req.device_id, name=req.name,
                             public_keys=req.public_keys.model_dump(),
                             client_version=request.headers.get(P.HEADER_CLIENT, "")[:32], protocol=version)

    @app.post("/api/v1/push")
    async def push_route(request: Request):
        version = _check_protocol(request)
        device = _device(db, request)
        req = await _body(request, P.PushRequest)
        batch = [(c.seq, Change(table=c.table, row_id=c.row_id, field=c.field, value=c.value, hlc=c.hlc,
                                base_hlc=c.base_hlc, origin=c.origin, actor=c.actor, versions=c.versions))
                 for c in req.changes]
        from starlette.concurrency import run_in_threadpool

        result = await run_in_threadpool(service.apply_push, db, device.id, batch)
        await run_in_threadpool(service.touch_client, db, device.id,
                                request.headers.get(P.HEADER_CLIENT, "")[:32], version)
        return {"acked": result.acked, "accepted": result.accepted, "duplicates": result.duplicates,
                "conflicts": result.conflicts, "server_seq": result.server_seq}

    @app.post("/api/v1/pull")
    async def pull(request: Request):
        _check_protocol(request)
        device = _device(db, request)
        req = await _body(request, P.PullRequest)
        from starlette.concurrency import run_in_threadpool

        result = await run_in_threadpool(service.changes_for, db, device.id, req.cursor, req.limit)
        return {"changes": [{"seq": seq, **ch.to_dict()} for seq, ch in result.changes],
                "cursor": result.cursor, "more": result.more, "server_seq": result.server_seq,
                "server_ms": clock.wall_ms_now()}

    @app.get("/api/v1/status")
    async def status(request: Request):
        _check_protocol(request)
        device = _device(db, request)
        return {"device_id": device.id, "scope": device.scope, "protocol": P.PROTOCOL,
                "last_sync": device.last_sync.isoformat(timespec="seconds") if device.last_sync else None}

    return app
