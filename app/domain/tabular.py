"""What the two table imports share, the county roster (`app/domain/roster.py`) and the school roll
(`app/domain/schoolroll.py`): a cell as text, a date as Excel and people write it, the columns an
import knows and the header spellings that name them, and the check of every data row, each
problem named by the row as the user sees it in Excel (header = row 1).

Pure functions over plain values: reading the file lives in `app/data/schoolroll_import.py` and
`app/server/roster/reader.py`.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass
from typing import Callable, Generic, Iterable, NamedTuple, Protocol, TypeVar

from app.domain.errors import ValidationError


@dataclass(frozen=True)
class RowError:
    row_no: int
    message: str

    def text(self) -> str:
        return f"第{self.row_no}行：{self.message}"


class MappingError(ValidationError):
    """The header row cannot be mapped to the fields: a required column missing, two columns on one field."""


def cell_text(value: object) -> str:
    if value is None:
        return ""
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    return str(value).strip()


def norm_header(text: object) -> str:
    """A header as compared: no spaces, no `*` or colon, nothing in brackets."""
    s = str(text or "").strip()
    s = re.sub(r"[\s\u3000*＊:：]", "", s)
    s = re.sub(r"[（(].*?[)）]", "", s)
    return s


@dataclass(frozen=True)
class Columns:
    """The columns an import knows. `fields`: field → (label shown in the mapping step, required);
    `variants`: field → the header spellings seen for it, as `norm_header` leaves them."""

    fields: dict[str, tuple[str, bool]]
    variants: dict[str, list[str]]

    def label(self, name: str) -> str:
        return self.fields[name][0]

    def field_for_header(self, text: object) -> str | None:
        """The field a header names (by a known spelling or the field's key), or None."""
        h = norm_header(text)
        for name, variants in self.variants.items():
            if h in variants or h == name:
                return name
        return None

    def field_by_label(self, text: str) -> str | None:
        """A field named by its key (id_number), its label (身份证号) or a known header spelling."""
        t = (text or "").strip()
        if t in self.fields:
            return t
        for name, (lab, _) in self.fields.items():
            if lab == t or norm_header(lab) == norm_header(t):
                return name
        return self.field_for_header(t)

    def header_row(self, rows: list[tuple[int, list]], search: int, fallback_cells: int) -> int | None:
        """Index (into `rows`) of the header row among the first `search` rows: the first naming at
        least two known columns (a title line above it is skipped), else the first with at least
        `fallback_cells` cells filled in; None when there is neither."""
        for i, (_, values) in enumerate(rows[:search]):
            if sum(1 for v in values if self.field_for_header(v)) >= 2:
                return i
        for i, (_, values) in enumerate(rows[:search]):
            if sum(1 for v in values if cell_text(v)) >= fallback_cells:
                return i
        return None


_DATE_PATTERNS = [
    re.compile(r"^(\d{4})[-/.年](\d{1,2})[-/.月](\d{1,2})日?$"),
    re.compile(r"^(\d{4})(\d{2})(\d{2})$"),
]
EXCEL_EPOCH = dt.date(1899, 12, 30)


def parse_date(value: object) -> dt.date:
    """A date from a cell: a date/datetime, an Excel serial number, or text like 2014-03-05,
    2014/3/5, 2014.03.05, 20140305, 2014年3月5日. Raises ValueError with a Chinese message."""
    if isinstance(value, dt.datetime):
        return value.date()
    if isinstance(value, dt.date):
        return value
    if isinstance(value, (int, float)) and not isinstance(value, bool):
        if 1 <= value < 80000 and float(value).is_integer() and value < 19000101:
            return EXCEL_EPOCH + dt.timedelta(days=int(value))
        value = str(int(value))
    text = str(value).strip().split(" ")[0]
    for pat in _DATE_PATTERNS:
        m = pat.match(text)
        if m:
            try:
                return dt.date(int(m.group(1)), int(m.group(2)), int(m.group(3)))
            except ValueError:
                raise ValueError(f"出生日期“{text}”不存在") from None
    raise ValueError(f"出生日期“{text}”无法识别，请写成 2014-03-05 的形式")


class _Entry(Protocol):
    @property
    def row_no(self) -> int: ...

    @property
    def id_number(self) -> str: ...


E = TypeVar("E", bound=_Entry)


class CheckedRows(NamedTuple, Generic[E]):
    entries: list[E]        # the good rows, the first of each ID number
    errors: list[RowError]  # every bad row and every later row repeating an ID number, by row
    rows: int               # rows with any data (empty rows are not counted)


def check_rows(rows: Iterable[tuple[int, list]], parse: Callable[[int, list], E | RowError | None]) -> CheckedRows[E]:
    """Every data row, given as (row number, cells), through `parse`, which returns an entry, a
    RowError, or None for an empty row."""
    entries: list[E] = []
    errors: list[RowError] = []
    count = 0
    for row_no, values in rows:
        parsed = parse(row_no, values)
        if parsed is None:
            continue
        count += 1
        if isinstance(parsed, RowError):
            errors.append(parsed)
        else:
            entries.append(parsed)
    entries, dups = check_duplicates(entries)
    return CheckedRows(entries, sorted(errors + dups, key=lambda e: e.row_no), count)


def check_duplicates(entries: list[E]) -> tuple[list[E], list[RowError]]:
    """Keep the first row of each ID number; later rows with the same number are errors."""
    seen: dict[str, int] = {}
    kept, errors = [], []
    for e in entries:
        if e.id_number and e.id_number in seen:
            errors.append(RowError(e.row_no, f"身份证号{e.id_number}与第{seen[e.id_number]}行重复"))
            continue
        if e.id_number:
            seen[e.id_number] = e.row_no
        kept.append(e)
    return kept, errors
