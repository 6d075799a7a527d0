"""Fixed-layout form pages: text fitted into boxes, and a page skeleton drawn once per PDF.

A paper form has boxes of fixed size. `fit()` wraps a text into a box (breaking between any two
CJK characters, and at line breaks), shrinking the font step by step down to `layout.SIZE_MIN`;
what still does not fit is cut at the last line with "……（续见附注N）" and the caller prints the
full text in the document's 附注 — nothing is drawn outside a box, nothing is lost silently.

`FixedPage` is a flowable filling the whole frame: the static part (grid, labels, check boxes)
is a PDF form XObject drawn once and reused on every page of a batch, so 200 visit forms cost
little more than their variable text.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from reportlab.lib import colors
from reportlab.pdfbase.pdfmetrics import getFont
from reportlab.platypus import Flowable

from app.print import layout
from app.print.fonts import ensure_font

_widths: dict[str, float] = {}


def char_width(ch: str) -> float:
    """Advance width of one character at size 1."""
    w = _widths.get(ch)
    if w is None:
        w = _widths[ch] = getFont(ensure_font()).stringWidth(ch, 1)
    return w


def text_width(text: str, size: float) -> float:
    return sum(char_width(ch) for ch in text) * size


def wrap(text: str, width: float, size: float) -> list[str]:
    """Break `text` into lines no wider than `width` at font `size` (CJK: between any characters)."""
    lines: list[str] = []
    limit = width / size
    for para in (text or "").replace("\r\n", "\n").split("\n"):
        line, used = [], 0.0
        for ch in para:
            w = char_width(ch)
            if used + w > limit and line:
                carry = []
                if ch in layout.NO_LINE_START and len(line) > 1:  # "12号" stays whole (issue 13)
                    carry = [line.pop()]
                lines.append("".join(line))
                line, used = carry, sum(char_width(c) for c in carry)
                if ch == " ":
                    continue
            line.append(ch)
            used += w
        lines.append("".join(line))
    return lines


@dataclass
class Fitted:
    size: float
    lines: list[str]
    cut: bool = False


def fit(text: str, width: float, height: float, size: float = layout.SIZE_CELL,
        min_size: float = layout.SIZE_MIN, marker: str = "") -> Fitted:
    """Fit `text` into a width × height box: wrap, then shrink, then cut with `marker`."""
    text = "" if text is None else str(text)
    s = size
    while s >= min_size:
        lines = wrap(text, width, s)
        if len(lines) * s * layout.LEADING <= height or (len(lines) == 1 and s * 1.05 <= height):
            return Fitted(s, lines)
        s -= 0.5
    s = min_size
    room = max(1, int(height // (s * layout.LEADING)))
    lines = wrap(text, width, s)[:room]
    last = lines[-1] if lines else ""
    while last and text_width(last + marker, s) > width:
        last = last[:-1]
    lines[-1] = last + marker
    return Fitted(s, lines, cut=True)


@dataclass
class Box:
    x: float
    y: float          # bottom
    w: float
    h: float
    pad: float = layout.CELL_PAD


@dataclass
class Put:
    """Fitted text to draw in a box (optionally on a tint, centred)."""

    box: Box
    fitted: Fitted
    fill: object = None
    center: bool = False


@dataclass
class Tick:
    box: Box


@dataclass
class Skeleton:
    """The static part of a fixed-layout page: `draw(canv)` draws it at the flowable's origin."""

    name: str
    width: float
    height: float
    painter: object                      # fn(canv) drawing the static parts
    boxes: dict[str, Box] = field(default_factory=dict)
    ticks: dict[str, Box] = field(default_factory=dict)

    def draw(self, canv) -> None:
        defined = getattr(canv, "_th_forms", None)
        if defined is None:
            defined = canv._th_forms = set()
        if self.name not in defined:
            canv.beginForm(self.name)
            self.painter(canv)
            canv.endForm()
            defined.add(self.name)
        canv.doForm(self.name)


class FixedPage(Flowable):
    """One fixed-layout page: the skeleton plus fitted texts, ticks and extra drawings."""

    def __init__(self, skeleton: Skeleton, puts: list[Put], ticks: list[Tick], extra=None):
        super().__init__()
        self.skeleton = skeleton
        self.puts = puts
        self.ticks = ticks
        self.extra = extra or []

    def wrap(self, aw, ah):
        return self.skeleton.width, self.skeleton.height

    def draw(self):
        canv = self.canv
        font = ensure_font()
        for put in self.puts:  # tints first, under the grid
            if put.fill is not None:
                b = put.box
                canv.setFillColor(put.fill)
                canv.rect(b.x + 0.4, b.y + 0.4, b.w - 0.8, b.h - 0.8, stroke=0, fill=1)
        canv.setFillColor(colors.black)
        self.skeleton.draw(canv)
        for put in self.puts:
            b, f = put.box, put.fitted
            lead = f.size * layout.LEADING
            block = len(f.lines) * lead
            y = b.y + (b.h + block) / 2 - f.size * 0.95 - (lead - f.size) / 2
            canv.setFont(font, f.size)
            for line in f.lines:
                if put.center:
                    canv.drawCentredString(b.x + b.w / 2, y, line)
                else:
                    canv.drawString(b.x + b.pad, y, line)
                y -= lead
        canv.setLineWidth(1.2)
        for tick in self.ticks:
            b = tick.box
            p = canv.beginPath()
            p.moveTo(b.x + b.w * 0.15, b.y + b.h * 0.55)
            p.lineTo(b.x + b.w * 0.42, b.y + b.h * 0.18)
            p.lineTo(b.x + b.w * 0.95, b.y + b.h * 1.0)
            canv.drawPath(p, stroke=1, fill=0)
        for fn in self.extra:
            fn(canv)
