"""学籍库比对 at the county, once for all villages: the education bureau's roll is read and checked
as the desktop import reads it (`app.data.schoolroll_import.preview`), every active child the
county holds is matched by the desktop's rules (`app.domain.schoolroll.compare`: by ID number,
else name + birth date marked uncertain), and a 劝返复学 task is opened in the child's file for
each school-age child not attending — written as county changes, so it reaches the village's
laptops with their next sync. Pupils on the roll whom no village registered are not listed (a
county roll holds every pupil, not only the children in care).

The county summary counts matched, not attending, uncertain and not on the roll, per village and
in total, and is exported to Excel. The same file twice opens no task twice (a child with an open
task gets none) and is recognised by its SHA-256.
"""

from __future__ import annotations

import datetime as dt
import json
from dataclasses import dataclass, field
from pathlib import Path

from sqlalchemy import select

from app.core import clock
from app.data.models.child import Child
from app.data.models.protection import ReturnToSchoolTask
from app.data.schoolroll_import import RollRowsError, TASK_OPEN, preview
from app.domain import schoolroll as rules
from app.domain.vocab import STATUS_ACTIVE
from app.server.county_writes import county_changes
from app.server import settings
from app.server.db import ServerDB

KEY = "schoolroll.imports"
HEADERS = ["村（社区）代码", "村（社区）", "在籍", "未在籍（劝返）", "学校不一致", "疑似匹配", "新开劝返任务"]


@dataclass
class VillageRow:
    code: str
    name: str = ""
    matched: int = 0
    not_attending: int = 0
    other_school: int = 0
    uncertain: int = 0
    tasks: int = 0


@dataclass
class CountyCheck:
    file_name: str
    rows: int
    villages: dict[str, VillageRow] = field(default_factory=dict)
    findings: list[dict] = field(default_factory=list)   # {village, name, id_number, kind, detail}
    skipped: list[str] = field(default_factory=list)
    already: bool = False

    def totals(self) -> VillageRow:
        t = VillageRow("", "合计")
        for v in self.villages.values():
            for name in ("matched", "not_attending", "other_school", "uncertain", "tasks"):
                setattr(t, name, getattr(t, name) + getattr(v, name))
        return t

    def to_dict(self) -> dict:
        t = self.totals()
        return {"file": self.file_name, "rows": self.rows, "already_imported": self.already,
                "total": {"matched": t.matched, "not_attending": t.not_attending, "other_school": t.other_school,
                          "uncertain": t.uncertain, "tasks": t.tasks},
                "villages": [v.__dict__ for v in self.villages.values()], "findings": self.findings,
                "skipped": self.skipped}


def check_roll(db: ServerDB, path: Path | str, overrides: dict[str, str] | None = None, *, skip_bad: bool = False,
               actor: str = "", today: dt.date | None = None) -> CountyCheck:
    """Compare the roll with every village's active children and open the 劝返复学 tasks."""
    from app.server.roster.places import gazetteer

    today = today or clock.today()
    p = preview(path, overrides, today)
    if p.errors and not skip_bad:
        raise RollRowsError(p.errors)
    result = CountyCheck(p.file_name, p.row_count, skipped=[e.text() for e in p.errors])
    names = gazetteer(db).names
    with db.sessions() as s:
        seen = _imports(s)
        kids = s.execute(select(Child.id, Child.name, Child.id_number, Child.birth_date, Child.school,
                                Child.village_code).where(Child.deleted.is_(False), Child.status == STATUS_ACTIVE)).all()
        open_tasks = set(s.scalars(select(ReturnToSchoolTask.child_id).where(
            ReturnToSchoolTask.closed_on.is_(None), ReturnToSchoolTask.deleted.is_(False))))
    result.already = p.sha256 in seen
    village_of = {k.id: k.village_code for k in kids}
    comparison = rules.compare([rules.ChildRef(k.id, k.name, k.id_number, k.birth_date, k.school) for k in kids],
                               p.entries, today, None)
    for code in sorted(set(village_of.values())):
        result.villages[code] = VillageRow(code, names.get(code, ""))
    for cid in comparison.matched:
        result.villages[village_of[cid]].matched += 1
    todo = []
    for f in comparison.findings:
        if f.child is None:
            continue  # a pupil no village registered
        row = result.villages[village_of[f.child.id]]
        if f.kind == rules.DROPOUT_RISK:
            row.not_attending += 1
            if f.child.id not in open_tasks:
                todo.append(f)
                open_tasks.add(f.child.id)
                row.tasks += 1
        elif f.kind == rules.OTHER_SCHOOL:
            row.other_school += 1
        elif f.kind == rules.UNCERTAIN:
            row.uncertain += 1
        result.findings.append({"village": village_of[f.child.id], "name": f.child.name,
                                "id_number": f.child.id_number, "kind": f.kind, "detail": f.detail})
    with county_changes(db, actor) as w:
        for f in todo:
            village = village_of[f.child.id]
            w.create("return_to_school_task", rules_task_id(f.child.id, p.sha256), {
                "child_id": f.child.id, "opened_on": today, "status": TASK_OPEN,
                "notes": f"县级学籍库比对（{p.file_name}）：{f.detail}"}, child_id=f.child.id, scope=village)
        if not result.already:
            _remember_import(w.s, p.sha256)
    return result


def _remember_import(s, sha: str) -> None:
    """Add the roll file's hash to the imports the server holds (so a second import is flagged)."""
    held = _imports(s)
    held.append(sha)
    settings.put(s, KEY, json.dumps(held))


def rules_task_id(child_id: str, sha: str) -> str:
    import uuid

    return str(uuid.uuid5(uuid.UUID("0a6e4b12-7c3d-4e59-8f21-93b5c7d1e2aa"), f"{child_id}/{sha}"))


def _imports(s) -> list[str]:
    return settings.get_json(s, KEY, [])


def export_xlsx(check: CountyCheck, out: Path | str) -> Path:
    """The county summary (per village and in total) and the findings, as an Excel workbook."""
    from openpyxl import Workbook

    wb = Workbook()
    ws = wb.active
    ws.title = "各村汇总"
    ws.append(HEADERS)
    for v in list(check.villages.values()) + [check.totals()]:
        ws.append([v.code, v.name, v.matched, v.not_attending, v.other_school, v.uncertain, v.tasks])
    detail = wb.create_sheet("比对结果")
    detail.append(["村（社区）代码", "姓名", "身份证号", "结果", "说明"])
    for f in check.findings:
        detail.append([f["village"], f["name"], f["id_number"], f["kind"], f["detail"]])
    out = Path(out)
    wb.save(out)
    return out
