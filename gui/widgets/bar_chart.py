"""A small horizontal bar chart painted with QPainter (this PySide6 has no QtCharts): progress against targets."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from PySide6.QtCore import QRectF, QSize, Qt
from PySide6.QtGui import QColor, QPainter, QPaintEvent, QPen
from PySide6.QtWidgets import QSizePolicy, QWidget

DONE = QColor("#2e7d4f")
SHORT = QColor("#3b6ea8")
TRACK = QColor("#e4e9f0")
INK = QColor("#21262f")
MUTED = QColor("#6b7280")


@dataclass(frozen=True)
class Bar:
    """One bar: its label, how far it got (0..1; None: no target, drawn empty) and the text at its end."""

    label: str
    ratio: float | None
    text: str


class BarChart(QWidget):
    """Bars from left to right, one a line: the label, the track with the filled part, the figures.

    A bar that reached its target is green; ``bars()`` hands back what is drawn (for tests).
    """

    ROW = 26

    def __init__(self, parent: QWidget | None = None, *, label_width: int = 120) -> None:
        super().__init__(parent)
        self._bars: tuple[Bar, ...] = ()
        self._label_width = label_width
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)

    def set_bars(self, bars: Sequence[Bar]) -> None:
        self._bars = tuple(bars)
        self.updateGeometry()
        self.setMinimumHeight(self._height())
        self.update()

    def bars(self) -> tuple[Bar, ...]:
        return self._bars

    def clear(self) -> None:
        self.set_bars(())

    def _height(self) -> int:
        return max(1, len(self._bars)) * self.ROW + 8

    def sizeHint(self) -> QSize:
        return QSize(420, self._height())

    def paintEvent(self, _event: QPaintEvent) -> None:
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        metrics = painter.fontMetrics()
        text_width = max((metrics.horizontalAdvance(b.text) for b in self._bars), default=0) + 12
        track_left = self._label_width + 8
        track_width = max(20, self.width() - track_left - text_width - 4)
        for i, bar in enumerate(self._bars):
            top = 4 + i * self.ROW
            painter.setPen(QPen(INK))
            painter.drawText(QRectF(0, top, self._label_width, self.ROW - 6),
                             int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter),
                             metrics.elidedText(bar.label, Qt.TextElideMode.ElideRight, self._label_width))
            track = QRectF(track_left, top + 4, track_width, self.ROW - 14)
            painter.setPen(Qt.PenStyle.NoPen)
            painter.setBrush(TRACK)
            painter.drawRoundedRect(track, 3, 3)
            if bar.ratio is not None and bar.ratio > 0:
                filled = QRectF(track.left(), track.top(), track.width() * min(1.0, bar.ratio), track.height())
                painter.setBrush(DONE if bar.ratio >= 1 else SHORT)
                painter.drawRoundedRect(filled, 3, 3)
            painter.setPen(QPen(INK if bar.ratio is not None else MUTED))
            painter.drawText(QRectF(track.right() + 6, top, text_width, self.ROW - 6),
                             int(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter), bar.text)
        painter.end()
