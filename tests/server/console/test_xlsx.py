"""The console's small xlsx writer: openpyxl reads back every kind of cell in its column (empty
cells keep their place), header frozen, sheet titles made legal and unique, XML-hostile text kept."""

from __future__ import annotations

import datetime as dt
import io

import openpyxl

from app.server.console.xlsx import Workbook


def test_cells_read_back_in_place():
    wb = Workbook()
    sheet = wb.add_sheet("名单", ["甲", "乙", "丙", "丁"], [8, 8, 8, 8])
    sheet.append(["x", None, "", 5])
    sheet.append([None, " 前后空格 ", dt.date(2026, 1, 2), dt.datetime(2026, 1, 2, 3, 4)])
    sheet.append(["=1+1", "<&>\"'", True, 1.5])
    sheet.append(["-2", "+3", "@A1", "a\x00b\x1fc"])
    wb.add_sheet("名单", ["甲"])  # same title: made unique
    wb.add_sheet("a/b:c*d?[e]", ["甲"])
    book = openpyxl.load_workbook(io.BytesIO(wb.close()))
    assert book.sheetnames == ["名单", "名单(2)", "a_b_c_d__e_"]
    ws = book["名单"]
    assert ws.freeze_panes == "A2"
    rows = list(ws.iter_rows(values_only=True))
    assert rows[0] == ("甲", "乙", "丙", "丁")
    assert rows[1] == ("x", None, None, 5)
    assert rows[2] == (None, " 前后空格 ", dt.datetime(2026, 1, 2), dt.datetime(2026, 1, 2, 3, 4))
    assert rows[3] == ("=1+1", "<&>\"'", True, 1.5)
    assert rows[4] == ("-2", "+3", "@A1", "abc")
    assert all(c.data_type == "s" for c in ws[5])
    assert ws["A4"].data_type == "s"
