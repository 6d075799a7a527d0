"""The embedded CJK font: WenQuanYi Micro Hei from resources/fonts/, registered once per process.

ReportLab embeds a subset of a TrueType font (only the glyphs a document uses), so a PDF looks
the same on every laptop and printer. The font has no bold face; the same face is registered as
the family's bold and italic so `<b>` in a paragraph never fails.
"""

from __future__ import annotations

import threading

from reportlab.lib.fonts import addMapping
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont

from app.paths import resource
from app.print import layout

_lock = threading.Lock()
_registered = False


def font_path():
    return resource("fonts", layout.FONT_FILE)


def ensure_font() -> str:
    """Register the CJK font (first call reads the 5 MB file, ~0.4 s) and return its name."""
    global _registered
    if _registered:
        return layout.FONT
    with _lock:
        if not _registered:
            path = font_path()
            if not path.exists():
                raise FileNotFoundError(f"缺少打印字体文件: {path}")
            pdfmetrics.registerFont(TTFont(layout.FONT, str(path), subfontIndex=layout.FONT_SUBFONT))
            for bold in (0, 1):
                for italic in (0, 1):
                    addMapping(layout.FONT, bold, italic, layout.FONT)
            _registered = True
    return layout.FONT
