"""The printing UI: the 打印 menu entries and the child's-file tab are registered, the preview
shows every page of a document, and saving writes the PDF."""

from __future__ import annotations

from app.print import documents
from app.ui import registry


def test_print_menu_and_child_tab_registered():
    registry.register_all()
    keys = {e.key: e for e in registry.MENU_ACTIONS}
    for key in ("print-child", "print-visit", "print-due", "print-ledger", "print-screening", "print-report"):
        assert keys[key].menu == "打印"
        assert callable(keys[key].load())
    assert any(e.key == "print" for e in registry.CHILD_TABS)


def test_preview_shows_pages_and_saves(qtbot, village, tmp_path):
    from app.ui.printing.preview import PrintPreviewDialog

    store, facts = village
    data = documents.render(store, "child", child=facts["long_child"])
    dialog = PrintPreviewDialog(data, "儿童信息登记表")
    qtbot.addWidget(dialog)
    assert len(dialog.page_labels) == len(dialog.pages) >= 2
    pix = dialog.page_labels[0].pixmap()
    assert pix.height() > pix.width() > 300  # an A4 portrait page
    saved = dialog.save_pdf(str(tmp_path / "saved"))
    assert saved.name == "saved.pdf" and saved.read_bytes() == data


def test_preview_prints_every_page_to_a_pdf_printer(qtbot, village, tmp_path):
    from PySide6.QtPrintSupport import QPrinter

    from app.ui.printing.preview import PrintPreviewDialog

    store, facts = village
    data = documents.render(store, "ledger")
    dialog = PrintPreviewDialog(data, "月度走访台账")
    qtbot.addWidget(dialog)
    printer = QPrinter(QPrinter.HighResolution)
    printer.setOutputFormat(QPrinter.PdfFormat)
    printer.setOutputFileName(str(tmp_path / "printed.pdf"))
    printer.setResolution(100)
    dialog.paint_to(printer)
    from tests.print.conftest import pdf_pages

    assert pdf_pages(tmp_path / "printed.pdf") == len(dialog.pages)


def test_child_print_tab_lists_visits(qtbot, village):
    from app.ui.context import UiContext
    from app.ui.printing.actions import ChildPrintTab

    store, facts = village
    tab = ChildPrintTab(UiContext(store))
    qtbot.addWidget(tab)
    tab.load(facts["ids"][0])
    assert tab.visits.count() == 1 and tab.visit_button.isEnabled()


def test_printing_renders_on_the_store_worker_then_previews(qtbot, village):
    from PySide6.QtCore import QTimer
    from PySide6.QtWidgets import QApplication, QMessageBox, QWidget

    from app.ui.context import UiContext
    from app.ui.printing.actions import print_child_file
    from app.ui.printing.preview import PrintPreviewDialog

    store, facts = village
    window = QWidget()
    qtbot.addWidget(window)
    op = print_child_file(window, UiContext(store), facts["ids"][0])
    op.wait(60000)
    previews = window.findChildren(PrintPreviewDialog)
    assert op.error is None and len(previews) == 1 and previews[0].isVisible() and previews[0].pages
    previews[0].close()

    seen = []

    def close_box():
        box = QApplication.activeModalWidget()
        if isinstance(box, QMessageBox):
            seen.append(box.text())
            box.accept()
        else:
            QTimer.singleShot(20, close_box)

    QTimer.singleShot(0, close_box)
    op = print_child_file(window, UiContext(store), "no-such-child").wait(60000)
    assert seen and "找不到" in seen[0]  # the one error path: a calm message, not a crash
