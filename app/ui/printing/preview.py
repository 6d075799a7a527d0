"""The print preview: shows the pages first, then prints through the Qt print dialog
(QtPrintSupport, to any installed printer) or saves the PDF where the user chooses."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QRectF, QStandardPaths, Qt
from PySide6.QtGui import QPainter, QPixmap
from PySide6.QtWidgets import (
    QApplication, QDialog, QFileDialog, QHBoxLayout, QLabel, QMessageBox, QPushButton, QScrollArea, QVBoxLayout, QWidget,
)

from app.ui.printing.pages import PdfPages

PREVIEW_LIMIT = 30  # pages rendered on screen; printing and saving always take all pages
PREVIEW_DPI = 80
PREVIEW_WIDTH = 840  # pixels a page may take in the preview
PRINT_DPI = 200


class PrintPreviewDialog(QDialog):
    def __init__(self, data: bytes, title: str, file_name: str = "打印.pdf", parent=None):
        super().__init__(parent)
        self.data = data
        self.file_name = file_name
        self.pages = PdfPages(data)
        self.setWindowTitle(self.tr("打印预览 — {t}").format(t=title))
        self.resize(900, 700)

        count = len(self.pages)
        shown = min(count, PREVIEW_LIMIT)
        info = self.tr("共 {n} 页").format(n=count)
        if shown < count:
            info += self.tr("（预览前 {k} 页，打印和保存包括全部页面）").format(k=shown)
        self.info = QLabel(info)
        self.saved = QLabel()  # where 保存为PDF put the file (issue 13)
        self.saved.setObjectName("savedTo")
        self.saved.setTextFormat(Qt.PlainText)
        self.saved.setTextInteractionFlags(Qt.TextSelectableByMouse)
        self.saved.setStyleSheet("color:#188038;")
        self.saved.setWordWrap(True)
        self.saved.hide()

        holder = QWidget()
        column = QVBoxLayout(holder)
        column.setAlignment(Qt.AlignHCenter)
        self.page_labels = []
        for i in range(shown):
            label = QLabel()
            width_in = self.pages.size_pt(i)[0] / 72
            dpi = min(PREVIEW_DPI, PREVIEW_WIDTH / width_in)  # a landscape page fits the window too
            label.setPixmap(QPixmap.fromImage(self.pages.image(i, dpi)))
            label.setStyleSheet("background: white; border: 1px solid #999;")
            column.addWidget(label)
            self.page_labels.append(label)
        scroll = QScrollArea()
        scroll.setWidget(holder)
        scroll.setWidgetResizable(True)
        scroll.setStyleSheet("QScrollArea { background: #777; }")

        self.print_button = QPushButton(self.tr("打印…"))
        self.save_button = QPushButton(self.tr("保存为PDF…"))
        self.close_button = QPushButton(self.tr("关闭"))
        self.print_button.setDefault(True)
        self.print_button.clicked.connect(self.print_pages)
        self.save_button.clicked.connect(self.save_pdf)
        self.close_button.clicked.connect(self.reject)
        buttons = QHBoxLayout()
        buttons.addWidget(self.info, 1)
        for b in (self.print_button, self.save_button, self.close_button):
            b.setMinimumHeight(32)
            buttons.addWidget(b)

        layout = QVBoxLayout(self)
        layout.addWidget(scroll, 1)
        layout.addWidget(self.saved)
        layout.addLayout(buttons)

    # -- actions -------------------------------------------------------------
    @staticmethod
    def documents_folder() -> Path:
        """The user's Documents folder (文档), where a saved PDF goes unless the user picks another."""
        folder = QStandardPaths.writableLocation(QStandardPaths.DocumentsLocation)
        return Path(folder) if folder else Path.home()

    def default_save_path(self) -> Path:
        return self.documents_folder() / self.file_name

    def save_pdf(self, path: str | None = None) -> Path | None:
        if not path:
            path, _ = QFileDialog.getSaveFileName(self, self.tr("保存PDF"), str(self.default_save_path()),
                                                  self.tr("PDF 文件 (*.pdf)"))
        if not path:
            return None
        target = Path(path)
        if target.suffix.lower() != ".pdf":
            target = target.with_suffix(".pdf")
        try:
            target.write_bytes(self.data)
        except OSError as exc:
            QMessageBox.warning(self, self.tr("保存失败"), self.tr("无法保存文件：{e}").format(e=exc))
            return None
        self.saved.setText(self.tr("已保存到：{p}").format(p=str(target.resolve())))
        self.saved.show()
        return target

    def print_pages(self) -> None:
        from PySide6.QtPrintSupport import QPrintDialog, QPrinter

        printer = QPrinter(QPrinter.HighResolution)
        printer.setDocName(self.file_name)
        first_w, first_h = self.pages.size_pt(0)
        from PySide6.QtGui import QPageLayout

        printer.setPageOrientation(QPageLayout.Landscape if first_w > first_h else QPageLayout.Portrait)
        dialog = QPrintDialog(printer, self)
        dialog.setWindowTitle(self.tr("打印"))
        if dialog.exec() != QDialog.Accepted:
            return
        self.paint_to(printer)

    def paint_to(self, printer) -> None:
        """Draw every page (or the range the user chose) onto the printer, page by page."""
        count = len(self.pages)
        first, last = 1, count
        if printer.fromPage() > 0:
            first, last = printer.fromPage(), min(count, printer.toPage() or count)
        painter = QPainter()
        if not painter.begin(printer):
            QMessageBox.warning(self, self.tr("打印失败"), self.tr("无法连接打印机，请检查打印机是否开启。"))
            return
        QApplication.setOverrideCursor(Qt.WaitCursor)
        try:
            for n in range(first - 1, last):
                if n > first - 1:
                    printer.newPage()
                image = self.pages.image(n, PRINT_DPI)
                target = QRectF(painter.viewport())
                scale = min(target.width() / image.width(), target.height() / image.height())
                w, h = image.width() * scale, image.height() * scale
                painter.drawImage(QRectF(target.x() + (target.width() - w) / 2, target.y(), w, h), image)
        finally:
            painter.end()
            QApplication.restoreOverrideCursor()

    def done(self, result: int) -> None:
        self.pages.close()
        super().done(result)
