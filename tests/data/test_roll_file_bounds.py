"""Issue 13: a school-roll spreadsheet with 16,384 columns or a million rows is read within bounds
or refused at once, never parsed cell by cell in the UI thread."""

import io
import time

import pytest
from openpyxl import Workbook

from app.data import schoolroll_import as si


def xlsx(build) -> bytes:
    wb = Workbook()
    ws = wb.active
    ws.append(["姓名", "身份证号", "学校", "年级"])
    build(ws)
    buf = io.BytesIO()
    wb.save(buf)
    return buf.getvalue()


def test_sixteen_thousand_columns_are_cut_to_the_bound():
    def wide(ws):
        for i in range(300):
            ws.append([f"学生{i}", "320115201501010035", "东山小学", "三年级"])
        ws.cell(row=1, column=16384, value="x")
    rows = si.read_table("wide.xlsx", xlsx(wide))
    assert len(rows) == 301 and max(len(r) for _, r in rows) <= si.MAX_COLUMNS
    preview = si.preview("wide.xlsx", data=xlsx(wide))
    assert len(preview.headers) <= si.MAX_COLUMNS and preview.row_count == 300


def test_a_million_rows_are_refused_before_reading():
    data = xlsx(lambda ws: ws.cell(row=1_000_000, column=1, value="x"))
    start = time.perf_counter()
    with pytest.raises(si.RollFileError, match="请按乡镇分开导入"):
        si.read_table("big.xlsx", data)
    assert time.perf_counter() - start < 5


def test_a_million_csv_rows_are_refused():
    data = ("姓名,身份证号\n" + "张三,320115201501010035\n" * (si.MAX_ROWS + 10)).encode()
    with pytest.raises(si.RollFileError, match="请按乡镇分开导入"):
        si.read_table("big.csv", data)
    wide = ("," * 20000 + "\n" + "张三," * 20000 + "\n").encode()
    assert max(len(r) for _, r in si.read_table("wide.csv", wide)) <= si.MAX_COLUMNS
