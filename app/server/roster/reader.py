"""Reading a roster file: its rows (xlsx or CSV, as the school-roll import reads them) and the
header row, found among the first rows by the column names rosters commonly use."""

from __future__ import annotations

from pathlib import Path

from app.data.schoolroll_import import HEADER_SEARCH_ROWS, MAX_BYTES, MAX_COLUMNS, MAX_ROWS, RollFileError, read_table
from app.domain import roster as rules

__all__ = ["RollFileError", "read_rows", "find_header"]


def read_rows(path: Path | str, data: bytes | None = None) -> list[tuple[int, list]]:
    """Every row as (row number as the user sees it, cell values); RollFileError for a bad file.
    An .xlsx is read by the fast reader (`xlsx`), falling back to openpyxl for what it does not know."""
    path = Path(path)
    data = path.read_bytes() if data is None else data
    if path.suffix.lower() in (".xlsx", ".xlsm") and 0 < len(data) <= MAX_BYTES:
        from app.server.roster import xlsx

        try:
            return xlsx.read_rows(data, MAX_ROWS + HEADER_SEARCH_ROWS, MAX_COLUMNS)
        except xlsx.XlsxUnreadable as exc:
            if str(exc) == "too_many":
                raise RollFileError(f"文件超过{MAX_ROWS}行，请按乡镇分开导入") from None
    return read_table(path, data)


def find_header(rows: list[tuple[int, list]]) -> int:
    """Index of the header row: the first of the first rows naming at least two known columns
    (a title line such as “某某县农村留守儿童花名册” above it is skipped), else the first row with at
    least two cells filled in."""
    found = rules.COLUMNS.header_row(rows, HEADER_SEARCH_ROWS, fallback_cells=2)
    if found is None:
        raise RollFileError("文件前几行都是空的或只有标题，找不到表头")
    return found
