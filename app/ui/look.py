"""Tonghu's look: the one stylesheet (resources/style.qss), the app icon and the interface font.

The stylesheet is written for an old 1366×768 screen at 125 % Windows scaling (Qt scales by the
screen's DPI; we only pick a readable base size and large click targets). Widgets opt into
the shared styles by property, e.g. `label.setProperty("risk", "红")`, `button.setProperty(
"role", "primary")`, `label.setProperty("role", "title")`; see the comments in style.qss.
"""

from __future__ import annotations

from PySide6.QtGui import QFont, QFontDatabase, QIcon
from PySide6.QtWidgets import QApplication, QWidget

from app.paths import resource, resources_dir

# The four colours of 四色管理 (same hues as app.ui.widgets.COLOUR_HEX) and their meaning.
RISK_COLOURS = {"红": "#d93025", "黄": "#f2b600", "蓝": "#1a73e8", "绿": "#188038"}
RISK_MEANING = {"红": "高风险，立即介入", "黄": "中风险，定期介入", "蓝": "低风险，保持关注", "绿": "健康成长"}
BASE_POINT_SIZE = 10.5
# Preferred interface fonts, best first; the bundled WenQuanYi Micro Hei is the fallback.
FONT_FAMILIES = ["Microsoft YaHei UI", "Microsoft YaHei", "PingFang SC", "Noto Sans CJK SC", "WenQuanYi Micro Hei"]


def stylesheet() -> str:
    """style.qss with `@RES@` replaced by the resources folder (Qt resolves url() from the cwd)."""
    path = resource("style.qss")
    if not path.exists():
        return ""
    return path.read_text("utf-8").replace("@RES@", resources_dir().as_posix())


def app_icon() -> QIcon:
    icon = QIcon()
    for name in ("tonghu-256.png", "tonghu-64.png", "tonghu-32.png", "tonghu-16.png"):
        path = resource("icons", name)
        if path.exists():
            icon.addFile(str(path))
    return icon


def _load_bundled_fonts() -> list[str]:
    families: list[str] = []
    folder = resource("fonts")
    if folder.is_dir():
        for path in sorted(folder.iterdir()):
            if path.suffix.lower() in (".ttf", ".ttc", ".otf"):
                font_id = QFontDatabase.addApplicationFont(str(path))
                if font_id >= 0:
                    families += QFontDatabase.applicationFontFamilies(font_id)
    return families


def interface_font() -> QFont:
    bundled = _load_bundled_fonts()
    available = set(QFontDatabase.families())
    family = next((f for f in FONT_FAMILIES if f in available), bundled[0] if bundled else "")
    font = QFont(family) if family else QFont()
    font.setPointSizeF(BASE_POINT_SIZE)
    return font


def apply(app: QApplication) -> None:
    """Font, stylesheet and window icon for the whole application.

    Fusion is the base style everywhere, so Windows looks like the screenshots in the guide
    (the native Windows 11 style and stylesheets mix unpredictably)."""
    app.setStyle("Fusion")
    app.setFont(interface_font())
    app.setStyleSheet(stylesheet())
    from app.ui import fit

    fit.install(app)  # every window fits an old laptop screen (issue 13)
    icon = app_icon()
    if not icon.isNull():
        app.setWindowIcon(icon)


def set_risk(widget: QWidget, colour: str) -> None:
    """Colour a label or badge by risk (红/黄/蓝/绿, "" for not assessed) and refresh its style."""
    widget.setProperty("risk", colour or "none")
    widget.style().unpolish(widget)
    widget.style().polish(widget)
