"""`tonghu --self-check`: prove an installed copy works, end to end, without touching real data.

Checks, in order: the bundled resources are there; a temporary encrypted store can be created,
written, closed, reopened with its password and read back (and its file is not plain SQLite);
ReportLab renders a PDF page with the bundled Chinese font; Qt starts, loads the stylesheet and
icon, the English translation translates, and every UI feature the registry names can be imported. Everything
happens in a temporary folder that is removed afterwards. Returns 0 when every check passed, 1 otherwise, printing
one line per check.
"""

from __future__ import annotations

import io
import os
import secrets
import sys
import tempfile
import time
import traceback
from pathlib import Path
from typing import Callable

from app import __version__
from app.core.errors import TonghuError
from app.paths import resource, resources_dir

SELF_CHECK_PASSWORD = "self-check-密码-123"
SELF_CHECK_VILLAGE = "320115101201"
# Only in a source checkout, when the printing font has not been added to resources/ yet.
DEV_FALLBACK_FONT = Path("/usr/share/fonts/truetype/wqy/wqy-microhei.ttc")


class CheckFailed(TonghuError):
    code = "self_check"


def _require(condition: bool, message: str) -> None:
    if not condition:
        raise CheckFailed(message)


def check_resources() -> str:
    root = resources_dir()
    _require(root.is_dir(), f"resources folder missing: {root}")
    _require(resource("style.qss").is_file(), "style.qss missing")
    _require(any(resource("icons").glob("tonghu-*.png")), "app icon missing")
    _require(any(resource("policy").glob("*.toml")), "policy tables missing")
    if getattr(sys, "frozen", False):
        _require(resource("translations", "tonghu_en.qm").is_file(), "English translation (tonghu_en.qm) missing")
        _require(any(resource("fonts").glob("*.tt[cf]")), "CJK font missing")
    return str(root)


def check_store(folder: Path) -> str:
    from sqlalchemy import select

    from app.data.models import Place, Setting
    from app.data.store import Store

    path = folder / "self-check.store"
    token = secrets.token_hex(8)
    store = Store.create(path, user="selfcheck", password=SELF_CHECK_PASSWORD, village_code=SELF_CHECK_VILLAGE,
                         village_name="自检村", township_name="自检镇", county_name="自检县")
    try:
        store.set_setting("self_check", token)
        with store.session() as s:
            place = s.scalars(select(Place).where(Place.code == SELF_CHECK_VILLAGE)).one()
            place.name = f"自检村{token}"
    finally:
        store.close()
    _require(not path.read_bytes()[:16].startswith(b"SQLite format 3"), "store file is not encrypted")
    store = Store.open(path, SELF_CHECK_PASSWORD)
    try:
        with store.read_session() as s:
            value = s.scalar(select(Setting.value).where(Setting.key == "self_check"))
            name = s.scalar(select(Place.name).where(Place.code == SELF_CHECK_VILLAGE))
    finally:
        store.close()
    _require(value == token, "value written to the store was not read back")
    _require(name == f"自检村{token}", "synced row written to the store was not read back")
    return f"encrypted store created, written, reopened and read ({path.stat().st_size} bytes)"


def _pdf_font() -> str:
    try:
        from app.print.fonts import ensure_font

        return ensure_font()
    except (ImportError, FileNotFoundError):
        pass
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.ttfonts import TTFont

    candidates = sorted(resource("fonts").glob("*.tt[cf]")) if resource("fonts").is_dir() else []
    if not candidates and not getattr(sys, "frozen", False) and DEV_FALLBACK_FONT.exists():
        candidates = [DEV_FALLBACK_FONT]
    _require(bool(candidates), "no CJK font for printing")
    pdfmetrics.registerFont(TTFont("SelfCheckSans", str(candidates[0]), subfontIndex=0))
    return "SelfCheckSans"


def check_pdf() -> str:
    from reportlab.lib.pagesizes import A4
    from reportlab.pdfgen import canvas

    font = _pdf_font()
    buf = io.BytesIO()
    c = canvas.Canvas(buf, pagesize=A4)
    c.setFont(font, 16)
    c.drawString(72, 760, "童护自检：儿童主任走访记录表 红黄蓝绿")
    c.showPage()
    c.save()
    data = buf.getvalue()
    _require(data.startswith(b"%PDF") and b"%%EOF" in data[-64:], "PDF output is broken")
    _require(b"FontFile2" in data, "the CJK font was not embedded")
    return f"PDF page rendered with font {font} ({len(data)} bytes)"


def check_qt() -> str:
    from PySide6.QtCore import QCoreApplication
    from PySide6.QtWidgets import QApplication, QPushButton

    from app.ui import i18n, look

    app = QApplication.instance() or QApplication([sys.argv[0] if sys.argv else "tonghu"])
    try:
        i18n.install_translator(app, "en")
        english = QCoreApplication.translate("LanguageDialog", "确定")
        _require(english == "OK", f"English translation not loaded ('确定' → {english!r})")
        i18n.install_translator(app, "zh_CN")
        _require(QCoreApplication.translate("LanguageDialog", "确定") == "确定", "Chinese is not the source language")
        look.apply(app)
        _require(bool(app.styleSheet()), "stylesheet not loaded")
        _require(not app.windowIcon().isNull(), "app icon not loaded")
        button = QPushButton("童护")
        _require(not button.grab().isNull(), "a widget could not be drawn")
        platform = app.platformName()
        from app.ui import registry

        registry.register_all()  # every feature module and "module:Class" target must import
        entries = registry.PAGES + registry.CHILD_TABS + registry.MENU_ACTIONS + registry.DASHBOARD_SECTIONS
        for entry in entries:
            entry.load()
    finally:
        i18n.install_translator(app, i18n.DEFAULT_LANGUAGE)
    return f"Qt {platform}: translator, stylesheet, icon, drawing and {len(entries)} UI entries ok"


def run(gui: bool = True, out=None) -> int:
    """Run every check, print one line each; 0 if all passed."""
    out = out if out is not None else sys.stdout
    frozen = "bundle" if getattr(sys, "frozen", False) else "source"
    lines: list[str] = [f"tonghu {__version__} self-check ({frozen}, Python {sys.version.split()[0]})"]
    failed = 0
    with tempfile.TemporaryDirectory(prefix="tonghu-selfcheck-") as tmp:
        checks: list[tuple[str, Callable[[], str]]] = [
            ("resources", check_resources),
            ("store", lambda: check_store(Path(tmp))),
            ("pdf", check_pdf),
        ]
        if gui:
            checks.append(("qt", check_qt))
        for name, fn in checks:
            started = time.perf_counter()
            try:
                detail = fn()
                lines.append(f"ok    {name:<9} {detail} [{time.perf_counter() - started:.2f} s]")
            except Exception as exc:  # report every failure, never stop at the first
                failed += 1
                lines.append(f"FAIL  {name:<9} {exc.__class__.__name__}: {exc}")
                if os.environ.get("TONGHU_DEBUG"):
                    lines.append(traceback.format_exc())
    lines.append("self-check passed" if not failed else f"self-check FAILED ({failed} check(s))")
    if out is not None:  # a windowed Windows program has no stdout
        for line in lines:
            print(line, file=out)
        out.flush()
    return 0 if not failed else 1
