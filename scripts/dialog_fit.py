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


def main(argv=None) -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("--lang", default="zh_CN")
    ap.add_argument("--shots", default="")
    ap.add_argument("--json", action="store_true")
    args = ap.parse_args(argv)

    from PySide6.QtCore import QPoint, QRect
    from PySide6.QtWidgets import (
        QAbstractButton, QApplication, QDialog, QFileDialog, QInputDialog, QPushButton, QScrollArea, QWidget,
    )

    app = QApplication.instance() or QApplication(sys.argv[:1])
    from app.ui import i18n

    i18n.prepare_application(app, args.lang)
    screen = app.primaryScreen()
    avail = screen.availableGeometry()
    shots = Path(args.shots) if args.shots else None
    if shots:
        shots.mkdir(parents=True, exist_ok=True)
    problems: list[dict] = []
    seen: list[str] = []

    def settle() -> None:
        for _ in range(3):
            app.processEvents()

    def inside_scroll(w: QWidget, top: QWidget) -> bool:
        p = w.parentWidget()
        while p is not None and p is not top:
            if isinstance(p, QScrollArea):
                return True
            p = p.parentWidget()
        return False

    def check(win: QWidget, name: str) -> None:
        print("checking", name, file=sys.stderr, flush=True)
        win.show()
        settle()
        seen.append(name)
        frame = win.frameGeometry()
        if frame.width() > avail.width() + 1 or frame.height() > avail.height() + 1:
            problems.append({"window": name, "what": "window larger than the screen",
                             "size": [frame.width(), frame.height()], "screen": [avail.width(), avail.height()]})
        for b in win.findChildren(QAbstractButton):
            if not b.isVisibleTo(win) or b.width() <= 0 or not isinstance(b, QPushButton):
                continue
            in_scroll = inside_scroll(b, win)
            text = QAbstractButton.text(b).replace("&", "")
            if in_scroll and not MAIN_ACTION.search(text):
                continue  # buttons of a scrolling body may scroll; the dialog's own actions may not
            r = QRect(b.mapToGlobal(QPoint(0, 0)), b.size())
            if not avail.contains(r):
                problems.append({"window": name, "what": "button outside the screen", "button": text,
                                 "rect": [r.x(), r.y(), r.width(), r.height()]})
            elif in_scroll:
                problems.append({"window": name, "what": "main button inside a scroll area", "button": text})
        if shots:
            safe = re.sub(r"[^\w\u4e00-\u9fff-]+", "_", name)[:80]
            win.grab().save(str(shots / f"{len(seen):02d}_{safe}.png"))

    # every modal dialog opened below is checked instead of waiting for a person
    def fake_exec(self, *a):
        check(self, type(self).__name__ + ":" + (self.windowTitle() or "?"))
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
    from PySide6.QtWidgets import QMessageBox

    for fn in ("information", "warning", "critical", "about", "aboutQt"):
        setattr(QMessageBox, fn, staticmethod(lambda *a, **k: QMessageBox.Ok))
    QMessageBox.question = staticmethod(lambda *a, **k: QMessageBox.No)

    from app.ui.demo_store import create_demo_store

    tmp = Path(tempfile.mkdtemp(prefix="tonghu-fit-"))
    store = create_demo_store(tmp / "demo.store", children=40)
    from app.ui.context import UiContext

    ctx = UiContext(store)
    from app.data.models import Child

    with store.read_session() as s:
        cids = [c.id for c in s.query(Child).filter(Child.deleted.is_(False)).order_by(Child.name).limit(3)]
    cid = cids[0]

    # -- start-up dialogs
    from app.ui.app import FirstRunDialog, LoginDialog

    check(FirstRunDialog(tmp / "new.store"), "FirstRunDialog")
    check(LoginDialog(tmp / "demo.store"), "LoginDialog")

    # -- the main window and every page
    from app.ui import registry
    from app.ui.main_window import MainWindow

    window = MainWindow(ctx)
    window.resize(avail.size())
    window.move(avail.topLeft())
    window.showMaximized()
    settle()
    for entry in sorted(registry.PAGES, key=lambda e: e.order):
        try:
            window.show_page(entry.key)
        except Exception as exc:  # a page that cannot open is a finding, not a crash of the probe
            problems.append({"window": f"page {entry.key}", "what": f"cannot open: {exc!r}"})
            continue
        check(window, f"page {entry.key}")

    # -- the child's file, every tab, and the buttons in it that open dialogs
    ctx.open_child.emit(cid)
    settle()
    check(window, "child file")
    opener = re.compile(r"…|\.\.\.|添加|新增|新建|记录|登记|评估|编辑|打印|标记|Add|New|Record|Register|Assess|Edit|Print|Mark")
    for key, tab in list(window.child_file.tab_widgets.items()):
        window.child_file.tabs.setCurrentWidget(tab)
        settle()
        check(window, f"child tab {key}")
        for b in tab.findChildren(QPushButton):
            label = QAbstractButton.text(b)
            if b.isVisibleTo(tab) and b.isEnabled() and opener.search(label) and not re.search("删除|Delete|Remove", label):
                print("click", key, label, file=sys.stderr, flush=True)
                try:
                    b.click()
                except Exception as exc:
                    problems.append({"window": f"child tab {key}", "what": f"{label} raised {exc!r}"})
                settle()
    for b in (window.child_file.edit_button, window.child_file.transfer_button):
        if b.isVisible():
            b.click()
            settle()

    # -- dialogs opened directly
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
    for name, make in direct:
        try:
            dlg = make()
        except Exception as exc:
            problems.append({"window": name, "what": f"cannot open: {exc!r}"})
            continue
        check(dlg, name)
        dlg.hide()

    # -- every menu action (print previews, sync, tools, help)
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
                problems.append({"window": f"menu {text}", "what": f"raised {exc!r}"})
            settle()

    store.close()
    result = {"screen": [avail.width(), avail.height()], "checked": seen, "problems": problems}
    if args.json:
        print(json.dumps(result, ensure_ascii=False))
    else:
        print(f"screen {avail.width()}×{avail.height()}, {len(seen)} windows checked")
        for p in problems:
            print("PROBLEM", json.dumps(p, ensure_ascii=False))
    os._exit(0)  # skip Qt's teardown of the patched dialogs


if __name__ == "__main__":
    sys.exit(main())
