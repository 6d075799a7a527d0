"""设备 → 恢复文件: a county admin issues a one-time password recovery file for one laptop of the
county (app/server/recovery.py) and downloads it at once; every issue is in the audit log. The
recovery private key must be where the server can read it (beside the database by default); when
the officer keeps it offline, the console says to use `tonghu server recovery-file` instead."""

from __future__ import annotations

import tempfile
from pathlib import Path
from urllib.parse import quote

from fastapi import APIRouter, Depends, Form, Request
from fastapi.responses import Response

from app.server import recovery
from app.server.web import audit
from app.server.web.auth import ConsoleUser, not_found, require_role
from app.server.web.device_views import list_devices

router = APIRouter()


@router.post("/devices/recovery")
def device_recovery(request: Request, device_id: str = Form(""),
                    admin: ConsoleUser = Depends(require_role("county-admin"))):
    from app.server.web.routes_devices import _page

    db = request.app.state.db
    known = {d.id: d for d in list_devices(db, admin.scope)}
    if device_id not in known:
        raise not_found()
    try:
        with tempfile.TemporaryDirectory(prefix="tonghu-recovery-") as tmp:
            done = recovery.issue(db, device_id, Path(tmp) / f"恢复文件-{known[device_id].scope}", issued_by=admin.name)
            path = Path(done["path"])
            data, filename = path.read_bytes(), path.name
    except recovery.RecoveryIssueError as exc:
        message = exc.message + "（恢复私钥离线保管时，请在服务器上用 tonghu server recovery-file --key-file … 开具）"
        return _page(request, error=message, status=400)
    audit.record(db, admin, "device_recovery", device_id, f"恢复文件 {done['file_id']}，{done['expires_at']} UTC 前有效")
    return Response(data, media_type="application/octet-stream", headers={
        "Content-Disposition": f"attachment; filename*=UTF-8''{quote(filename)}", "Cache-Control": "no-store"})
