"""The Qt binding keeps Python's reference counts (the exit crash of tests/sync/test_bundle_ui.py).

PySide6 6.12.0 drops a reference to `None` on every call of a method that returns nothing
(`label.setText`, `widget.show`, `processEvents` …). On Python 3.11, where `None` is an ordinary
object, a long session (or a test run) drives its count to zero and the interpreter aborts with
"Fatal Python error: none_dealloc", typically at exit. pyproject.toml pins a release without the
bug; this test fails on one that has it (on 3.12+ `None` is immortal and the count does not move).
"""

from __future__ import annotations

import sys

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QLabel


def test_void_calls_keep_the_reference_count_of_none(qtbot, qapp):
    label = QLabel("x")
    qtbot.addWidget(label)
    before = sys.getrefcount(None)
    for _ in range(500):
        label.setText("y")
        QCoreApplication.processEvents()
    lost = before - sys.getrefcount(None)
    assert lost < 100, f"{lost} references to None lost in 1,000 Qt calls: a PySide6 refcount bug"
