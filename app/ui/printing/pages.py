"""PDF pages to images with pypdfium2 (PDFium), for the preview and for printing through Qt."""

from __future__ import annotations

import pypdfium2 as pdfium
from PySide6.QtGui import QImage


class PdfPages:
    """An in-memory PDF whose pages render to QImages at a given resolution."""

    def __init__(self, data: bytes):
        self.data = data
        self.doc = pdfium.PdfDocument(data)

    def __len__(self) -> int:
        return len(self.doc)

    def size_pt(self, index: int) -> tuple[float, float]:
        return self.doc[index].get_size()

    def image(self, index: int, dpi: float = 96) -> QImage:
        page = self.doc[index]
        bitmap = page.render(scale=dpi / 72, force_bitmap_format=pdfium.raw.FPDFBitmap_BGRA, rev_byteorder=False)
        image = QImage(bitmap.buffer, bitmap.width, bitmap.height, bitmap.stride, QImage.Format_ARGB32)
        return image.copy()  # own the pixels: the bitmap's buffer is freed with it

    def close(self) -> None:
        self.doc.close()
