"""The shared layout toolkit every printed document is built with.

`Form` collects a ReportLab story for one PDF (one or several documents, e.g. 200 visit forms):
title, numbered sections, label/value grids, tables that break across pages and repeat their
header, checklists with tick boxes, lines to write on, signature and seal blocks, a QR code.
`Form.build()` lays it out on pages whose header names the village and the document (and marks
sensitive ones 内部资料 注意保密) and whose footer says "第 x 页 共 y 页", who printed it and when.

Long text never overflows a box and is never cut silently: a cell wraps; a cell that would grow
taller than `layout.MAX_CELL_HEIGHT` shrinks its font down to `layout.SIZE_MIN`; what still does
not fit ends with "（续见附注N）" and is printed in full in a 附注 section after the document.
"""

from __future__ import annotations

import datetime as dt
import io
from collections import Counter
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from xml.sax.saxutils import escape

import segno
from reportlab import rl_config
from reportlab.lib import colors
from reportlab.lib.enums import TA_CENTER, TA_LEFT, TA_RIGHT
from reportlab.lib.styles import ParagraphStyle
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import (
    BaseDocTemplate,
    Flowable,
    Frame,
    KeepTogether,
    LongTable,
    PageBreak,
    PageTemplate,
    Paragraph,
    Spacer,
    Table,
    TableStyle,
)
from reportlab.platypus.tables import LINECOMMANDS

from app.print import layout
from app.print.fonts import ensure_font

__all__ = ["DocMeta", "Form", "Shaded", "colour_label", "checkbox_text", "fmt_date"]

TICKED, UNTICKED = "■", "□"
rl_config.useA85 = 0  # binary (compressed) streams: smaller files, less work than ASCII85


def _keep_numbers_with_their_unit() -> None:
    """ReportLab's CJK wrap never starts a line with one of its CANNOT_START characters; add 号/组…
    so "东山村三组12号" never leaves 号 alone on the next line (ReportLab reads the module global)."""
    from reportlab.lib import textsplit
    from reportlab.platypus import paragraph

    extra = "".join(ch for ch in layout.NO_LINE_START if ch not in paragraph.ALL_CANNOT_START)
    paragraph.ALL_CANNOT_START = textsplit.ALL_CANNOT_START = paragraph.ALL_CANNOT_START + extra


_keep_numbers_with_their_unit()
CHINESE_NUMERALS = "一二三四五六七八九十"


@dataclass
class DocMeta:
    """What the header and footer of every page say."""

    title: str
    village: str                 # the place line, e.g. "江宁区 秣陵街道 东山村"
    printed_by: str
    printed_at: dt.datetime
    confidential: bool = True
    landscape: bool = False
    subject: str = ""


@dataclass
class Shaded:
    """A cell value drawn on a light tint (e.g. the child's colour); the text itself names it."""

    text: str
    fill: object = None


def fmt_date(value) -> str:
    if value is None or value == "":
        return ""
    if isinstance(value, dt.datetime):
        return value.strftime("%Y-%m-%d %H:%M")
    if isinstance(value, dt.date):
        return value.strftime("%Y-%m-%d")
    return str(value)


def colour_label(colour: str | None, with_meaning: bool = True) -> Shaded:
    """The child's colour as text on its tint: "红（高风险）"; readable in black and white."""
    colour = (colour or "").strip()
    if colour not in layout.COLOUR_TINTS:
        return Shaded(layout.NO_COLOUR, None)
    text = f"{colour}（{layout.COLOUR_MEANING[colour]}）" if with_meaning else colour
    return Shaded(text, layout.COLOUR_TINTS[colour])


def checkbox_text(options: list[str], selected: str | list[str] | None = None) -> str:
    """"■正常　□异常": the chosen option's box filled, the others empty."""
    chosen = {selected} if isinstance(selected, str) else set(selected or [])
    return "　".join(f"{TICKED if o in chosen else UNTICKED}{o}" for o in options)


# -- styles ------------------------------------------------------------------------

@lru_cache(maxsize=None)
def style(name: str, size: float | None = None) -> ParagraphStyle:
    """A named paragraph style in the CJK font; `size` makes a shrunken copy."""
    font = ensure_font()
    base = {
        "title": dict(fontSize=layout.SIZE_TITLE, alignment=TA_CENTER, spaceAfter=2),
        "subtitle": dict(fontSize=layout.SIZE_SUBTITLE, alignment=TA_CENTER, spaceAfter=6),
        "section": dict(fontSize=layout.SIZE_SECTION, spaceBefore=7, spaceAfter=3),
        "body": dict(fontSize=layout.SIZE_BODY),
        "cell": dict(fontSize=layout.SIZE_CELL),
        "cell_center": dict(fontSize=layout.SIZE_CELL, alignment=TA_CENTER),
        "label": dict(fontSize=layout.SIZE_CELL, alignment=TA_CENTER),
        "small": dict(fontSize=layout.SIZE_SMALL),
        "small_right": dict(fontSize=layout.SIZE_SMALL, alignment=TA_RIGHT),
        "box": dict(fontSize=layout.SIZE_BODY, borderWidth=layout.GRID_WIDTH, borderColor=colors.black,
                    borderPadding=(4, 4, 4, 4), spaceBefore=4, spaceAfter=8, leftIndent=4, rightIndent=4),
        "note": dict(fontSize=layout.SIZE_CELL, leftIndent=12, firstLineIndent=-12, spaceAfter=3),
    }[name]
    if size is not None:
        base["fontSize"] = size
    base.setdefault("alignment", TA_LEFT)
    return ParagraphStyle(
        f"{name}-{size}", fontName=font, leading=base["fontSize"] * layout.LEADING,
        wordWrap="CJK", **base,
    )


def markup(text) -> str:
    """Plain text to paragraph markup: XML-escaped, line breaks kept."""
    return escape("" if text is None else str(text)).replace("\r\n", "\n").replace("\n", "<br/>")


def _tstyle(cmds) -> TableStyle:
    """A table style whose cells all use the CJK font (plain-string cells default to Helvetica)."""
    return TableStyle([("FONT", (0, 0), (-1, -1), ensure_font(), layout.SIZE_CELL)] + list(cmds))


# -- page furniture -----------------------------------------------------------------

class PageGroup(Flowable):
    """Starts a new numbering group: "第 x 页 共 y 页" counts the pages of one document in a batch."""

    def __init__(self, key: str):
        super().__init__()
        self.key = key

    def wrap(self, aw, ah):
        return 0, 0

    def draw(self):
        self.canv._th_group = self.key


def _canvas_class(meta: DocMeta):
    """A canvas that holds every page back until the end so footers can say how many there are."""

    class NumberedCanvas(Canvas):
        def __init__(self, *args, **kwargs):
            super().__init__(*args, **kwargs)
            self._th_group = None
            self._th_pages: list[tuple[object, dict]] = []

        def showPage(self):
            self._th_pages.append((self._th_group, dict(self.__dict__)))
            self._startPage()

        def save(self):
            totals = Counter(group for group, _ in self._th_pages)
            seen: Counter = Counter()
            for group, state in self._th_pages:
                self.__dict__.update(state)
                seen[group] += 1
                _draw_footer(self, meta, seen[group], totals[group])
                Canvas.showPage(self)
            Canvas.save(self)

    return NumberedCanvas


def _page_size(meta: DocMeta):
    return layout.LANDSCAPE if meta.landscape else layout.PORTRAIT


def _draw_header(canv: Canvas, meta: DocMeta) -> None:
    font = ensure_font()
    width, height = canv._pagesize
    left, right = layout.MARGIN_LEFT, width - layout.MARGIN_RIGHT
    y = height - layout.HEADER_Y
    canv.saveState()
    canv.setFont(font, layout.SIZE_HEADER)
    canv.drawString(left, y, meta.village)
    canv.drawCentredString(width / 2, y, meta.title)
    if meta.confidential:
        text = layout.CONFIDENTIAL_TEXT
        w = stringWidth(text, font, layout.CONFIDENTIAL_SIZE) + 8
        canv.setLineWidth(0.8)
        canv.rect(right - w, y - 3, w, layout.CONFIDENTIAL_SIZE + 5, stroke=1, fill=0)
        canv.setFont(font, layout.CONFIDENTIAL_SIZE)
        canv.drawRightString(right - 4, y, text)
    canv.setLineWidth(layout.RULE_WIDTH)
    canv.line(left, y - 6, right, y - 6)
    canv.restoreState()


def _draw_footer(canv: Canvas, meta: DocMeta, page: int, total: int) -> None:
    font = ensure_font()
    width, _ = canv._pagesize
    left, right = layout.MARGIN_LEFT, width - layout.MARGIN_RIGHT
    y = layout.FOOTER_Y
    canv.saveState()
    canv.setLineWidth(layout.RULE_WIDTH)
    canv.line(left, y + 10, right, y + 10)
    canv.setFont(font, layout.SIZE_FOOTER)
    canv.drawString(left, y, f"打印人：{meta.printed_by}　打印时间：{meta.printed_at:%Y-%m-%d %H:%M}")
    canv.drawCentredString(width / 2, y, f"第 {page} 页 共 {total} 页")
    canv.drawRightString(right, y, "童护 · 儿童关爱服务")
    canv.restoreState()


# -- the QR code ------------------------------------------------------------------------

@lru_cache(maxsize=4096)
def qr_matrix(data: str) -> tuple[bytes, ...]:
    """The modules of `data`'s QR code (error correction M, the smallest version, the mask with the
    lowest penalty as the standard prescribes), one row of 0/1 bytes per line, without border.

    Encoded by segno (pinned in pyproject.toml); cached, because printing the same forms again
    is common and choosing the mask costs a few milliseconds per code."""
    return tuple(bytes(row) for row in segno.make_qr(data, error="m", boost_error=False).matrix)


class QrFlowable(Flowable):
    """A QR code drawn straight onto the canvas as one path (fast enough for 200 forms)."""

    def __init__(self, data: str, size: float = layout.QR_SIZE):
        super().__init__()
        self.data = data
        self.size = size

    def wrap(self, aw, ah):
        return self.size, self.size

    def draw(self):
        modules = qr_matrix(self.data)
        n = len(modules)
        box = self.size / (n + 2 * layout.QR_BORDER)
        path = self.canv.beginPath()
        for r, row in enumerate(modules):
            y = self.size - (r + 1 + layout.QR_BORDER) * box
            c = 0
            while c < n:
                if row[c]:
                    start = c
                    while c < n and row[c]:
                        c += 1
                    path.rect((start + layout.QR_BORDER) * box, y, (c - start) * box, box)
                else:
                    c += 1
        self.canv.drawPath(path, stroke=0, fill=1)


def _is_line_command(cmd) -> bool:
    return cmd[0] in LINECOMMANDS


@lru_cache(maxsize=8192)
def _text_width(text: str, font: str, size: float) -> float:
    """A text's width, each distinct cell text measured once (a ledger repeats most of its 28,000 cells)."""
    return stringWidth(text, font, size)


class _PageTable(Table):
    """One page of a `PagedTable`: ReportLab's table (backgrounds, grid, paragraph cells), except
    that its plain-text cells are written into one PDF text object per page, and each distinct text
    is formatted and measured once per document (issue 17: a 2,000-child ledger draws 28,000 cells,
    and ReportLab's own cell drawing made a text object, a width and a subset split for each).
    Each line lands where `Table._drawCell` puts it (same origin, alignment and vertical centring),
    in the same font and colour, over the backgrounds and under the grid, so the page looks the same
    (`tests/print/test_paged_table.py` compares the rendered pixels)."""

    _ALIGNED = frozenset({"LEFT", "CENTRE", "CENTER", "RIGHT"})
    _VALIGNED = frozenset({"TOP", "MIDDLE", "BOTTOM"})
    _NOT_CELL_STYLE = frozenset({"BACKGROUND", "ROWBACKGROUNDS", "COLBACKGROUNDS", "SPAN", "NOSPLIT"})
    _STYLES: dict[tuple, list] = {}  # (rows, columns, cell style commands) -> the cells' styles

    def setStyle(self, tblstyle):
        """The cells' styles (font, padding, alignment) of every page of a long table are alike: they are
        worked out once per page size and shared (read only); backgrounds and lines are set per page."""
        cmds = list(tblstyle.getCommands() if isinstance(tblstyle, TableStyle) else tblstyle)
        cell = [c for c in cmds if c[0] not in self._NOT_CELL_STYLE and not _is_line_command(c)]
        key = (self._nrows, self._ncols, repr(cell))
        shared = self._STYLES.get(key)
        if shared is None:
            super().setStyle(TableStyle(cmds))
            if len(self._STYLES) > 64:
                self._STYLES.clear()
            self._STYLES[key] = self._cellStyles
            return
        self._cellStyles = shared
        super().setStyle(TableStyle([c for c in cmds if c[0] in self._NOT_CELL_STYLE or _is_line_command(c)]))

    def draw(self):
        self._th_text = None
        self._th_style = None
        super().draw()

    def _drawCell(self, cellval, cellstyle, pos, size):
        if not isinstance(cellval, str) or cellstyle.href or cellstyle.destination or cellstyle.direction \
                or cellstyle.shaping or cellstyle.alignment not in self._ALIGNED or cellstyle.valign not in self._VALIGNED:
            return super()._drawCell(cellval, cellstyle, pos, size)
        if not cellval:
            return None
        text = self._th_text
        if text is None:
            text = self._th_text = self.canv.beginText()
        style = self._th_style
        if style is None or style.fontname != cellstyle.fontname or style.fontsize != cellstyle.fontsize \
                or style.leading != cellstyle.leading:
            text.setFont(cellstyle.fontname, cellstyle.fontsize, cellstyle.leading)
        if style is None or style.color != cellstyle.color:
            text.setFillColor(cellstyle.color)
        self._th_style = cellstyle
        colpos, rowpos = pos
        colwidth, rowheight = size
        lines = cellval.split("\n")
        leading, fontsize = cellstyle.leading, cellstyle.fontsize
        if cellstyle.valign == "BOTTOM":
            y = rowpos + cellstyle.bottomPadding + len(lines) * leading - fontsize
        elif cellstyle.valign == "TOP":
            y = rowpos + rowheight - cellstyle.topPadding - fontsize
        else:
            y = rowpos + (cellstyle.bottomPadding + rowheight - cellstyle.topPadding + len(lines) * leading) / 2.0 - fontsize
        cache = self._th_cache()
        for line in lines:
            x = self._th_x(line, cellstyle, colpos, colwidth, cache)
            text.setTextOrigin(x, y)
            key = (text._fontname, text._fontsize, text._leading, text._curSubset, line)
            found = cache.get(key)
            if found is None:
                code = text._formatText(line)
                cache[key] = found = (code, text._curSubset)
            text._code.append(found[0])
            text._curSubset = found[1]
            y -= leading
        return None

    def _th_cache(self) -> dict:
        """Formatted texts and widths of this document (a font subset is named per document)."""
        canv = self.canv
        cache = getattr(canv, "_th_text_cache", None)
        if cache is None or cache.get("doc") is not canv._doc:
            cache = canv._th_text_cache = {"doc": canv._doc}
        return cache

    @staticmethod
    def _th_x(line: str, cellstyle, colpos: float, colwidth: float, cache: dict) -> float:
        just = cellstyle.alignment
        if just == "LEFT":
            return colpos + cellstyle.leftPadding
        key = ("w", cellstyle.fontname, cellstyle.fontsize, line)
        width = cache.get(key)
        if width is None:
            width = cache[key] = stringWidth(line, cellstyle.fontname, cellstyle.fontsize)
        if just == "RIGHT":
            return colpos + colwidth - cellstyle.rightPadding - width
        return colpos + (colwidth + cellstyle.leftPadding - cellstyle.rightPadding) * 0.5 - 0.5 * width

    def _drawLines(self):
        if self._th_text is not None:  # the texts over the backgrounds, under the grid
            self.canv.drawText(self._th_text)
            self._th_text = None
        super()._drawLines()


class PagedTable(Flowable):
    """A long table (a ledger of 2,000 children) that breaks page by page in linear time.

    ReportLab re-measures the whole remainder of a table at every page break (quadratic for
    long tables); this measures every row once, then cuts one page-sized table at a time, each
    with the header row repeated on top. Cell tints are kept per row so they move with it."""

    THRESHOLD = 40  # rows; shorter tables use ReportLab's own LongTable

    def __init__(self, header: list, rows: list[list], widths: list[float], cmds: list,
                 fills: dict[int, list], totals: bool, heights: tuple[float, list[float]] | None = None,
                 offset: int = 0):
        super().__init__()
        self.header, self.rows, self.widths, self.cmds = header, rows, widths, cmds
        self.fills, self.totals, self.offset = fills, totals, offset
        self._heights = heights

    MEASURE_CHUNK = 50  # rows per measuring table: ReportLab's height pass is quadratic in a table's rows
    _HEIGHT_OPS = frozenset({"FONT", "FONTNAME", "FACE", "FONTSIZE", "SIZE", "LEADING", "TOPPADDING",
                             "BOTTOMPADDING"})

    def _measure(self) -> tuple[float, list[float]]:
        """The header's and every row's height, measured once and in linear time (issue 17): a row
        of single-line texts is as tall as any other such row (one is measured), the others are
        measured a page-sized table at a time. The widths are fixed, so a row is as tall there as
        in the page table that draws it. (One table of all 2,000 rows made the ledger quadratic.)"""
        if self._heights is None:
            uniform = all(self._same_for_every_row(cmd) for cmd in self.cmds)
            single = [uniform and all(isinstance(v, str) and "\n" not in v for v in row) for row in self.rows]
            sample = next((i for i, one in enumerate(single) if one), None)
            wanted = ([sample] if sample is not None else []) + [i for i, one in enumerate(single) if not one]
            style = Form._grid_style(self.cmds, header=True)
            heights = [0.0] * len(self.rows)
            head_h = 0.0
            for start in range(0, max(len(wanted), 1), self.MEASURE_CHUNK):
                chunk = wanted[start:start + self.MEASURE_CHUNK]
                t = Table([self.header] + [self.rows[i] for i in chunk], colWidths=self.widths, style=style)
                t.wrap(sum(self.widths), 1e9)
                head_h = t._rowHeights[0]
                for i, h in zip(chunk, t._rowHeights[1:], strict=True):
                    heights[i] = h
            if sample is not None:
                line = heights[sample]
                heights = [line if one else h for one, h in zip(single, heights, strict=True)]
            self._heights = (head_h, heights)
        return self._heights

    @classmethod
    def _same_for_every_row(cls, cmd) -> bool:
        """A style command that cannot make one body row taller than another: not about heights,
        or over every body row alike (rows 0 or 1 to -1), or over the header row alone."""
        if cmd[0] == "SPAN":
            return False
        if cmd[0] not in cls._HEIGHT_OPS:
            return True
        first, last = cmd[1][1], cmd[2][1]
        return (first in (0, 1) and last == -1) or (first == 0 and last == 0)

    def _table(self, start: int, end: int) -> Table:
        head_h, row_h = self._measure()
        cmds = list(self.cmds)
        for r in range(start, end):
            for c, fill in self.fills.get(self.offset + r + 1, ()):
                cmds.append(("BACKGROUND", (c, r - start + 1), (c, r - start + 1), fill))
        if self.totals and end == len(self.rows):
            cmds.append(("BACKGROUND", (0, -1), (-1, -1), layout.TOTAL_FILL))
        return _PageTable([self.header] + self.rows[start:end], colWidths=self.widths,
                          rowHeights=[head_h] + row_h[start:end], style=Form._grid_style(cmds, header=True))

    def wrap(self, aw, ah):
        head_h, row_h = self._measure()
        self.width, self.height = sum(self.widths), head_h + sum(row_h)
        return self.width, self.height

    def split(self, aw, ah):
        head_h, row_h = self._measure()
        used, k = head_h, 0
        while k < len(row_h) and used + row_h[k] <= ah:
            used += row_h[k]
            k += 1
        if k == 0:
            return []
        if k == len(row_h):
            return [self._table(0, k)]
        rest = PagedTable(self.header, self.rows[k:], self.widths, self.cmds, self.fills, self.totals,
                          (head_h, row_h[k:]), self.offset + k)
        return [self._table(0, k), rest]

    def draw(self):
        t = self._table(0, len(self.rows))
        t.wrapOn(self.canv, self.width, self.height)
        t.drawOn(self.canv, 0, 0)


# -- the form builder --------------------------------------------------------------------

class Form:
    """One PDF being put together: add parts in reading order, then `build()`."""

    def __init__(self, meta: DocMeta):
        ensure_font()
        self.meta = meta
        self.story: list = []
        self.width = _page_size(meta)[0] - layout.MARGIN_LEFT - layout.MARGIN_RIGHT
        self.frame_height = _page_size(meta)[1] - layout.MARGIN_TOP - layout.MARGIN_BOTTOM
        self._notes: list[tuple[str, str]] = []
        self._sections = 0
        self.documents = 0

    # -- documents in a batch ----------------------------------------------------------
    def start_document(self, key: str | None = None) -> None:
        """Begin a new document on a new page, with its own page numbering."""
        self.end_document()
        if self.story:
            self.story.append(PageBreak())
        self.documents += 1
        self.story.append(PageGroup(key or f"doc-{self.documents}"))
        self._sections = 0

    @property
    def pending_notes(self) -> list[tuple[str, str]]:
        return self._notes

    def add_note(self, label: str, text: str) -> None:
        """Text that did not fit its box: printed in full in this document's 附注."""
        self._notes.append((label, text))

    def end_document(self) -> None:
        """Print the 附注 of the current document (full text of cells that did not fit)."""
        if not self._notes:
            return
        self.story.append(Paragraph("附注（表格中未能写下的完整内容）", style("section")))
        for i, (label, text) in enumerate(self._notes, 1):
            self.story.append(Paragraph(f"{i}. {markup(label)}：{markup(text)}", style("note")))
        self._notes = []

    # -- text ------------------------------------------------------------------------------
    def title(self, text: str, subtitle: str | None = None) -> None:
        self.story.append(Paragraph(markup(text), style("title")))
        if subtitle:
            self.story.append(Paragraph(markup(subtitle), style("subtitle")))

    def section(self, text: str) -> None:
        """A numbered section heading: 一、基本情况."""
        numeral = CHINESE_NUMERALS[self._sections] if self._sections < len(CHINESE_NUMERALS) else str(self._sections + 1)
        self._sections += 1
        self.story.append(Paragraph(f"{numeral}、{markup(text)}", style("section")))

    def para(self, text: str, name: str = "body") -> None:
        self.story.append(Paragraph(markup(text), style(name)))

    def spacer(self, height: float = 6) -> None:
        self.story.append(Spacer(1, height))

    def box(self, text: str, empty_lines: int = 3) -> None:
        """A framed block of free text (notes, findings) that may run across pages."""
        if text and str(text).strip():
            self.story.append(Paragraph(markup(text), style("box")))
        else:
            self.write_lines(empty_lines)

    def cell(self, text, width: float, name: str = "cell", label: str = ""):
        """Cell content that fits `width`: a plain string when it fits one line, else a wrapped
        paragraph, shrunk if very tall, and continued in 附注 if even the smallest size is too tall."""
        if isinstance(text, Flowable):
            return text
        text = "" if text is None else str(text)
        st = style(name)
        inner = width - 2 * layout.CELL_PAD
        width = _text_width(text, st.fontName, st.fontSize)
        if "\n" not in text and name in ("cell", "label", "cell_center") and width <= inner:
            return text
        lines = width / max(inner, 1) + text.count("\n") + 1
        if lines * st.leading * 1.3 + 4 < layout.MAX_CELL_HEIGHT:
            return Paragraph(markup(text), st)
        return self._fit_tall(text, inner, name, label)

    def _fit_tall(self, text: str, inner: float, name: str, label: str):
        size = style(name).fontSize
        while size >= layout.SIZE_MIN:
            p = Paragraph(markup(text), style(name, size))
            if p.wrap(inner, 10_000)[1] <= layout.MAX_CELL_HEIGHT:
                return p
            size -= 1
        self.add_note(label or "内容", text)
        marker = f"……（续见附注{len(self._notes)}）"
        st = style(name, layout.SIZE_MIN)
        lo, hi = 0, len(text)
        while lo < hi:  # the longest prefix that fits with the marker
            mid = (lo + hi + 1) // 2
            if Paragraph(markup(text[:mid]) + markup(marker), st).wrap(inner, 10_000)[1] <= layout.MAX_CELL_HEIGHT:
                lo = mid
            else:
                hi = mid - 1
        return Paragraph(markup(text[:lo]) + markup(marker), st)

    # -- grids and tables --------------------------------------------------------------------
    def kv(self, pairs: list, columns: int = 2, label_width: float = 64, keep: bool = False) -> None:
        """A label/value grid. Each pair is (label, value) or (label, value, "row") to take a
        whole row. Values may be `Shaded`."""
        value_width = (self.width - columns * label_width) / columns
        widths = [label_width, value_width] * columns
        rows: list[list] = []
        cmds: list = []
        current: list = []
        full_rows: set[int] = set()

        def flush():
            nonlocal current
            if current:
                while len(current) < 2 * columns:
                    current += ["", ""]
                rows.append(current)
                current = []

        for pair in pairs:
            label, value = pair[0], pair[1]
            full = len(pair) > 2 and pair[2] == "row"
            if full:
                flush()
                width = self.width - label_width
                r = len(rows)
                full_rows.add(r)
                rows.append([self.cell(label, label_width, "label"),
                             self._value(value, width, label, cmds, r, 1)] + [""] * (2 * columns - 2))
                if columns > 1:
                    cmds.append(("SPAN", (1, r), (-1, r)))
            else:
                col = len(current)
                current += [self.cell(label, label_width, "label"),
                            self._value(value, value_width, label, cmds, len(rows), col + 1)]
                if len(current) == 2 * columns:
                    flush()
        flush()
        for r in range(len(rows)):
            for c in range(1 if r in full_rows else columns):
                cmds.insert(0, ("BACKGROUND", (2 * c, r), (2 * c, r), layout.LABEL_FILL))
                cmds.append(("ALIGN", (2 * c, r), (2 * c, r), "CENTER"))
        table = Table(rows, colWidths=widths, style=self._grid_style(cmds))
        self.story.append(KeepTogether(table) if keep else table)

    def _value(self, value, width, label, cmds, row, col):
        if isinstance(value, Shaded):
            if value.fill is not None:
                cmds.append(("BACKGROUND", (col, row), (col, row), value.fill))
            value = value.text
        return self.cell(value, width, label=label)

    @staticmethod
    def _grid_style(extra=(), header: bool = False) -> TableStyle:
        font = ensure_font()
        cmds = [
            ("FONT", (0, 0), (-1, -1), font, layout.SIZE_CELL, layout.SIZE_CELL * layout.LEADING),
            ("GRID", (0, 0), (-1, -1), layout.GRID_WIDTH, colors.black),
            ("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
            ("LEFTPADDING", (0, 0), (-1, -1), layout.CELL_PAD),
            ("RIGHTPADDING", (0, 0), (-1, -1), layout.CELL_PAD),
            ("TOPPADDING", (0, 0), (-1, -1), 2.5),
            ("BOTTOMPADDING", (0, 0), (-1, -1), 2.5),
        ]
        if header:
            cmds += [("BACKGROUND", (0, 0), (-1, 0), layout.LABEL_FILL), ("ALIGN", (0, 0), (-1, 0), "CENTER")]
        return TableStyle(cmds + list(extra))

    def table(self, header: list[str], rows: list[list], widths: list[float], *,
              center: tuple[int, ...] = (), totals: list | None = None, extra=(), empty: str = "（无）") -> None:
        """A data table whose header repeats on every page it runs onto. `widths` are fractions of
        the page width (or points when they sum to more than 1.5)."""
        if sum(widths) <= 1.5:
            widths = [w * self.width for w in widths]
        cmds = list(extra)
        body = [[self.cell(h, w, "label") for h, w in zip(header, widths, strict=False)]]
        if not rows:
            body.append([empty] + [""] * (len(header) - 1))
            cmds.append(("SPAN", (0, 1), (-1, 1)))
        fills: dict[int, list] = {}
        for r, row in enumerate(rows, 1):
            line = []
            for c, (value, w) in enumerate(zip(row, widths, strict=False)):
                if isinstance(value, Shaded):
                    if value.fill is not None:
                        fills.setdefault(r, []).append((c, value.fill))
                    value = value.text
                line.append(self.cell(value, w, "cell_center" if c in center else "cell", label=header[c]))
            body.append(line)
        if totals is not None:
            body.append([self.cell(v, w, "cell_center" if c in center else "cell")
                         for c, (v, w) in enumerate(zip(totals, widths, strict=False))])
        for c in center:
            cmds.append(("ALIGN", (c, 1), (c, -1), "CENTER"))
        if len(body) > PagedTable.THRESHOLD:
            self.story.append(PagedTable(body[0], body[1:], widths, cmds, fills, totals is not None))
            return
        cmds += [("BACKGROUND", (c, r), (c, r), fill) for r, cells in fills.items() for c, fill in cells]
        if totals is not None:
            cmds.append(("BACKGROUND", (0, -1), (-1, -1), layout.TOTAL_FILL))
        self.story.append(LongTable(body, colWidths=widths, repeatRows=1, style=self._grid_style(cmds, header=True)))

    def checklist(self, items: list[tuple[str, list[str], object, str]], *, note_header: str = "情况说明") -> None:
        """Numbered check items: (item, options, selected or None, note). Unselected boxes are
        left empty to tick by hand; a note column to write on (or the recorded note)."""
        widths = [0.06, 0.30, 0.30, 0.34]
        rows = [[str(i), item, checkbox_text(options, selected), note or ""]
                for i, (item, options, selected, note) in enumerate(items, 1)]
        self.table(["序号", "检查项目", "情况（请勾选）", note_header], rows, widths, center=(0,),
                   extra=[("TOPPADDING", (0, 1), (-1, -1), 5), ("BOTTOMPADDING", (0, 1), (-1, -1), 5)])

    def write_lines(self, n: int = 3) -> None:
        """Empty ruled lines to write on by hand."""
        t = Table([[""] for _ in range(n)], colWidths=[self.width], rowHeights=[layout.ROW_HEIGHT_WRITE] * n,
                  style=_tstyle([("LINEBELOW", (0, 0), (-1, -1), 0.4, colors.black)]))
        self.story.append(t)

    def signatures(self, signers: list[str], values: dict[str, tuple[str, str]] | None = None) -> None:
        """One line per signer: "儿童主任（签字）：＿＿＿＿　日期：＿＿年＿＿月＿＿日".
        `values` maps a signer to (name, date) printed on the lines when already known."""
        values = values or {}
        widths = [self.width * f for f in (0.30, 0.30, 0.10, 0.30)]
        rows = []
        for signer in signers:
            name, date = values.get(signer, ("", ""))
            rows.append([self.cell(signer + "：", widths[0], "cell"), self.cell(name, widths[1]),
                         "日期：", date or "　　　　年　　月　　日"])
        font = ensure_font()
        cmds = [("FONT", (0, 0), (-1, -1), font, layout.SIZE_BODY), ("VALIGN", (0, 0), (-1, -1), "BOTTOM"),
                ("TOPPADDING", (0, 0), (-1, -1), 10), ("ALIGN", (0, 0), (0, -1), "RIGHT"),
                ("ALIGN", (2, 0), (2, -1), "RIGHT"),
                ("LINEBELOW", (1, 0), (1, -1), 0.5, colors.black), ("LINEBELOW", (3, 0), (3, -1), 0.5, colors.black)]
        self.story.append(KeepTogether([Spacer(1, 4), Table(rows, colWidths=widths, style=_tstyle(cmds))]))

    def seals(self, bodies: list[str], height: float = 30 * 2.835) -> None:
        """Boxes for the official seals: "村民委员会（盖章）", "乡镇（街道）民政办（盖章）"... each
        with room for the seal, the person in charge and the date."""
        w = self.width / len(bodies)
        top = [Paragraph(markup(b), style("cell")) for b in bodies]
        mid = ["" for _ in bodies]
        sign = [Paragraph("负责人（签字）：", style("cell")) for _ in bodies]
        date = ["年　　月　　日　　" for _ in bodies]
        t = Table([top, mid, sign, date], colWidths=[w] * len(bodies), rowHeights=[None, height, None, None],
                  style=_tstyle([("BOX", (c, 0), (c, -1), layout.GRID_WIDTH, colors.black) for c in range(len(bodies))]
                                   + [("VALIGN", (0, 0), (-1, -1), "TOP"), ("ALIGN", (0, 3), (-1, 3), "RIGHT"),
                                      ("FONT", (0, 3), (-1, 3), ensure_font(), layout.SIZE_CELL)]))
        self.story.append(KeepTogether([Spacer(1, 6), t]))

    # -- output ------------------------------------------------------------------------------
    def build(self, out: str | Path | io.BytesIO | None = None) -> bytes:
        """Lay the story out into a PDF; write it to `out` (a path or buffer) and return its bytes."""
        self.end_document()
        meta = self.meta
        buf = io.BytesIO()
        size = _page_size(meta)
        doc = BaseDocTemplate(
            buf, pagesize=size, leftMargin=layout.MARGIN_LEFT, rightMargin=layout.MARGIN_RIGHT,
            topMargin=layout.MARGIN_TOP, bottomMargin=layout.MARGIN_BOTTOM, title=meta.title,
            author=meta.printed_by, subject=meta.subject or meta.title, creator="童护 Tonghu",
            initialFontName=ensure_font(), initialFontSize=layout.SIZE_BODY,
        )
        frame = Frame(layout.MARGIN_LEFT, layout.MARGIN_BOTTOM, self.width,
                      size[1] - layout.MARGIN_TOP - layout.MARGIN_BOTTOM, id="body",
                      leftPadding=0, rightPadding=0, topPadding=0, bottomPadding=0)
        doc.addPageTemplates([PageTemplate("page", [frame], onPage=lambda c, d: _draw_header(c, meta), pagesize=size)])
        story = self.story or [Spacer(1, 1)]
        doc.build(story, canvasmaker=_canvas_class(meta))
        data = buf.getvalue()
        if isinstance(out, io.BytesIO):
            out.write(data)
        elif out is not None:
            Path(out).write_bytes(data)
        return data
