"""Layout constants of every printed form and ledger, in one place.

Sizes are in points (1 pt = 1/72 inch) unless named `*_MM`. Change a margin, a font size or a
colour tint here and every document follows. Tints are light so black text stays readable on a
black-and-white laser printer; the colour's name is always printed beside it (红/黄/蓝/绿).
"""

from __future__ import annotations

from reportlab.lib import colors
from reportlab.lib.pagesizes import A4, landscape
from reportlab.lib.units import mm

# -- fonts -------------------------------------------------------------------
FONT_FILE = "wqy-microhei.ttc"      # in resources/fonts/, TrueType outlines (ReportLab needs TrueType)
FONT_SUBFONT = 0                    # WenQuanYi Micro Hei (1 is the monospaced face)
FONT = "TonghuSans"                 # registered name; also used for bold (the font has no bold face)

SIZE_TITLE = 18
SIZE_SUBTITLE = 10.5
SIZE_SECTION = 11.5
SIZE_BODY = 10
SIZE_CELL = 9
SIZE_SMALL = 8
SIZE_HEADER = 8.5
SIZE_FOOTER = 8
SIZE_MIN = 6                        # shrinking a long field stops here; beyond it, text continues in 附注
LEADING = 1.3                       # leading = size × LEADING

# -- pages -------------------------------------------------------------------
PORTRAIT = A4
LANDSCAPE = landscape(A4)
MARGIN_LEFT = 16 * mm
MARGIN_RIGHT = 16 * mm
MARGIN_TOP = 20 * mm                # room for the header band
MARGIN_BOTTOM = 18 * mm             # room for the footer band
HEADER_Y = 11 * mm                  # header baseline, measured down from the top edge
FOOTER_Y = 9 * mm                   # footer baseline, measured up from the bottom edge
RULE_WIDTH = 0.6

# -- tables and form grids -------------------------------------------------------
GRID_WIDTH = 0.5
CELL_PAD = 3
LABEL_FILL = colors.Color(0.90, 0.90, 0.90)   # label cells and table headers (light grey)
TOTAL_FILL = colors.Color(0.95, 0.95, 0.95)
MAX_CELL_HEIGHT = 180               # a cell taller than this shrinks its text, then continues in 附注
ROW_HEIGHT_WRITE = 16               # an empty line to write on by hand
CHECKBOX = 10                       # side of a tick box: 3.5 mm, big enough to tick by hand (issue 13)
# Characters that never begin a line: "12号", "3组" stay whole when an address wraps (issue 13).
NO_LINE_START = "号组室栋楼层户"

# -- marks ---------------------------------------------------------------------
CONFIDENTIAL_TEXT = "内部资料 注意保密"
CONFIDENTIAL_SIZE = 9
QR_SIZE = 24 * mm
QR_BORDER = 2                       # quiet zone in modules (the box around it adds more white)

# -- the four colours (四色管理) ------------------------------------------------------
# Tints shown behind the colour's name; the name and meaning are always printed as text.
COLOUR_TINTS = {
    "红": colors.Color(0.98, 0.72, 0.72),
    "黄": colors.Color(1.00, 0.93, 0.55),
    "蓝": colors.Color(0.72, 0.84, 0.98),
    "绿": colors.Color(0.74, 0.93, 0.74),
}
COLOUR_MEANING = {"红": "高风险", "黄": "中风险", "蓝": "低风险", "绿": "健康成长"}
COLOUR_ORDER = ["红", "黄", "蓝", "绿"]
NO_COLOUR = "未评估"

OVERDUE_MARK = "※逾期"
