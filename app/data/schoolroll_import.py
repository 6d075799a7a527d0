"""学籍库比对 import: read the education bureau's roll (.xlsx or .csv), map its columns, check
every row, compare it with the village register, and save the findings and 劝返复学 tasks.

All or nothing: rows are checked before anything is written; if any row is bad the import is
refused with one message per bad row ("第N行：…") unless the user chose to skip bad rows, and the
findings, tasks and the import record are then written in one transaction. Importing the same
file again changes nothing (recognised by its SHA-256).
"""

from __future__ import annotations

import csv
import datetime as dt
import hashlib
import io
import json
import zipfile
from dataclasses import dataclass, field
from pathlib import Path
from typing import Generic, TypeVar

from sqlalchemy import select
from sqlalchemy.orm import Session

from app.core import clock
from app.data.base import utcnow
from app.data.models import Child, Place
from app.data.models.protection import ReturnToSchoolTask, SchoolRollFinding, SchoolRollImport
from app.data.rows import change_actor
from app.domain import schoolroll as rules
from app.domain.errors import ValidationError
from app.domain.tabular import check_rows
from app.domain.vocab import STATUS_ACTIVE

MAX_ROWS = 50_000         # a county's roll is ~30,000 pupils; more is refused, never half-read
MAX_COLUMNS = 64          # a roll has ~10 columns; cells beyond the 64th are ignored (issue 13)
MAX_BYTES = 30 * 1024 * 1024
HEADER_SEARCH_ROWS = 5
TASK_OPEN = "劝返中"
TASK_BACK = "已复学"
TASK_OTHER = "其他结束"
TASK_STATES = [TASK_OPEN, TASK_BACK, TASK_OTHER]


class RollFileError(ValidationError):
    """The file cannot be read as a roll (not xlsx/csv, damaged, empty, no header row)."""

    def __init__(self, message: str):
        super().__init__("file", message)


class RollRowsError(ValidationError):
    """Some rows are bad: nothing was imported. `errors` names every bad row (the first 20 in the
    message); `advice` is what a subclass adds after “未导入任何数据”."""

    advice = ""

    def __init__(self, errors: list[rules.RowError]):
        shown = "\n".join(e.text() for e in errors[:20])
        more = f"\n……另有{len(errors) - 20}行有错误" if len(errors) > 20 else ""
        super().__init__("rows", f"有{len(errors)}行数据有错误，未导入任何数据{self.advice}：\n{shown}{more}")
        self.errors = errors


def read_table(path: Path | str, data: bytes | None = None) -> list[tuple[int, list]]:
    """Every row of the file as (row number as the user sees it, cell values)."""
    path = Path(path)
    data = path.read_bytes() if data is None else data
    if not data.strip():
        raise RollFileError(f"文件“{path.name}”是空的")
    if len(data) > MAX_BYTES:
        raise RollFileError(f"文件“{path.name}”超过{MAX_BYTES // 1024 // 1024}MB，请按乡镇分开导入")
    suffix = path.suffix.lower()
    if suffix in (".xlsx", ".xlsm"):
        return _read_xlsx(path, data)
    if suffix in (".csv", ".txt"):
        return _read_csv(path, data)
    if suffix == ".xls":
        raise RollFileError(f"“{path.name}”是旧版 Excel（.xls）文件，请在 Excel 中“另存为”.xlsx 或 CSV 后再导入")
    raise RollFileError(f"不支持的文件类型“{suffix or '无扩展名'}”，请导入 .xlsx 或 .csv 文件")


def _read_xlsx(path: Path, data: bytes) -> list[tuple[int, list]]:
    from openpyxl import load_workbook

    if not zipfile.is_zipfile(io.BytesIO(data)):
        raise RollFileError(f"“{path.name}”不是有效的 Excel（.xlsx）文件，可能已损坏或扩展名不对")
    try:
        wb = load_workbook(io.BytesIO(data), read_only=True, data_only=True)
    except Exception as exc:  # openpyxl raises many kinds for broken files
        raise RollFileError(f"无法读取 Excel 文件“{path.name}”（{type(exc).__name__}），文件可能已损坏") from None
    try:
        ws = wb.worksheets[0]
        declared = ws.max_row  # from the sheet's <dimension>: refuse a huge sheet before reading it
        if declared and declared > MAX_ROWS + HEADER_SEARCH_ROWS:
            raise RollFileError(f"文件超过{MAX_ROWS}行，请按乡镇分开导入")
        rows = []
        for i, row in enumerate(ws.iter_rows(values_only=True, max_col=MAX_COLUMNS), start=1):
            if i > MAX_ROWS + HEADER_SEARCH_ROWS:
                raise RollFileError(f"文件超过{MAX_ROWS}行，请按乡镇分开导入")
            rows.append((i, list(row)))
        return rows
    except RollFileError:
        raise
    except Exception as exc:
        raise RollFileError(f"读取 Excel 文件“{path.name}”时出错（{type(exc).__name__}），文件可能已损坏") from None
    finally:
        wb.close()


def _read_csv(path: Path, data: bytes) -> list[tuple[int, list]]:
    for encoding in ("utf-8-sig", "gb18030"):
        try:
            text = data.decode(encoding)
            break
        except UnicodeDecodeError:
            continue
    else:
        raise RollFileError(f"无法识别“{path.name}”的文字编码，请另存为 UTF-8 或 GBK 编码的 CSV")
    try:
        dialect = csv.Sniffer().sniff(text[:4096], delimiters=",\t;")
    except csv.Error:
        dialect = csv.excel
    try:
        rows = []
        for i, row in enumerate(csv.reader(io.StringIO(text), dialect), start=1):
            if i > MAX_ROWS + HEADER_SEARCH_ROWS:
                break
            rows.append((i, row[:MAX_COLUMNS]))
    except csv.Error as exc:
        raise RollFileError(f"CSV 文件格式错误：{exc}") from None
    if len(rows) >= MAX_ROWS + HEADER_SEARCH_ROWS:
        raise RollFileError(f"文件超过{MAX_ROWS}行，请按乡镇分开导入")
    return rows


def find_header(rows: list[tuple[int, list]]) -> int:
    """Index (into rows) of the header row: the first of the first few rows naming ≥2 known columns,
    else the first row with anything in it."""
    found = rules.COLUMNS.header_row(rows, HEADER_SEARCH_ROWS, fallback_cells=1)
    if found is None:
        raise RollFileError("文件前几行都是空的，找不到表头")
    return found


Entry = TypeVar("Entry")


@dataclass
class Preview(Generic[Entry]):
    """A table file read and checked, nothing written (a roll here; the county's roster subclasses it)."""

    file_name: str
    sha256: str
    headers: list[str]
    mapping: dict[str, int]
    entries: list[Entry]
    errors: list[rules.RowError]
    row_count: int


def preview(path: Path | str, overrides: dict[str, str] | None = None, today: dt.date | None = None,
            data: bytes | None = None) -> Preview[rules.RollEntry]:
    """Read and check the whole file without writing anything (the wizard's preview step)."""
    path = Path(path)
    today = today or clock.today()
    data = path.read_bytes() if data is None else data
    rows = read_table(path, data)
    h = find_header(rows)
    headers = [rules.cell_text(v) for v in rows[h][1]]
    mapping = rules.auto_mapping(headers, overrides)
    checked = check_rows(rows[h + 1:], lambda row_no, values: rules.parse_row(row_no, values, mapping, today))
    if checked.rows == 0:
        raise RollFileError("文件只有表头，没有学生数据")
    return Preview(path.name, hashlib.sha256(data).hexdigest(), headers, mapping, checked.entries, checked.errors,
                   checked.rows)


@dataclass
class ImportResult:
    import_row: SchoolRollImport
    counts: dict
    skipped: list[rules.RowError] = field(default_factory=list)
    already_imported: bool = False
    tasks_opened: int = 0
    tasks_closed: int = 0


def village_children(session: Session) -> list[rules.ChildRef]:
    rows = session.execute(select(Child.id, Child.name, Child.id_number, Child.birth_date, Child.school).where(
        Child.deleted.is_(False), Child.status == STATUS_ACTIVE)).all()
    return [rules.ChildRef(*r) for r in rows]


def village_names(session: Session) -> list[str]:
    return [n for n in session.scalars(select(Place.name).where(Place.level == "village")) if n]


def import_roll(session: Session, path: Path | str, overrides: dict[str, str] | None = None, *,
                today: dt.date | None = None, skip_bad: bool = False, prepared: Preview[rules.RollEntry] | None = None,
                limit_to_village: bool = True) -> ImportResult:
    """Compare the roll with the register and save the results in this session's transaction.

    Raises RollFileError / MappingError / RollRowsError (nothing written) for a bad file, a missing
    column, or bad rows when `skip_bad` is false."""
    today = today or clock.today()
    p = prepared or preview(path, overrides, today)
    existing = session.scalar(select(SchoolRollImport).where(SchoolRollImport.file_sha256 == p.sha256,
                                                             SchoolRollImport.deleted.is_(False)))
    if existing is not None:
        return ImportResult(existing, json.loads(existing.summary), already_imported=True)
    if p.errors and not skip_bad:
        raise RollRowsError(p.errors)
    names = village_names(session) if limit_to_village and "address" in p.mapping else None
    comparison = rules.compare(village_children(session), p.entries, today, names)
    counts = comparison.counts()
    counts["在籍"] = len(comparison.matched)
    counts["行数"] = p.row_count
    counts["错误行"] = len(p.errors)
    imp = SchoolRollImport(file_name=p.file_name, file_sha256=p.sha256, imported_at=utcnow(),
                           imported_by=change_actor(session), reference_date=today,
                           row_count=p.row_count,
                           skipped_rows=json.dumps([[e.row_no, e.message] for e in p.errors], ensure_ascii=False),
                           summary=json.dumps(counts, ensure_ascii=False))
    session.add(imp)
    session.flush()
    for f in comparison.findings:
        e, c = f.entry, f.child
        session.add(SchoolRollFinding(
            import_id=imp.id, child_id=c.id if c else None, kind=f.kind, certain=f.certain,
            row_no=e.row_no if e else None, name=(c.name if c else e.name if e else ""),
            id_number=(e.id_number if e else c.id_number if c else ""),
            roll_school=e.school if e else "", recorded_school=c.school if c else "", detail=f.detail))
    open_tasks = {t.child_id: t for t in session.scalars(select(ReturnToSchoolTask).where(
        ReturnToSchoolTask.closed_on.is_(None), ReturnToSchoolTask.deleted.is_(False)))}
    opened = closed = 0
    for f in comparison.of(rules.DROPOUT_RISK):
        if f.child is not None and f.child.id not in open_tasks:
            session.add(ReturnToSchoolTask(child_id=f.child.id, import_id=imp.id, opened_on=today, status=TASK_OPEN,
                                           notes=f"学籍库比对（{p.file_name}）：{f.detail}"))
            opened += 1
    for child_id, entry in comparison.matched.items():
        task = open_tasks.get(child_id)
        if task is not None and child_id not in comparison.uncertain_ids:
            task.status, task.closed_on = TASK_BACK, today
            task.outcome = f"学籍库比对（{p.file_name}）显示在{entry.school}就读"
            closed += 1
    session.flush()
    return ImportResult(imp, counts, list(p.errors), False, opened, closed)


def import_roll_file(store, path: Path | str, overrides: dict[str, str] | None = None, **options) -> ImportResult:
    """`import_roll` in one transaction of its own: what the import wizard's 导入 button does."""
    with store.session() as session:
        return import_roll(session, path, overrides, **options)


def close_task(session: Session, task_id: str, status: str, outcome: str, on: dt.date | None = None) -> ReturnToSchoolTask:
    task = session.get(ReturnToSchoolTask, task_id)
    if task is None or task.deleted:
        raise ValidationError("task_id", "找不到该劝返复学任务")
    if status not in (TASK_BACK, TASK_OTHER):
        raise ValidationError("status", f"结束状态应为：{TASK_BACK}或{TASK_OTHER}")
    if not (outcome or "").strip():
        raise ValidationError("outcome", "请填写结果（例如复学的学校和日期）")
    task.status, task.closed_on, task.outcome = status, on or clock.today(), outcome.strip()
    return task


def add_task_note(session: Session, task_id: str, note: str, on: dt.date | None = None) -> ReturnToSchoolTask:
    task = session.get(ReturnToSchoolTask, task_id)
    if task is None or task.deleted:
        raise ValidationError("task_id", "找不到该劝返复学任务")
    line = f"{(on or clock.today()).isoformat()} {note.strip()}"
    task.notes = (task.notes + "\n" if task.notes else "") + line
    return task


def open_tasks(session: Session) -> list[tuple[ReturnToSchoolTask, Child]]:
    return [(task, child) for task, child in session.execute(
        select(ReturnToSchoolTask, Child).join(Child, Child.id == ReturnToSchoolTask.child_id)
        .where(ReturnToSchoolTask.closed_on.is_(None), ReturnToSchoolTask.deleted.is_(False), Child.deleted.is_(False))
        .order_by(ReturnToSchoolTask.opened_on, Child.name))]


def latest_import(session: Session) -> SchoolRollImport | None:
    return session.scalar(select(SchoolRollImport).where(SchoolRollImport.deleted.is_(False))
                          .order_by(SchoolRollImport.imported_at.desc()).limit(1))


def findings_of(session: Session, import_id: str) -> list[SchoolRollFinding]:
    return list(session.scalars(select(SchoolRollFinding).where(SchoolRollFinding.import_id == import_id)
                                .order_by(SchoolRollFinding.kind, SchoolRollFinding.row_no)))
