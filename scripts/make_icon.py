"""Draw Tonghu's app icon with QPainter (our own art): PNGs in several sizes and a Windows .ico.

A teal rounded square with a white roof sheltering a child (warm yellow) and a small red heart:
"a home that looks after the child". Run once after changing the drawing; the files are committed:
    .venv/bin/python scripts/make_icon.py
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtCore import QPointF, QRectF, Qt  # noqa: E402
from PySide6.QtGui import (  # noqa: E402
    QColor, QGuiApplication, QImage, QImageWriter, QLinearGradient, QPainter, QPainterPath, QPen,
)

OUT = Path(__file__).resolve().parent.parent / "resources" / "icons"
SIZES = (16, 24, 32, 48, 64, 128, 256)


def draw(size: int) -> QImage:
    img = QImage(size, size, QImage.Format.Format_ARGB32)
    img.fill(Qt.GlobalColor.transparent)
    p = QPainter(img)
    p.setRenderHint(QPainter.RenderHint.Antialiasing)
    p.scale(size / 256.0, size / 256.0)

    # Background: a calm teal rounded square.
    grad = QLinearGradient(0, 0, 0, 256)
    grad.setColorAt(0.0, QColor("#3a9c98"))
    grad.setColorAt(1.0, QColor("#1f5f5d"))
    p.setPen(Qt.PenStyle.NoPen)
    p.setBrush(grad)
    p.drawRoundedRect(QRectF(8, 8, 240, 240), 48, 48)

    # The roof: a thick white chevron.
    pen = QPen(QColor("#ffffff"), 22, Qt.PenStyle.SolidLine, Qt.PenCapStyle.RoundCap, Qt.PenJoinStyle.RoundJoin)
    p.setPen(pen)
    p.setBrush(Qt.BrushStyle.NoBrush)
    roof = QPainterPath(QPointF(46, 124))
    roof.lineTo(128, 52)
    roof.lineTo(210, 124)
    p.drawPath(roof)

    # The walls: two white posts under the roof.
    pen.setWidth(16)
    p.setPen(pen)
    p.drawLine(QPointF(72, 132), QPointF(72, 206))
    p.drawLine(QPointF(184, 132), QPointF(184, 206))

    # The child: head and body in warm yellow.
    p.setPen(Qt.PenStyle.NoPen)
    p.setBrush(QColor("#ffc94d"))
    p.drawEllipse(QPointF(128, 122), 22, 22)
    body = QPainterPath()
    body.moveTo(98, 206)
    body.cubicTo(98, 166, 108, 152, 128, 152)
    body.cubicTo(148, 152, 158, 166, 158, 206)
    body.closeSubpath()
    p.drawPath(body)

    # A small red heart above the child.
    p.setBrush(QColor("#e8504a"))
    heart = QPainterPath()
    heart.moveTo(128, 96)
    heart.cubicTo(112, 84, 112, 70, 121, 68)
    heart.cubicTo(125, 67, 128, 70, 128, 73)
    heart.cubicTo(128, 70, 131, 67, 135, 68)
    heart.cubicTo(144, 70, 144, 84, 128, 96)
    p.drawPath(heart)
    p.end()
    return img


def main() -> int:
    QGuiApplication.instance() or QGuiApplication(sys.argv)
    OUT.mkdir(parents=True, exist_ok=True)
    for size in SIZES:
        draw(size).save(str(OUT / f"tonghu-{size}.png"))
    writer = QImageWriter(str(OUT / "tonghu.ico"), b"ico")
    if not writer.write(draw(256)):
        print("could not write tonghu.ico:", writer.errorString(), file=sys.stderr)
        return 1
    print(f"icons written to {OUT}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
