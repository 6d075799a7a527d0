"""A long table's pages drawn with their plain-text cells in one text object each (`_PageTable`,
issue 17) look exactly like ReportLab's own table drawing: every page rendered to pixels is the same,
with tinted cells, centred and right-aligned columns, wrapped cells, several lines in a cell, a
totals row, and the text of a cell repeated across pages."""

from __future__ import annotations

import datetime as dt
import shutil
import subprocess

import pytest
from reportlab.platypus import Table

from app.print import toolkit
from app.print.toolkit import DocMeta, Form, Shaded, colour_label

pytestmark = pytest.mark.skipif(not shutil.which("pdftoppm"), reason="pdftoppm (poppler-utils) not installed")


def _render(path) -> None:
    form = Form(DocMeta(title="月度走访台账", village="江宁区 秣陵街道 东山村", printed_by="林主任",
                        printed_at=dt.datetime(2026, 11, 18, 10, 0), landscape=True))
    form.start_document("t")
    form.title("东山村 2026年11月 儿童走访台账")
    rows = []
    for i in range(1, 131):
        long_address = "东山村三组" + "幸福路一百二十三号院内东侧第三排" * (2 if i % 17 == 0 else 0) + f"{i}号"
        rows.append([i, f"王小{'明红刚'[i % 3]}", "男女"[i % 2], i % 18, long_address,
                     "农村留守儿童、低保家庭儿童" if i % 5 == 0 else "农村留守儿童",
                     colour_label("红黄蓝绿"[i % 4], with_meaning=False), "30天/次", 1, i % 2,
                     "11.3\n11.17" if i % 11 == 0 else "11.3", "2026-11-03", "2026-12-03",
                     Shaded(f"※逾期{i}天", "#eeeeee") if i % 7 == 0 else "已完成"])
    form.table(["序号", "姓名", "性别", "年龄", "组 / 住址", "儿童类别", "风险等级", "频次", "应访", "已访",
                "本月走访日期", "末次走访", "下次应访", "状态"], rows,
               [0.035, 0.065, 0.035, 0.035, 0.155, 0.13, 0.06, 0.055, 0.035, 0.035, 0.095, 0.075, 0.075, 0.115],
               center=(0, 2, 3, 6, 7, 8, 9, 11, 12), totals=["", "合计", "", "", "130 人"] + [""] * 9,
               extra=[("ALIGN", (12, 1), (12, -1), "RIGHT"), ("VALIGN", (1, 1), (1, -1), "TOP")])
    form.build(path)


def _pages(pdf, prefix) -> list[bytes]:
    subprocess.run(["pdftoppm", "-r", "60", "-gray", pdf, str(prefix)], check=True)
    return [p.read_bytes() for p in sorted(prefix.parent.glob(prefix.name + "-*.pgm"))]


def test_pages_look_the_same_as_reportlabs_table(tmp_path, monkeypatch):
    _render(tmp_path / "fast.pdf")
    monkeypatch.setattr(toolkit, "_PageTable", Table)
    _render(tmp_path / "plain.pdf")
    fast, plain = _pages(tmp_path / "fast.pdf", tmp_path / "f"), _pages(tmp_path / "plain.pdf", tmp_path / "p")
    assert len(fast) == len(plain) >= 4
    assert fast == plain
    assert (tmp_path / "fast.pdf").stat().st_size <= (tmp_path / "plain.pdf").stat().st_size  # one text object a page
