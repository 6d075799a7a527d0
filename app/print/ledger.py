"""月度走访台账: the monthly visit ledger for the township, on landscape A4.

Every active child of the village, in route order (组, address): colour, the visit interval the
colour asks for, visits required and done this month with their dates, last visit, next due,
overdue marked "※逾期N天" (and shaded), and totals — children per colour, visits done and
required, children not yet visited this month, overdue children.
"""

from __future__ import annotations

from app.print import layout
from app.print.sources import Ledger, PrintContext
from app.print.toolkit import DocMeta, Form, Shaded, colour_label, fmt_date

TITLE = "月度走访台账"


def meta(ctx: PrintContext) -> DocMeta:
    return DocMeta(title=TITLE, village=ctx.place_line, printed_by=ctx.printed_by, printed_at=ctx.printed_at,
                   confidential=True, landscape=True, subject="一月一访")


def totals_text(data: Ledger) -> str:
    counts = data.colour_counts
    colours = "　".join(f"{c}色 {counts.get(c, 0)} 人" for c in layout.COLOUR_ORDER)
    unassessed = counts.get("", 0)
    if unassessed:
        colours += f"　{layout.NO_COLOUR} {unassessed} 人"
    return (f"合计：在册儿童 {data.children} 人（{colours}）；本月应访 {data.visits_required} 次，"
            f"已访 {data.visits_done} 次；本月已走访儿童 {data.children_visited} 人，"
            f"未走访 {data.children - data.children_visited} 人；逾期未访 {data.overdue} 人。")


def add_ledger(form: Form, data: Ledger, ctx: PrintContext) -> None:
    form.start_document(f"ledger-{data.month}")
    year, month = data.first.year, data.first.month
    overdue_note = f"　逾期按 {fmt_date(ctx.today)} 计" if data.first <= ctx.today <= data.last else ""
    form.title(f"{ctx.village} {year}年{month}月 儿童走访台账",
               f"统计期间：{fmt_date(data.first)} 至 {fmt_date(data.last)}{overdue_note}")
    # Widths chosen so a usual row stays on one line (about 24 children a page, not 17) and an
    # address keeps "12号" together (issue 13); headers are short enough not to wrap.
    header = ["序号", "姓名", "性别", "年龄", "组 / 住址", "儿童类别", "风险等级", "频次", "应访", "已访",
              "本月走访日期", "末次走访", "下次应访", "状态"]
    widths = [0.035, 0.065, 0.035, 0.035, 0.155, 0.13, 0.06, 0.055, 0.035, 0.035, 0.095, 0.075, 0.075, 0.115]
    rows = []
    for i, line in enumerate(data.lines, 1):
        if line.overdue_days:
            state = Shaded(f"{layout.OVERDUE_MARK}{line.overdue_days}天", layout.LABEL_FILL)
        elif line.missing:
            state = f"未完成（差{line.missing}次）"
        else:
            state = "已完成"
        rows.append([
            i, line.name, line.sex, line.age if line.age is not None else "",
            _address(line.group_name, line.address), "、".join(line.categories),
            colour_label(line.colour, with_meaning=False), f"{line.interval_days}天/次", line.required, line.done,
            "、".join(f"{d.month}.{d.day}" for d in line.visit_dates), fmt_date(line.last_visit) or "从未走访",
            fmt_date(line.next_due), state,
        ])
    totals = ["", "合计", "", "", f"{data.children} 人", "", "", "", data.visits_required, data.visits_done,
              f"已访 {data.children_visited} 人", "", "", f"逾期 {data.overdue} 人"]
    form.table(header, rows, widths, center=(0, 2, 3, 6, 7, 8, 9, 11, 12), totals=totals, empty="（本村暂无在册儿童）",
               extra=[("TOPPADDING", (0, 1), (-1, -1), 1.5), ("BOTTOMPADDING", (0, 1), (-1, -1), 1.5)])
    form.spacer(6)
    form.para(totals_text(data), "body")
    form.para("说明：风险等级按四色管理（红 高风险、黄 中风险、蓝 低风险、绿 健康成长），走访频次由县级政策确定，"
              "每名儿童每月至少走访一次（一月一访）。", "small")
    form.signatures(["填报人（儿童主任）", "审核人（村委会）"])


def _address(group: str, address: str) -> str:
    """组 and address, the 组 left out when the address already names it ("三组 东山村三组12号" → "东山村三组12号")."""
    group, address = (group or "").strip(), (address or "").strip()
    if group and group in address:
        return address
    return " ".join(p for p in (group, address) if p)


def render(data: Ledger, ctx: PrintContext, out=None) -> bytes:
    form = Form(meta(ctx))
    add_ledger(form, data, ctx)
    return form.build(out)
