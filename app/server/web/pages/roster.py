"""名单与政策 at `/roster` (county administrators): upload a roster, see its check and what it
would change (the mapping step: recognised columns, a mapping typed as 表头=字段, remembered), then
import it; publish the county's visit policy; resolve cross-village duplicate files (transfer or
two different children). The same operations as the `tonghu server` commands (app/server/roster,
app/server/policy.py, app/server/duplicates.py); every change is written to the audit log.
"""

from __future__ import annotations

import hashlib
import tempfile
from pathlib import Path
from urllib.parse import quote

from fastapi import APIRouter, Depends, Form, Request, UploadFile
from fastapi.responses import FileResponse, RedirectResponse

from app.core.errors import TonghuError
from app.data.schoolroll_import import RollRowsError
from app.domain.roster import FIELDS, parse_map_option
from app.server import duplicates, policy
from app.server.roster import importer, mapping
from app.server.roster import schoolroll as roll_check
from app.server.web import audit
from app.server.web.auth import ConsoleUser, not_found, require_role
from app.server.web.templating import render

router = APIRouter()
admin = require_role("county-admin")
MAX_UPLOAD = 30 * 1024 * 1024
_UPLOADS = Path(tempfile.gettempdir()) / "tonghu-roster-uploads"


def _page(request: Request, user: ConsoleUser, **extra):
    db = request.app.state.db
    context = {"policy": policy.current(db), "flags": duplicates.county_flags(db), "fields": FIELDS,
               "remembered": mapping.remembered(db), "report": None, "errors": [], "message": "", "upload": "",
               "map_text": "", "skip_bad": False, "overwrite": False, "roll": None, "roll_file": ""}
    current = context["policy"]
    if current and "policy_text" not in extra:  # the text to edit for the next version (the server numbers it)
        context["policy_text"] = "\n".join(line for line in current["text"].splitlines()
                                           if not line.strip().startswith("version")) + "\n"
    context.update(extra)
    return render(request, "pages/roster.html", context, status=400 if extra.get("errors") else 200)


@router.get("/roster")
def roster_page(request: Request, user: ConsoleUser = Depends(admin), done: str = ""):
    return _page(request, user, message=done)


def _saved(upload_id: str) -> Path:
    if not upload_id or not all(c in "0123456789abcdef" for c in upload_id) or len(upload_id) != 64:
        raise TonghuError("上传的文件已失效，请重新选择文件")
    found = sorted(_UPLOADS.glob(f"{upload_id}.*"))
    if not found:
        raise TonghuError("上传的文件已失效，请重新选择文件")
    return found[0]


@router.post("/roster/check")
async def roster_check(request: Request, file: UploadFile | None = None, map_text: str = Form(""),
                       skip_bad: str = Form(""), overwrite: str = Form(""), upload: str = Form(""),
                       user: ConsoleUser = Depends(admin)):
    """The check step: nothing is written; the report shows what the import would do."""
    keep = {"map_text": map_text, "skip_bad": bool(skip_bad), "overwrite": bool(overwrite)}
    try:
        if file is not None and file.filename:
            data = await file.read(MAX_UPLOAD + 1)
            if len(data) > MAX_UPLOAD:
                raise TonghuError("文件超过30MB，请按乡镇分开导入")
            suffix = Path(file.filename).suffix.lower()
            if suffix not in (".xlsx", ".xlsm", ".csv", ".txt", ".xls"):
                raise TonghuError(f"不支持的文件类型“{suffix or '无扩展名'}”，请上传 .xlsx 或 .csv 文件")
            upload = hashlib.sha256(data).hexdigest()
            _UPLOADS.mkdir(mode=0o700, exist_ok=True)
            path = _UPLOADS / f"{upload}{suffix}"
            path.write_bytes(data)
            name = file.filename
        else:
            path = _saved(upload)
            name = path.name
        given = parse_map_option(map_text)
        report = importer.import_roster(request.app.state.db, path, given, skip_bad=bool(skip_bad),
                                        overwrite=bool(overwrite), dry_run=True, actor=user.name)
    except importer.RosterRowsError as exc:
        return _page(request, user, errors=[e.text() for e in exc.errors], upload=upload, **keep)
    except TonghuError as exc:
        return _page(request, user, errors=[exc.message], upload=upload if upload else "", **keep)
    report.file_name = name
    return _page(request, user, report=report, upload=upload, **keep)


@router.post("/roster/import")
def roster_import(request: Request, upload: str = Form(...), map_text: str = Form(""), skip_bad: str = Form(""),
                  overwrite: str = Form(""), user: ConsoleUser = Depends(admin)):
    db = request.app.state.db
    keep = {"map_text": map_text, "skip_bad": bool(skip_bad), "overwrite": bool(overwrite)}
    try:
        path = _saved(upload)
        report = importer.import_roster(db, path, parse_map_option(map_text), skip_bad=bool(skip_bad),
                                        overwrite=bool(overwrite), actor=user.name)
    except importer.RosterRowsError as exc:
        return _page(request, user, errors=[e.text() for e in exc.errors], upload=upload, **keep)
    except TonghuError as exc:
        return _page(request, user, errors=[exc.message], **keep)
    path.unlink(missing_ok=True)
    audit.record(db, user, "roster_import", f"名单 {report.rows} 行",
                 f"新建 {report.created}，更新 {report.updated}，未变 {report.unchanged}，跳过 {len(report.skipped)}")
    done = (f"已导入：{report.rows} 行，新建 {report.created} 名儿童，更新 {report.updated} 名，未变 {report.unchanged} 名。"
            "各村的电脑下次同步时收到。")
    return RedirectResponse(f"/roster?done={quote(done)}", status_code=303)


@router.post("/roster/policy")
def policy_set(request: Request, text: str = Form(...), user: ConsoleUser = Depends(admin)):
    db = request.app.state.db
    try:
        issued = policy.set_policy(db, text, actor=user.name)
    except TonghuError as exc:
        return _page(request, user, errors=[exc.message], policy_text=text)
    audit.record(db, user, "policy_set", f"走访政策第 {issued['version']} 版", issued["summary"])
    done = f"已发布第 {issued['version']} 版走访政策，随下次同步到达各村。"
    return RedirectResponse("/roster?done=" + quote(done), status_code=303)


@router.post("/roster/duplicates/transfer")
def duplicate_transfer(request: Request, child: str = Form(...), to: str = Form(...), reason: str = Form(""),
                       user: ConsoleUser = Depends(admin)):
    db = request.app.state.db
    try:
        moved = duplicates.transfer(db, child, to, reason=reason, actor=user.name)
    except TonghuError as exc:
        return _page(request, user, errors=[exc.message])
    audit.record(db, user, "child_transfer", f"{moved['from']} → {moved['to']}", reason)
    return RedirectResponse("/roster?done=" + quote(f"已把 {moved['name']} 的档案转到 {moved['to']}。"), status_code=303)


@router.post("/roster/duplicates/different")
def duplicate_different(request: Request, key: str = Form(...), user: ConsoleUser = Depends(admin)):
    db = request.app.state.db
    try:
        duplicates.mark_different(db, key, actor=user.name)
    except TonghuError as exc:
        return _page(request, user, errors=[exc.message])
    audit.record(db, user, "duplicate_different", key)
    return RedirectResponse("/roster?done=" + quote("已标为不同儿童。"), status_code=303)


@router.post("/roster/schoolroll")
async def schoolroll_check(request: Request, file: UploadFile, skip_bad: str = Form(""),
                           user: ConsoleUser = Depends(admin)):
    """学籍库比对 for all villages: the summary per village, 劝返复学 tasks opened, an Excel copy."""
    db = request.app.state.db
    data = await file.read(MAX_UPLOAD + 1)
    suffix = Path(file.filename or "").suffix.lower()
    try:
        if len(data) > MAX_UPLOAD:
            raise TonghuError("文件超过30MB，请分开导入")
        if suffix not in (".xlsx", ".xlsm", ".csv", ".txt", ".xls"):
            raise TonghuError(f"不支持的文件类型“{suffix or '无扩展名'}”，请上传 .xlsx 或 .csv 文件")
        sha = hashlib.sha256(data).hexdigest()
        _UPLOADS.mkdir(mode=0o700, exist_ok=True)
        path = _UPLOADS / f"roll-{sha}{suffix}"
        path.write_bytes(data)
        result = roll_check.check_roll(db, path, skip_bad=bool(skip_bad), actor=user.name)
    except RollRowsError as exc:
        return _page(request, user, errors=[e.text() for e in exc.errors])
    except TonghuError as exc:
        return _page(request, user, errors=[exc.message])
    result.file_name = file.filename or result.file_name
    roll_check.export_xlsx(result, _UPLOADS / f"roll-{sha}.summary.xlsx")
    path.unlink(missing_ok=True)
    t = result.totals()
    audit.record(db, user, "schoolroll_check", f"学籍库比对 {result.rows} 行",
                 f"在籍 {t.matched}，未在籍 {t.not_attending}，新开劝返任务 {t.tasks}")
    return _page(request, user, roll=result, roll_file=sha)


@router.get("/roster/schoolroll/{sha}.xlsx")
def schoolroll_export(sha: str, user: ConsoleUser = Depends(admin)):
    path = _UPLOADS / f"roll-{sha}.summary.xlsx"
    if len(sha) != 64 or not all(c in "0123456789abcdef" for c in sha) or not path.exists():
        raise not_found()
    return FileResponse(path, media_type="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
                        filename="学籍库比对汇总.xlsx")
