"""Screenshots for docs/用户手册.md, made from the demo store with the real windows (`make docs`).

Creates a temporary demo store (app.data.demo.generate through app.ui.demo_store, a fictitious
village), opens the real dialogs and main window offscreen at the size of a 1366×768 laptop
screen with 125 % Windows scaling (1093×614 logical pixels, scale 1.25), and saves each main
screen to docs/images/*.png. Dialogs that open from a button are captured while they are open
and then cancelled, so nothing is saved. The English main window is captured too (en-*.png) to
check the translation. Run again whenever the screens change; the images are committed.
"""

from __future__ import annotations

import os
import sys
import tempfile
import traceback
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
OUT = ROOT / "docs" / "images"

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
os.environ["QT_SCALE_FACTOR"] = "1.25"   # 125 % Windows scaling
os.environ["TONGHU_FAST_KDF"] = "1"      # a throw-away demo store; key derivation cost is irrelevant
os.environ["TONGHU_LANG"] = "zh_CN"
_tmp = tempfile.TemporaryDirectory(prefix="tonghu-docs-")
os.environ["TONGHU_CONFIG_DIR"] = str(Path(_tmp.name) / "config")

from PySide6.QtCore import QPoint, QTimer  # noqa: E402
from PySide6.QtWidgets import QAbstractButton, QApplication, QDialog, QTabWidget, QWidget  # noqa: E402

SCREEN = (1093, 614)  # 1366×768 at 125 %
made: list[str] = []
failed: list[str] = []


def settle(ms: int = 150) -> None:
    app = QApplication.instance()
    for _ in range(5):
        app.processEvents()
    if ms:
        QTimer.singleShot(ms, lambda: None)
        app.processEvents()


def save(widget: QWidget, name: str) -> None:
    settle()
    pixmap = widget.grab()
    path = OUT / f"{name}.png"
    if not pixmap.save(str(path)):
        raise RuntimeError(f"could not write {path}")
    made.append(path.name)
    print(f"  {path.relative_to(ROOT)}  {pixmap.width()}×{pixmap.height()}")


def shot(name: str):
    """Decorator-ish runner: a failing screen is reported and skipped, the rest still run."""
    def run(fn, *args):
        try:
            fn(*args)
        except Exception:
            failed.append(name)
            print(f"  !! {name} failed:\n{traceback.format_exc()}", file=sys.stderr)
    return run


def find_button(root: QWidget, *texts: str) -> QAbstractButton | None:
    for button in root.findChildren(QAbstractButton):
        label = button.text().replace("&", "")
        if any(t == label or t == button.objectName() for t in texts) and button.isVisible() and button.isEnabled():
            return button
    return None


def capture_modal(trigger, name: str, size: tuple[int, int] | None = None) -> None:
    """Call `trigger()` (which opens a modal dialog with exec()), grab the dialog, cancel it."""
    grabbed = []

    def grab():
        dialog = QApplication.activeModalWidget()
        if dialog is None:
            return
        if size:
            dialog.resize(*size)
        save(dialog, name)
        grabbed.append(name)
        if isinstance(dialog, QDialog):
            dialog.reject()
        else:
            dialog.close()

    QTimer.singleShot(600, grab)
    trigger()
    settle(0)
    if not grabbed:
        raise RuntimeError(f"no dialog opened for {name}")


def child_tabs(window, child_id: str) -> None:
    """Every tab of one child's file."""
    from app.ui import registry

    window.show_child(child_id)
    settle()
    tabs = window.child_file.findChild(QTabWidget, "childTabs")
    keys = [e.key for e in registry.CHILD_TABS]
    for i in range(tabs.count()):
        tabs.setCurrentIndex(i)
        key = keys[i] if i < len(keys) else str(i)
        shot(f"child-{key}")(save, window, f"child-{key}")


def dialog_from_tab(window, tab_key: str, button_texts: tuple[str, ...], name: str, size=None) -> None:
    """A dialog that opens from a button on one of the child file's tabs."""
    from app.ui import registry

    tabs = window.child_file.findChild(QTabWidget, "childTabs")
    keys = [e.key for e in registry.CHILD_TABS]
    tabs.setCurrentIndex(keys.index(tab_key))
    settle()
    button = find_button(tabs.currentWidget(), *button_texts)
    if button is None:
        raise RuntimeError(f"no button {button_texts} on tab {tab_key}")
    capture_modal(button.click, name, size)


def menu(window, name: str, title: str) -> None:
    """One of the main window's menus, popped up."""
    m = window.menus[title]
    m.popup(window.mapToGlobal(QPoint(40, 20)))
    settle()
    save(m, name)
    m.close()


def print_dialog(window) -> None:
    """The 批量打印 options dialog, then the preview it opens."""
    actions = [a for a in window.menus["打印"].actions() if a.text().startswith("批量打印")]
    if not actions:
        raise RuntimeError("no 批量打印 action in the 打印 menu")
    seen = {}

    def preview():
        dialog = QApplication.activeModalWidget()
        if dialog is not None and dialog is not seen.get("options"):
            dialog.resize(*SCREEN)
            save(dialog, "print-preview")
            dialog.reject()

    def options():
        dialog = QApplication.activeModalWidget()
        if dialog is None:
            return
        seen["options"] = dialog
        save(dialog, "print-dialog")
        button = find_button(dialog, "预览")
        if button is None:
            dialog.reject()
            return
        QTimer.singleShot(2500, preview)
        button.click()
        settle(0)
        if QApplication.activeModalWidget() is dialog:
            dialog.reject()

    QTimer.singleShot(600, options)
    actions[0].trigger()
    settle(0)


def sync_enrol(window) -> None:
    """The 登记本设备 dialog of the 同步 menu."""
    actions = [a for a in window.menus["同步"].actions() if a.text().startswith("登记本设备")]
    if not actions:
        raise RuntimeError("no 登记本设备 action in the 同步 menu")
    capture_modal(actions[0].trigger, "sync-enrol")


def main() -> int:
    from app.ui import i18n, registry
    from app.ui.app import FirstRunDialog, LoginDialog, make_application
    from app.ui.context import UiContext
    from app.ui.demo_store import DEMO_PASSWORD, DEMO_USER, create_demo_store
    from app.data.store import Store

    OUT.mkdir(parents=True, exist_ok=True)
    app = make_application([sys.argv[0]])
    tmp = Path(_tmp.name)
    store_path = tmp / "demo.store"
    print("creating the demo store…")
    create_demo_store(store_path).close()

    def first_run():
        dialog = FirstRunDialog(tmp / "new.store")
        dialog.show()
        save(dialog, "first-run")
        dialog.close()

    def login():
        dialog = LoginDialog(store_path)
        dialog.password.setText("")
        dialog.show()
        save(dialog, "login")
        dialog.close()

    shot("first-run")(first_run)
    shot("login")(login)

    store = Store.open(store_path, DEMO_PASSWORD, user=DEMO_USER)
    ctx = UiContext(store)
    registry.register_all()

    def main_window(prefix: str = ""):
        from app.ui.main_window import MainWindow

        window = MainWindow(ctx)
        window.resize(*SCREEN)
        window.show()
        settle()
        return window

    window = main_window()
    for entry in registry.PAGES:
        def page(key=entry.key):
            window.show_page(key)
            save(window, f"page-{key}")
        shot(f"page-{entry.key}")(page)

    # A child's file: the first red child if there is one, else the first child.
    from sqlalchemy import select

    from app.data.models import Child

    with store.read_session() as s:
        child_id = (s.scalar(select(Child.id).where(Child.colour == "红", Child.deleted.is_(False)).limit(1))
                    or s.scalar(select(Child.id).where(Child.deleted.is_(False)).limit(1)))

    shot("child-file")(child_tabs, window, child_id)

    shot("visit-form")(dialog_from_tab, window, "visits", ("记录走访…",), "visit-form")
    shot("assessment-form")(dialog_from_tab, window, "assessment", ("新的评估…", "assessButton"), "assessment-form")
    if any(e.key == "reports" for e in registry.CHILD_TABS):
        shot("report-form")(dialog_from_tab, window, "reports", ("新建强制报告",), "report-form")
    window.back_from_child()

    for title, key in (("文件", "file"), ("打印", "print"), ("同步", "sync"), ("工具", "tools")):
        shot(f"menu-{key}")(menu, window, f"menu-{key}", title)

    shot("print-dialog")(print_dialog, window)

    shot("sync-enrol")(sync_enrol, window)

    def language_dialog():
        dialog = i18n.LanguageDialog(window)
        dialog.show()
        save(dialog, "language")
        dialog.close()

    shot("language")(language_dialog)
    window.close()

    # The same main window in English (checks the translation; not used by the Chinese guide).
    i18n.install_translator(app, "en")
    window = main_window()
    for key in ("dashboard", "children"):
        def page_en(key=key):
            window.show_page(key)
            save(window, f"en-page-{key}")
        shot(f"en-page-{key}")(page_en)
    shot("en-child")(lambda: (window.show_child(child_id), save(window, "en-child")))
    shot("en-menu-tools")(menu, window, "en-menu-tools", "工具")
    window.close()
    i18n.install_translator(app, "zh_CN")

    store.close()
    print(f"{len(made)} screenshots in {OUT.relative_to(ROOT)}" + (f"; failed: {', '.join(failed)}" if failed else ""))
    return 1 if not made or any(n.startswith("page-") for n in failed) else 0


if __name__ == "__main__":
    code = main()
    _tmp.cleanup()
    sys.stdout.flush()
    sys.stderr.flush()
    # Skip interpreter teardown: destroying the windows and the app in arbitrary order at exit
    # can crash Qt offscreen after all the work is done.
    os._exit(code)
