"""Text tones are palette colours: they show under the application's style sheet and without it."""

from __future__ import annotations

from PySide6.QtGui import QColor, QPalette
from PySide6.QtWidgets import QApplication, QLabel

from gui.app import install_style
from gui.widgets.field_error import FieldErrorLabel
from gui.widgets.tone import ALERT, ERROR, HINT, custom, set_tone

WINDOW_TEXT = QPalette.ColorRole.WindowText


def _draws_red(label: QLabel) -> bool:
    """Whether the label's text is drawn in the error red (anti-aliased: red well above green and blue)."""
    label.resize(label.sizeHint())
    image = label.grab().toImage()
    pixels = (image.pixelColor(x, y) for x in range(image.width()) for y in range(image.height()))
    return any(c.red() > 150 and c.green() < 90 and c.blue() < 90 for c in pixels)


def test_a_tone_sets_colour_and_weight_and_none_returns_the_window_look(qtbot) -> None:
    label = QLabel("逾期 3")
    qtbot.addWidget(label)
    ink = label.palette().color(WINDOW_TEXT).name()
    set_tone(label, ALERT)
    assert label.palette().color(WINDOW_TEXT).name() == "#b3261e"
    assert label.font().bold()
    assert label.property("tone") == "alert"
    set_tone(label, HINT)
    assert label.palette().color(WINDOW_TEXT).name() == HINT.colour
    assert not label.font().bold()
    set_tone(label, None)
    assert label.palette().color(WINDOW_TEXT).name() == ink
    assert label.property("tone") is None


def test_a_tone_is_drawn_under_the_applications_style_sheet(qtbot) -> None:
    app = QApplication.instance()
    assert isinstance(app, QApplication)
    install_style(app)  # the sheet no longer colours every widget: the palette's colour must win
    label = FieldErrorLabel("clientMobileEdit")
    qtbot.addWidget(label)
    label.show_error("必填 required")
    assert label.property("tone") == ERROR.name
    assert _draws_red(label)
    plain = QLabel("必填 required")
    qtbot.addWidget(plain)
    assert not _draws_red(plain)


def test_a_custom_tone_keeps_the_colour_it_was_given(qtbot) -> None:
    label = QLabel("按时")
    qtbot.addWidget(label)
    set_tone(label, custom(QColor("#1e6b34"), bold=True))
    assert label.palette().color(WINDOW_TEXT).name() == "#1e6b34"
    assert label.font().bold()
