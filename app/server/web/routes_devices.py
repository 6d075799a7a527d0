"""设备: enrol a village or township laptop (a one-time code shown once, on a printable sheet),
make an offline enrolment file, see every device's last sync, what waits for it and its version,
and revoke one. County admins only."""

from __future__ import annotations

import dataclasses
import datetime as dt
import secrets
import tempfile
import threading
from pathlib import Path

from fastapi import APIRouter, Depends, Form, Request
from fastapi.responses import RedirectResponse, Response

from app.core import clock
from app.server import bundles, service
from app.server.db import Device
from app.server.web import audit
from app.server.web.auth import ConsoleUser, not_found, require_role
from app.server.web.device_views import STALE_DAYS, list_devices, place_names
from app.server.web.templating import render
from app.sync.bundle import BundleError

router = APIRouter()
admin_only = require_role("county-admin")
DOWNLOAD_MINUTES = 15
DONE = {"revoked": "设备已停用。它再同步时会被拒绝；如需恢复，请重新登记。"}


@dataclasses.dataclass
class _Download:
    user_id: int
    filename: str
    data: bytes
    expires: dt.datetime


_downloads: dict[str, _Download] = {}
_downloads_lock = threading.Lock()


def _keep_download(user: ConsoleUser, filename: str, data: bytes) -> str:
    key = secrets.token_urlsafe(16)
    now = clock.utcnow()
    with _downloads_lock:
        for old in [k for k, d in _downloads.items() if d.expires < now]:
            del _downloads[old]
        _downloads[key] = _Download(user.id, filename, data, now + dt.timedelta(minutes=DOWNLOAD_MINUTES))
    return key


def _check_scope(admin: ConsoleUser, scope: str) -> str:
    scope = (scope or "").strip()
    if not (scope.isdigit() and len(scope) in (9, 12)):
        raise service.ServiceError(400, "bad_scope", "请填写村/社区的12位区划代码，或乡镇/街道的9位区划代码（督导员设备）")
    if admin.scope and not scope.startswith(admin.scope):
        raise service.ServiceError(400, "bad_scope", f"只能登记本县（{admin.scope}）范围内的设备")
    return scope


def _page(request: Request, *, ok: str = "", error: str = "", form: dict | None = None, status: int = 200):
    user: ConsoleUser = request.state.console_user
    return render(request, "devices.html", {"devices": list_devices(request.app.state.db, user.scope), "ok": ok,
                                            "error": error, "form": form or {}, "stale_days": STALE_DAYS},
                  status=status)


@router.get("/devices")
def devices_page(request: Request, done: str = "", admin: ConsoleUser = Depends(admin_only)):
    return _page(request, ok=DONE.get(done, ""))


def _server_address(request: Request) -> str:
    return str(request.base_url).rstrip("/")


@router.post("/devices/code")
def device_code(request: Request, scope: str = Form(""), days: int = Form(service.CODE_DAYS),
                admin: ConsoleUser = Depends(admin_only)):
    db = request.app.state.db
    try:
        scope = _check_scope(admin, scope)
        if not 1 <= days <= 30:
            raise service.ServiceError(400, "bad_days", "有效天数应在1到30天之间")
        code = service.create_enrol_code(db, scope, days=days)
    except service.ServiceError as exc:
        return _page(request, error=exc.message, form={"scope": scope, "days": days}, status=400)
    audit.record(db, admin, "device_code", scope, f"{days}天内有效")
    return render(request, "device_sheet.html", {
        "code": code, "scope": scope, "place": place_names(db, {scope}).get(scope, ""), "kind": "code",
        "expires": clock.utcnow() + dt.timedelta(days=days), "server": _server_address(request)})


@router.post("/devices/file")
def device_file(request: Request, scope: str = Form(""), name: str = Form(""), admin: ConsoleUser = Depends(admin_only)):
    db = request.app.state.db
    try:
        scope = _check_scope(admin, scope)
        with tempfile.TemporaryDirectory(prefix="tonghu-enrol-") as tmp:
            kind = {"village": scope} if len(scope) == 12 else {"township": scope}
            made = bundles.enrolment_file(db, Path(tmp) / f"登记文件-{scope}", name=name.strip()[:64],
                                          server=_server_address(request), **kind)
            data = made.path.read_bytes()
            filename = made.path.name
    except (service.ServiceError, BundleError) as exc:
        return _page(request, error=getattr(exc, "message", str(exc)), form={"scope": scope, "name": name}, status=400)
    audit.record(db, admin, "device_file", scope, made.device_id)
    key = _keep_download(admin, filename, data)
    return render(request, "device_sheet.html", {
        "code": made.code, "scope": scope, "place": place_names(db, {scope}).get(scope, ""), "kind": "file",
        "download": f"/devices/file/{key}", "filename": filename, "server": _server_address(request),
        "minutes": DOWNLOAD_MINUTES})


@router.get("/devices/file/{key}")
def device_file_download(key: str, admin: ConsoleUser = Depends(admin_only)):
    with _downloads_lock:
        item = _downloads.get(key)
        if item is None or item.user_id != admin.id or item.expires < clock.utcnow():
            raise not_found()
    from urllib.parse import quote

    return Response(item.data, media_type="application/octet-stream",
                    headers={"Content-Disposition": f"attachment; filename*=UTF-8''{quote(item.filename)}"})


@router.post("/devices/revoke")
def device_revoke(request: Request, device_id: str = Form(""), admin: ConsoleUser = Depends(admin_only)):
    db = request.app.state.db
    with db.sessions() as s:
        device = s.get(Device, device_id[:64])
    if device is None or not device.scope.startswith(admin.scope):
        raise not_found()
    service.revoke(db, device_id)
    audit.record(db, admin, "device_revoke", device_id, f"{device.scope} {device.name}")
    return RedirectResponse("/devices?done=revoked", status_code=303)
