"""走访记录表: the visit form, prefilled for a planned visit or filled from a recorded one, and
批量打印 (every visit due this week / month in one PDF, in route order).

A visit form is one fixed A4 page (boxes to write in, like the paper forms directors know); its
static part is drawn once per PDF and reused, so a batch of 200 forms prints in well under two
seconds. Texts are fitted into their boxes (wrapped, shrunk); what does not fit even at the
smallest size is continued in the form's 附注 on a following page, never lost.

The checklist comes from `app.domain.visit_checklist`, the same list the visit screen uses, so
paper and screen ask the same questions. Each form carries a QR code with the child's id and the
planned visit's id (or the recorded visit's id), so a later scan opens the right record. Each
form of a batch is numbered on its own ("第 1 页 共 1 页").
"""

from __future__ import annotations

import hashlib

from reportlab.lib import colors

from app.print import layout
from app.print.boxes import Box, FixedPage, Put, Skeleton, Tick, fit, text_width, wrap
from app.print.fonts import ensure_font
from app.print.sources import PrintContext, VisitSheet
from app.print.toolkit import DocMeta, Form, QrFlowable, colour_label, fmt_date

TITLE = "走访记录表"
SIGNERS = ["儿童主任（签字）", "监护人 / 照护人（签字）"]
LABEL_W = 72
ROW_H = 15
SECTION_H = 17


def join(*parts, sep: str = " ") -> str:
    return sep.join(str(p) for p in parts if p not in (None, ""))


def meta(ctx: PrintContext, title: str = TITLE) -> DocMeta:
    return DocMeta(title=title, village=ctx.place_line, printed_by=ctx.printed_by, printed_at=ctx.printed_at,
                   confidential=True, subject="一月一访")


# -- the page skeleton ------------------------------------------------------------------------

class _Builder:
    """Lays out the static page top-down, recording drawing steps and the named value boxes."""

    def __init__(self, width: float, height: float):
        self.w, self.y = width, height
        self.fills: list = []
        self.rects: list = []
        self.lines: list = []
        self.texts: list = []   # (x, y, text, size, centred)
        self.boxes: dict[str, Box] = {}
        self.ticks: dict[str, Box] = {}
        # writing lines of a box, drawn per form and only while the box is empty: a ruling line
        # never runs through typed text (issue 13)
        self.rulings: dict[str, list] = {}

    def section(self, title: str) -> None:
        self.texts.append((0, self.y - 13, title, layout.SIZE_SECTION, False))
        self.y -= SECTION_H

    def label(self, x: float, y: float, w: float, h: float, text: str, size: float = layout.SIZE_CELL) -> None:
        self.fills.append((x, y, w, h))
        self.rects.append((x, y, w, h))
        lines = wrap(text, w - 4, size)
        lead = size * layout.LEADING
        top = y + (h + len(lines) * lead) / 2 - size * 0.95 - (lead - size) / 2
        for i, line in enumerate(lines):
            self.texts.append((x + w / 2, top - i * lead, line, size, True))

    def value(self, x: float, y: float, w: float, h: float, key: str) -> None:
        self.rects.append((x, y, w, h))
        self.boxes[key] = Box(x, y, w, h)

    def row(self, cells: list[tuple[str, str, float]], h: float = ROW_H) -> None:
        """cells: (kind, text-or-key, width); kind 'label' / 'value'; width 0 takes the rest."""
        y = self.y - h
        fixed = sum(c[2] for c in cells)
        rest = self.w - fixed
        x = 0.0
        for kind, text, w in cells:
            w = w or rest
            if kind == "label":
                self.label(x, y, w, h, text)
            else:
                self.value(x, y, w, h, text)
            x += w
        self.y = y

    def options(self, prefix: str, options: list[str], x: float, y: float, h: float, size: float = layout.SIZE_CELL) -> float:
        """Tick boxes with their option names, left to right from x; returns the end x."""
        side = layout.CHECKBOX
        for option in options:
            by = y + (h - side) / 2
            self.rects.append((x, by, side, side))
            self.ticks[f"{prefix}:{option}"] = Box(x, by, side, side)
            self.texts.append((x + side + 2, by + 1, option, size, False))
            x += side + 2 + text_width(option, size) + 10
        return x

    def painter(self):
        fills, rects, lines, texts = self.fills, self.rects, self.lines, self.texts

        def paint(canv):
            font = ensure_font()
            canv.setFillColor(layout.LABEL_FILL)
            for x, y, w, h in fills:
                canv.rect(x, y, w, h, stroke=0, fill=1)
            canv.setFillColor(colors.black)
            canv.setLineWidth(layout.GRID_WIDTH)
            for x, y, w, h in rects:
                canv.rect(x, y, w, h, stroke=1, fill=0)
            canv.setLineWidth(0.3)
            canv.setStrokeColor(colors.Color(0.55, 0.55, 0.55))
            for x1, y1, x2, y2 in lines:
                canv.line(x1, y1, x2, y2)
            canv.setStrokeColor(colors.black)
            for x, y, text, size, centred in texts:
                canv.setFont(font, size)
                if centred:
                    canv.drawCentredString(x, y, text)
                else:
                    canv.drawString(x, y, text)
        return paint


_skeletons: dict[tuple, Skeleton] = {}


def skeleton(width: float, height: float, sheet: VisitSheet) -> Skeleton:
    """The static visit-form page for this checklist (cached: built once per process)."""
    cache_key = (round(width, 2), round(height, 2), tuple((c["key"], c["label"], c["hint"]) for c in sheet.checklist),
                 tuple(sheet.answers), tuple(sheet.visit_kinds))
    found = _skeletons.get(cache_key)
    if found:
        return found
    b = _Builder(width, height)
    half = (width - 2 * LABEL_W) / 2
    # title block: the title and the QR code are drawn per form
    b.boxes["subtitle"] = Box(0, b.y - 52, width - layout.QR_SIZE - 8, 16)
    b.texts.append(((width - layout.QR_SIZE - 8) / 2, b.y - 28, TITLE, layout.SIZE_TITLE, True))
    b.boxes["qr"] = Box(width - layout.QR_SIZE, b.y - layout.QR_SIZE - 2, layout.QR_SIZE, layout.QR_SIZE)
    b.y -= 58

    b.section("一、儿童基本情况")
    b.row([("label", "姓名", LABEL_W), ("value", "name", half), ("label", "性别 / 年龄", LABEL_W), ("value", "sex_age", 0)])
    b.row([("label", "身份证号", LABEL_W), ("value", "id_number", half), ("label", "风险等级", LABEL_W), ("value", "colour", 0)])
    for label, key, h in (("儿童类别", "categories", ROW_H), ("住址", "address", ROW_H), ("照护人", "carer", ROW_H),
                          ("父母 / 监护人", "parents", 28), ("上次走访", "last_visit", ROW_H),
                          ("本次应访", "due", ROW_H), ("待跟进事项", "open_follow_ups", ROW_H)):
        b.row([("label", label, LABEL_W), ("value", key, 0)], h)

    b.section("二、走访情况")
    b.row([("label", "走访日期", LABEL_W), ("value", "visit_date", half), ("label", "走访人", LABEL_W), ("value", "visitor", 0)])
    b.row([("label", "走访方式", LABEL_W), ("value", "kind", 0)])
    kind = b.boxes["kind"]
    b.options("kind", sheet.visit_kinds, kind.x + 6, kind.y, kind.h)
    b.row([("label", "在场人员", LABEL_W), ("value", "present", 0)])
    b.row([("label", "现居住地及共同生活人", LABEL_W), ("value", "lives", 0)], 22)

    b.section("三、检查项目（请在□内打√）")
    no_w, item_w, opt_w = 24, 168, 150
    b.row([("label", "序号", no_w), ("label", "检查项目", item_w), ("label", "情况", opt_w), ("label", "情况说明", 0)], 14)
    for i, item in enumerate(sheet.checklist, 1):
        h = 19
        y = b.y - h
        b.rects.append((0, y, no_w, h))
        b.texts.append((no_w / 2, y + 6, str(i), layout.SIZE_CELL, True))
        b.rects.append((no_w, y, item_w, h))
        b.texts.append((no_w + 3, y + 9.5, item["label"], 8.5, False))
        hint = fit(item["hint"], item_w - 6, 7, size=6.5, min_size=4.5, marker="…")
        b.texts.append((no_w + 3, y + 2.5, hint.lines[0], hint.size, False))
        b.rects.append((no_w + item_w, y, opt_w, h))
        b.options(f"check:{item['key']}", sheet.answers, no_w + item_w + 5, y, h)
        b.value(no_w + item_w + opt_w, y, width - no_w - item_w - opt_w, h, f"note:{item['key']}")
        b.y = y

    b.section("四、走访发现与跟进")
    for label, key in (("发现的问题", "findings"), ("需求", "needs"), ("已提供或联系的帮助", "help_given"),
                       ("跟进事项及期限", "follow_ups")):
        h = 34
        b.row([("label", label, LABEL_W), ("value", key, 0)], h)
        for line_y in (b.y + h / 3, b.y + 2 * h / 3):
            b.rulings.setdefault(key, []).append((LABEL_W + 4, line_y, width - 4, line_y))
    b.row([("label", "需重新评估", LABEL_W), ("value", "reassess", 0)])
    ra = b.boxes["reassess"]
    b.options("reassess", ["是", "否"], ra.x + 6, ra.y, ra.h)

    b.y -= 8
    sig_w = width / 2
    for i, signer in enumerate(SIGNERS):
        x = i * sig_w
        b.texts.append((x, b.y - 14, signer + "：", layout.SIZE_BODY, False))
        lw = len(signer + "：") * layout.SIZE_BODY * 0.98
        b.lines.append((x + lw, b.y - 16, x + sig_w - 10, b.y - 16))
        b.boxes[f"sign:{i}"] = Box(x + lw, b.y - 17, sig_w - 10 - lw, 14)
        b.texts.append((x, b.y - 34, "日期：　　　　年　　月　　日", layout.SIZE_BODY, False))
    b.y -= 40

    used = height - b.y
    digest = hashlib.sha1(repr(cache_key).encode()).hexdigest()[:10]
    sk = Skeleton(f"visitform{digest}", width, used, b.painter(), b.boxes, b.ticks)
    sk.rulings = b.rulings
    _skeletons[cache_key] = sk
    return sk


# -- the variable part ------------------------------------------------------------------------

def _carer_text(sheet: VisitSheet) -> str:
    a = sheet.carer
    if not a:
        return "（未登记委托照护人）"
    age = f"{a.get('carer_age')}岁" if a.get("carer_age") else ""
    agreement = "协议已签" if a.get("agreement_signed") else "协议未签"
    return join(a.get("carer_name"), a.get("relation"), age, a.get("phone"), f"照护能力：{a.get('ability') or '—'}",
                agreement)


def _parents_text(sheet: VisitSheet) -> str:
    lines = []
    for g in sheet.guardians:
        state = join(g.get("work_place"), "外出务工") if g.get("works_away") else ""
        circ = g.get("circumstance") or ""
        if circ in ("无", "外出务工"):
            circ = ""
        contact = f"联系：{g.get('contact_frequency')}" if g.get("contact_frequency") else ""
        lines.append(join((g.get("relation") or "") + "：", g.get("name"), g.get("phone"), state, circ, contact))
    return "\n".join(lines) or "（未登记）"


def _last_visit_text(sheet: VisitSheet) -> str:
    v = sheet.last_visit
    if not v:
        return "从未走访"
    return join(fmt_date(v.get("visit_date")), v.get("kind"), v.get("visitor"),
                f"发现：{v['findings']}" if v.get("findings") else "")


def _due_text(sheet: VisitSheet, ctx: PrintContext) -> tuple[str, object]:
    interval = f"（每{sheet.interval_days}天至少一次）"
    if sheet.visit:
        return join(fmt_date(sheet.visit.get("visit_date")), "已走访"), None
    if not sheet.due:
        return "尽快（从未走访）" + interval, None
    late = (ctx.today - sheet.due).days
    if late > 0:
        return f"{fmt_date(sheet.due)}　{layout.OVERDUE_MARK}{late}天{interval}", layout.LABEL_FILL
    return fmt_date(sheet.due) + interval, None


def _follow_ups_text(items: list[dict], with_state: bool = False) -> str:
    out = []
    for f in items or []:
        state = "（已完成）" if with_state and f.get("done") else ""
        out.append(join(f.get("action"), f"期限：{f['due']}" if f.get("due") else "",
                        f"负责人：{f['owner']}" if f.get("owner") else "") + state)
    return "；".join(out)


def _subtitle(sheet: VisitSheet) -> str:
    if sheet.visit:
        return "（走访记录" + ("，已更正" if sheet.amended else "") + "）"
    return "（计划走访，请带到现场填写）"


def _fill_visit(put, tick, v: dict, sheet: VisitSheet) -> None:
    """Write a recorded visit into the boxes a planned visit's form leaves blank for the pen."""
    put("visit_date", fmt_date(v.get("visit_date")))
    put("visitor", v.get("visitor"), "走访人")
    tick(f"kind:{v.get('kind')}")
    put("present", v.get("present"), "在场人员")
    put("lives", join(v.get("lives_where"), v.get("lives_with"), sep="；"), "现居住地及共同生活人")
    answers = v.get("checklist") or {}
    for item in sheet.checklist:
        got = answers.get(item["key"]) or {}
        if got.get("answer"):
            tick(f"check:{item['key']}:{got['answer']}")
        put(f"note:{item['key']}", got.get("note"), f"{item['label']}（情况说明）")
    put("findings", v.get("findings"), "发现的问题")
    put("needs", v.get("needs"), "需求")
    put("help_given", v.get("help_given"), "已提供或联系的帮助")
    put("follow_ups", _follow_ups_text(v.get("follow_ups"), with_state=True), "跟进事项及期限")
    tick("reassess:是" if v.get("reassess") else "reassess:否")


def add_visit_form(form: Form, sheet: VisitSheet, ctx: PrintContext) -> None:
    c = sheet.child
    v = sheet.visit
    form.start_document(f"visit-{c['id']}-{v['id'] if v else sheet.plan_id}")
    height = form.frame_height
    sk = skeleton(form.width, height, sheet)
    puts: list[Put] = []
    ticks: list[Tick] = []
    written: set[str] = set()

    def put(key: str, text, label: str = "", fill=None, center: bool = False, size: float = layout.SIZE_CELL):
        box = sk.boxes[key]
        text = "" if text is None else str(text)
        if text.strip():
            written.add(key)
        if not text:
            if fill is not None:
                puts.append(Put(box, fit("", 1, 1), fill))
            return
        number = len(form.pending_notes) + 1
        fitted = fit(text, box.w - 2 * box.pad, box.h - 2, size=size, marker=f"……（续见附注{number}）")
        if fitted.cut:
            form.add_note(label or key, text)
        puts.append(Put(box, fitted, fill, center))

    def tick(key: str):
        if key in sk.ticks:
            ticks.append(Tick(sk.ticks[key]))

    put("subtitle", _subtitle(sheet), center=True, size=layout.SIZE_SUBTITLE)
    age = f"{sheet.age}岁" if sheet.age is not None else ""
    put("name", c.get("name"), "姓名")
    put("sex_age", join(c.get("sex"), age))
    put("id_number", c.get("id_number"), "身份证号")
    shade = colour_label(c.get("colour"))
    put("colour", shade.text, fill=shade.fill)
    put("categories", "、".join(sheet.categories) or "（未登记）", "儿童类别")
    put("address", join(c.get("group_name"), c.get("address")), "住址")
    put("carer", _carer_text(sheet), "照护人")
    put("parents", _parents_text(sheet), "父母 / 监护人")
    put("last_visit", _last_visit_text(sheet), "上次走访")
    due, fill = _due_text(sheet, ctx)
    put("due", due, "本次应访", fill=fill)
    put("open_follow_ups", _follow_ups_text(sheet.open_follow_ups) if not v else "", "待跟进事项")
    if v:
        _fill_visit(put, tick, v, sheet)
    else:
        put("visit_date", "　　　　年　　月　　日")

    qr_box = sk.boxes["qr"]
    qr = QrFlowable(sheet.qr_data, qr_box.w)

    def draw_qr(canv, qr=qr, box=qr_box):
        qr.canv = canv
        canv.saveState()
        canv.translate(box.x, box.y)
        qr.draw()
        canv.restoreState()
        canv.setFont(ensure_font(), 6)
        canv.drawCentredString(box.x + box.w / 2, box.y - 6, "扫码打开此记录")

    rulings = [line for key, lines in getattr(sk, "rulings", {}).items() if key not in written for line in lines]

    def draw_rulings(canv, rulings=rulings):
        canv.saveState()
        canv.setLineWidth(0.3)
        canv.setStrokeColor(colors.Color(0.55, 0.55, 0.55))
        for x1, y1, x2, y2 in rulings:
            canv.line(x1, y1, x2, y2)
        canv.restoreState()

    form.story.append(FixedPage(sk, puts, ticks, [draw_qr, draw_rulings]))


def render(sheets: list[VisitSheet], ctx: PrintContext, out=None, title: str = TITLE) -> bytes:
    """One PDF with a form per sheet (a batch when several), each numbered on its own."""
    form = Form(meta(ctx, title))
    for sheet in sheets:
        add_visit_form(form, sheet, ctx)
    if not sheets:
        form.start_document("empty")
        form.title(title)
        form.para("没有需要走访的儿童。")
    return form.build(out)
