"""一年两排 screening round summary: the round, its window and progress, and one line per child
(screened on, by whom, still in scope, category right, re-assessed, or why not screened).
"""

from __future__ import annotations

from app.print.sources import PrintContext, ScreeningSheet
from app.print.toolkit import DocMeta, Form, colour_label, fmt_date

TITLE = "一年两排排查汇总表"


def meta(ctx: PrintContext) -> DocMeta:
    return DocMeta(title=TITLE, village=ctx.place_line, printed_by=ctx.printed_by, printed_at=ctx.printed_at,
                   confidential=True, subject="一年两排")


def _yn(value) -> str:
    if value is None:
        return ""
    return "是" if value else "否"


def add_screening(form: Form, data: ScreeningSheet, ctx: PrintContext) -> None:
    r = data.round
    form.start_document(f"screening-{r['id']}")
    form.title(TITLE, f"{r.get('name')}　排查时间：{fmt_date(r.get('window_start'))} 至 {fmt_date(r.get('window_end'))}")
    closed = r.get("status") == "已结束"
    form.kv([
        ("排查状态", r.get("status") + (f"（{fmt_date(r.get('closed_on'))}结束）" if closed and r.get("closed_on") else "")),
        ("发起人", r.get("opened_by")),
        ("应排查", f"{data.total} 人"), ("已排查", f"{data.screened} 人"),
        ("未排查（已说明原因）", f"{data.skipped} 人"), ("未排查（未说明原因）", f"{data.unexplained} 人"),
        ("结束说明", r.get("close_note") or "", "row"),
    ], label_width=110)
    form.spacer(6)
    rows = []
    for i, line in enumerate(data.lines, 1):
        state = "已排查" if line["screened_on"] else ("未排查：" + line["skip_reason"] if line["skip_reason"] else "未排查")
        rows.append([i, line["name"] + ("（新发现）" if line["newly_found"] else ""), line["group_name"],
                     colour_label(line["colour"], with_meaning=False), state, fmt_date(line["screened_on"]),
                     line["screener"], _yn(line["in_scope"]), _yn(line["category_ok"]),
                     "是" if line["reassessed"] else ("否" if line["screened_on"] else ""), line["notes"]])
    form.table(["序号", "姓名", "组", "风险等级", "排查情况", "排查日期", "排查人", "仍属关爱对象", "类别无误", "已重新评估",
                "备注"], rows, [0.05, 0.12, 0.06, 0.07, 0.17, 0.11, 0.08, 0.07, 0.07, 0.07, 0.13],
               center=(0, 2, 3, 5, 7, 8, 9), empty="（本轮没有儿童）")
    form.signatures(["排查人（儿童主任）", "审核人（村委会）"])
    form.seals(["村（居）民委员会（盖章）", "乡镇（街道）民政办（盖章）"])


def render(data: ScreeningSheet, ctx: PrintContext, out=None) -> bytes:
    form = Form(meta(ctx))
    add_screening(form, data, ctx)
    return form.build(out)
