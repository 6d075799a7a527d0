"""Open every dialog and page of the desktop and report any button that lies outside the screen.

    QT_QPA_PLATFORM=offscreen:configfile=S.json QT_SCALE_FACTOR=1.25 \\
        .venv/bin/python scripts/dialog_fit.py [--lang zh_CN|en] [--shots DIR] [--json]

Built for issue 13: on an old laptop (1366×768 at 125 %, about 1093×614 logical pixels) every
dialog must fit and its Save / Print buttons stay visible. `tests/ui/test_dialogs_fit.py` runs
this on the offscreen platform with such a screen; `make`-free screenshots for people to look at
come from the same script under `xvfb-run -s "-screen 0 1366x768x24"` with `--shots`.

Modal dialogs are caught by replacing `QDialog.exec` / `open` while the script runs: each dialog
is shown, measured, optionally photographed, then closed unsaved. Buttons are checked as laid
out: a button counts as visible when it lies inside the screen's available area; the main
action buttons (保存 / 打印 / 确定 …) must in addition not sit inside a scroll area.
"""

from __future__ import annotations

import argparse
import json
import os
import re
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
os.environ.setdefault("TONGHU_FAST_KDF", "1")
os.environ.setdefault("TONGHU_LOG_DIR", tempfile.mkdtemp(prefix="tonghu-fit-logs-"))

MAIN_ACTION = re.compile(r"保存|打印|确定|登记|导入|导出|Save|Print|OK|Enrol|Import|Export")


class Probe:
    """Shows windows, measures them against the screen, and collects what does not fit."""

    def __init__(self, app, shots: Path | None):
        self.app = app
        self.avail = app.primaryScreen().availableGeometry()
        self.shots = shots
        self.problems: list[dict] = []
        self.seen: list[str] = []

    def settle(self) -> None:
        for _ in range(3):
            self.app.processEvents()

    def check(self, win, name: str) -> None:
        from PySide6.QtCore import QPoint, QRect
        from PySide6.QtWidgets import QAbstractButton, QPushButton

        print("checking", name, file=sys.stderr, flush=True)
        win.show()
        self.settle()
        self.seen.append(name)
        avail = self.avail
        frame = win.frameGeometry()
        if frame.width() > avail.width() + 1 or frame.height() > avail.height() + 1:
            self.problems.append({"window": name, "what": "window larger than the screen",
                                  "size": [frame.width(), frame.height()], "screen": [avail.width(), avail.height()]})
        for b in win.findChildren(QAbstractButton):
            if not b.isVisibleTo(win) or b.width() <= 0 or not isinstance(b, QPushButton):
                continue
            in_scroll = _inside_scroll(b, win)
            text = QAbstractButton.text(b).replace("&", "")
            if in_scroll and not MAIN_ACTION.search(text):
                continue  # buttons of a scrolling body may scroll; the dialog's own actions may not
            r = QRect(b.mapToGlobal(QPoint(0, 0)), b.size())
            if not avail.contains(r):
                self.problems.append({"window": name, "what": "button outside the screen", "button": text,
                                      "rect": [r.x(), r.y(), r.width(), r.height()]})
            elif in_scroll:
                self.problems.append({"window": name, "what": "main button inside a scroll area", "button": text})
        if self.shots:
            safe = re.sub(r"[^\w\u4e00-\u9fff-]+", "_", name)[:80]
            win.grab().save(str(self.shots / f"{len(self.seen):02d}_{safe}.png"))


def _inside_scroll(w, top) -> bool:
    from PySide6.QtWidgets import QScrollArea

    p = w.parentWidget()
    while p is not None and p is not top:
        if isinstance(p, QScrollArea):
            return True
        p = p.parentWidget()
    return False


def patch_modal_dialogs(probe: Probe) -> None:
    """Every modal dialog opened from now on is checked instead of waiting for a person."""
    from PySide6.QtWidgets import QDialog, QFileDialog, QInputDialog, QMessageBox

    def fake_exec(self, *a):
        probe.check(self, type(self).__name__ + ":" + (self.windowTitle() or "?"))
        self.hide()
        return 0

    def fake_open(self, *a):
        fake_exec(self)

    QDialog.exec = fake_exec
    QDialog.exec_ = fake_exec
    QDialog.open = fake_open
    QFileDialog.getOpenFileName = staticmethod(lambda *a, **k: ("", ""))
    QFileDialog.getSaveFileName = staticmethod(lambda *a, **k: ("", ""))
    QFileDialog.getExistingDirectory = staticmethod(lambda *a, **k: "")
    QInputDialog.getText = staticmethod(lambda *a, **k: ("", False))
    QInputDialog.getItem = staticmethod(lambda *a, **k: ("", False))
    for fn in ("information", "warning", "critical", "about", "aboutQt"):
        setattr(QMessageBox, fn, staticmethod(lambda *a, **k: QMessageBox.Ok))
    QMessageBox.question = staticmethod(lambda *a, **k: QMessageBox.No)


def check_pages(probe: Probe, window) -> None:
    """The main window with every page the registry lists."""
    from app.ui import registry

    for entry in sorted(registry.PAGES, key=lambda e: e.order):
        try:
            window.show_page(entry.key)
        except Exception as exc:  # a page that cannot open is a finding, not a crash of the probe
            probe.problems.append({"window": f"page {entry.key}", "what": f"cannot open: {exc!r}"})
            continue
        probe.check(window, f"page {entry.key}")


def check_child_file(probe: Probe, ctx, window, cid: str) -> None:
    """The child's file, every tab, and the buttons in it that open dialogs."""
    from PySide6.QtWidgets import QAbstractButton, QPushButton

    ctx.open_child.emit(cid)
    probe.settle()
    probe.check(window, "child file")
    opener = re.compile(r"…|\.\.\.|添加|新增|新建|记录|登记|评估|编辑|打印|标记|Add|New|Record|Register|Assess|Edit|Print|Mark")
    for key, tab in list(window.child_file.tab_widgets.items()):
        window.child_file.tabs.setCurrentWidget(tab)
        probe.settle()
        probe.check(window, f"child tab {key}")
        for b in tab.findChildren(QPushButton):
            label = QAbstractButton.text(b)
            if b.isVisibleTo(tab) and b.isEnabled() and opener.search(label) and not re.search("删除|Delete|Remove", label):
                print("click", key, label, file=sys.stderr, flush=True)
                try:
                    b.click()
                except Exception as exc:
                    probe.problems.append({"window": f"child tab {key}", "what": f"{label} raised {exc!r}"})
                probe.settle()
    for b in (window.child_file.edit_button, window.child_file.transfer_button):
        if b.isVisible():
            b.click()
            probe.settle()


def direct_dialogs(ctx, store, window, cids: list[str]) -> list:
    """(name, factory) of the dialogs opened directly rather than through a button."""
    cid = cids[0]
    from app.ui.children.child_dialog import ChildDialog
    from app.ui.protection.reports_tab import ReportDialog
    from app.ui.settings_dialog import PasswordDialog, SettingsDialog
    from app.ui.sync.dialogs import EnrolDialog, SyncDialog
    from app.ui.visits.assessment import AssessmentDialog
    from app.ui.visits.policy_view import PolicyDialog
    from app.ui.visits.screening_page import OpenRoundDialog, ScreenDialog
    from app.ui.visits.visit_form import VisitDialog

    direct = [
        ("ChildDialog new", lambda: ChildDialog(ctx, parent=window)),
        ("ChildDialog edit", lambda: ChildDialog(ctx, cid, parent=window)),
        ("VisitDialog", lambda: VisitDialog(ctx, cid, window)),
        ("AssessmentDialog", lambda: AssessmentDialog(ctx, cid, window)),
        ("ReportDialog", lambda: ReportDialog(ctx, cid, window)),
        ("SettingsDialog", lambda: SettingsDialog(store, window)),
        ("PasswordDialog", lambda: PasswordDialog(store, window)),
        ("EnrolDialog", lambda: EnrolDialog(store, window)),
        ("SyncDialog", lambda: SyncDialog(window)),
        ("PolicyDialog", lambda: PolicyDialog(window)),
        ("OpenRoundDialog", lambda: OpenRoundDialog(window)),
        ("ScreenDialog", lambda: ScreenDialog("张小明", window)),
    ]
    from app.ui.recovery_dialog import RecoveryDialog
    from app.ui.users_dialog import AddUserDialog, RemoveUserDialog, UsersDialog

    direct += [
        ("RecoveryDialog", lambda: RecoveryDialog(store.path, store.user, window)),
        ("UsersDialog", lambda: UsersDialog(store, window)),
        ("AddUserDialog", lambda: AddUserDialog(store, window)),
        ("RemoveUserDialog", lambda: RemoveUserDialog(store, "wang", window)),
    ]
    try:
        from app.ui.protection.schoolroll import SchoolRollWizard

        direct.append(("SchoolRollWizard", lambda: SchoolRollWizard(ctx, window)))
    except ImportError:
        pass
    try:
        from app.ui.i18n import LanguageDialog

        direct.append(("LanguageDialog", lambda: LanguageDialog(window)))
    except ImportError:
        pass
    try:
        from app.ui.errors import CrashDialog

        direct.append(("CrashDialog", lambda: CrashDialog("Traceback (most recent call last):\n  ...\nValueError", window)))
    except ImportError:
        pass
    try:
        from app.ui.children.transfer_dialog import TransferDialog  # 转出 (issue 16)

        direct.append(("TransferDialog", lambda: TransferDialog(ctx, cid, window)))
    except ImportError:
        pass
    try:
        from app.ui.duplicates.merge_dialog import MergeDialog

        if len(cids) >= 2:
            direct.append(("MergeDialog", lambda: MergeDialog(ctx, (cids[0], cids[1]), window)))
    except ImportError:
        pass
    return direct


def check_direct_dialogs(probe: Probe, direct: list) -> None:
    for name, make in direct:
        try:
            dlg = make()
        except Exception as exc:
            probe.problems.append({"window": name, "what": f"cannot open: {exc!r}"})
            continue
        probe.check(dlg, name)
        dlg.hide()


def check_menus(probe: Probe, window) -> None:
    """Every menu action (print previews, sync, tools, help)."""
    for menu in window.menuBar().findChildren(type(window.menuBar().actions()[0].menu())):
        for action in menu.actions():
            text = action.text().replace("&", "")
            if action.isSeparator() or not action.isEnabled() or action.menu() is not None:
                continue
            if re.search(r"退出|Quit|Exit|锁定|Lock|立即同步|Sync now|重启|Restart", text):
                continue
            print("menu", text, file=sys.stderr, flush=True)
            try:
                action.trigger()
            except Exception as exc:
                probe.problems.append({"window": f"menu {text}", "what": f"raised {exc!r}"})
            probe.settle()


def main(argv=None) -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("--lang", default="zh_CN")
    ap.add_argument("--shots", default="")
    ap.add_argument("--json", action="store_true")
    args = ap.parse_args(argv)

    from PySide6.QtWidgets import QApplication

    app = QApplication.instance() or QApplication(sys.argv[:1])
    from app.ui import i18n

    i18n.prepare_application(app, args.lang)
    shots = Path(args.shots) if args.shots else None
    if shots:
        shots.mkdir(parents=True, exist_ok=True)
    probe = Probe(app, shots)
    avail = probe.avail
    patch_modal_dialogs(probe)

    from app.ui.demo_store import create_demo_store

    tmp = Path(tempfile.mkdtemp(prefix="tonghu-fit-"))
    store = create_demo_store(tmp / "demo.store", children=40)
    from app.ui.context import UiContext

    ctx = UiContext(store)
    from app.data.models import Child

    with store.read_session() as s:
        cids = [c.id for c in s.query(Child).filter(Child.deleted.is_(False)).order_by(Child.name).limit(3)]

    # -- start-up dialogs
    from app.ui.app import FirstRunDialog, LoginDialog

    probe.check(FirstRunDialog(tmp / "new.store"), "FirstRunDialog")
    probe.check(LoginDialog(tmp / "demo.store"), "LoginDialog")

    from app.ui.main_window import MainWindow

    window = MainWindow(ctx)
    window.resize(avail.size())
    window.move(avail.topLeft())
    window.showMaximized()
    probe.settle()
    check_pages(probe, window)
    check_child_file(probe, ctx, window, cids[0])
    check_direct_dialogs(probe, direct_dialogs(ctx, store, window, cids))
    check_menus(probe, window)

    store.close()
    result = {"screen": [avail.width(), avail.height()], "checked": probe.seen, "problems": probe.problems}
    if args.json:
        print(json.dumps(result, ensure_ascii=False))
    else:
        print(f"screen {avail.width()}×{avail.height()}, {len(probe.seen)} windows checked")
        for p in probe.problems:
            print("PROBLEM", json.dumps(p, ensure_ascii=False))
    os._exit(0)  # skip Qt's teardown of the patched dialogs


if __name__ == "__main__":
    sys.exit(main())
