"""帮助 → 用户手册 (F1): the user guide (docs/用户手册.md) inside the app, with its screenshots.

No browser and no network: a village office laptop may have neither set up. The guide ships with
the program (build.spec bundles docs/用户手册.md and docs/images/).
"""

from __future__ import annotations

import sys
from pathlib import Path

from PySide6.QtCore import QUrl
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QTextBrowser, QVBoxLayout

GUIDE = "用户手册.md"


def docs_dir() -> Path:
    bundle = getattr(sys, "_MEIPASS", None)
    if bundle:
        return Path(bundle) / "docs"
    return Path(__file__).resolve().parents[2] / "docs"


class HelpDialog(QDialog):
    def __init__(self, parent=None):
        super().__init__(parent)
        self.setWindowTitle(self.tr("用户手册"))
        self.resize(900, 640)
        self.view = QTextBrowser()
        self.view.setObjectName("guideView")
        self.view.setOpenExternalLinks(True)
        guide = docs_dir() / GUIDE
        layout = QVBoxLayout(self)
        if guide.exists():
            self.view.setSearchPaths([str(guide.parent)])
            self.view.setSource(QUrl.fromLocalFile(str(guide)))
        else:
            self.view.setPlainText(self.tr("找不到用户手册（{p}）。请重新安装童护。").format(p=GUIDE))
        layout.addWidget(self.view, 1)
        buttons = QDialogButtonBox(QDialogButtonBox.Close)
        buttons.button(QDialogButtonBox.Close).setText(self.tr("关闭"))
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        self.found = guide.exists()
