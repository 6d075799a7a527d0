"""Issue 13: menus have Alt shortcuts, window titles don't repeat the app name (Qt appends it),
the 评估标准 view shows no file path, and 帮助 → 用户手册 opens the guide inside the app."""

from __future__ import annotations

from pathlib import Path

from app.ui.main_window import MainWindow, menu_title


def test_menus_have_alt_shortcuts_and_titles_no_app_name(qtbot, ctx, kids, tmp_path):
    from app.ui.app import FirstRunDialog

    window = MainWindow(ctx)
    qtbot.addWidget(window)
    titles = [m.title() for m in window.menus.values()]
    assert titles == ["文件(&F)", "打印(&P)", "同步(&S)", "工具(&T)", "帮助(&H)"]
    assert menu_title("File", "F") == "&File" and menu_title("Sync", "S") == "&Sync" and menu_title("Help", "H") == "&Help"
    assert "童护" not in window.windowTitle() and "东山村" in window.windowTitle()
    first = FirstRunDialog(tmp_path / "new.store")
    qtbot.addWidget(first)
    assert "童护" not in first.windowTitle()


def test_policy_view_shows_no_file_path(qtbot):
    from app.ui.visits.policy_view import PolicyDialog

    dlg = PolicyDialog()
    qtbot.addWidget(dlg)
    text = dlg.view.toPlainText()
    assert ".toml" not in text and "/" not in text.replace("一月一访", "") and "\\" not in text
    assert "以县民政局规定为准" in text


def test_help_opens_the_user_guide_in_the_app(qtbot, ctx, kids):
    from PySide6.QtGui import QKeySequence

    from app.ui.help_view import HelpDialog

    window = MainWindow(ctx)
    qtbot.addWidget(window)
    actions = {a.text(): a for a in window.menus["帮助"].actions()}
    guide_action = actions["用户手册"]
    assert guide_action.shortcut() == QKeySequence(QKeySequence.HelpContents)
    guide_action.trigger()
    dlg = window.guide
    assert isinstance(dlg, HelpDialog) and dlg.isVisible() and dlg.found
    text = dlg.view.toPlainText()
    assert "首次设置" in text and "走访" in text and "![" not in text   # rendered, not raw markdown
    assert Path(dlg.view.source().toLocalFile()).name == "用户手册.md"
    dlg.close()
