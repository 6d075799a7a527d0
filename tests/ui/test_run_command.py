"""`tonghu run`: with TONGHU_DEMO=1 it builds the encrypted demo store beside the real one (never in
its place), logs in, shows the window."""

from __future__ import annotations

from PySide6.QtWidgets import QApplication, QDialog

from app.cli import build_parser
from app.ui import app as ui_app
from app.ui import demo_store
from app.ui.main_window import MainWindow


def test_run_demo_creates_store_and_opens_window(qtbot, tmp_path, monkeypatch):
    real = tmp_path / "tonghu.store"
    path = demo_store.demo_path(real)
    monkeypatch.setenv("TONGHU_DEMO", "1")
    monkeypatch.setattr(demo_store, "DEMO_CHILDREN", 20)
    hints = []

    def login(self):
        hint = self.findChild(type(self.message), "demoHint")
        hints.append(hint.text() if hint else "")
        self.password.setText(demo_store.DEMO_PASSWORD)
        self.login()
        return QDialog.Accepted if self.store else QDialog.Rejected

    windows = []

    def exec_app(self):
        windows.extend(w for w in QApplication.topLevelWidgets() if isinstance(w, MainWindow) and w.isVisible())
        for w in windows:
            w.close()
        return 0

    monkeypatch.setattr(ui_app.LoginDialog, "exec", login)
    monkeypatch.setattr(QApplication, "exec", exec_app)
    args = build_parser().parse_args(["run", "--store", str(real)])
    assert args.handler(args) == 0
    assert path.exists() and demo_store.is_demo(path) and path.name == "tonghu-demo.store"
    assert not real.exists()  # the real store's place stays free
    assert demo_store.DEMO_PASSWORD in hints[0]
    assert windows and "演示" in windows[0].windowTitle()
    # the demo's names are not readable in the file's bytes (encrypted)
    assert b"\xe4\xb8\x9c\xe5\xb1\xb1" not in path.read_bytes()  # 东山
