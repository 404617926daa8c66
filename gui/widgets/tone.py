"""The few text tones a window uses — a hint, an error, an alert, saved — set through the palette.

A label's colour is set here, never with a style sheet of its own. A widget with its own
sheet gets its own copy of the style-sheet machinery: polishing it costs several times a plain
widget's, and so does every move to a new parent while a page is built — the RM's start paid
about 30 ms for some sixty such labels (docs/architecture.md "Start-up"). A palette colour costs
nothing extra, shows on any window, styled or not, and a disabled label still greys out.

The tone's name is kept in the widget's ``tone`` property, for tests and for anyone reading
the widget tree.
"""

from __future__ import annotations

from typing import TypeVar

from PySide6.QtGui import QColor, QPalette
from PySide6.QtWidgets import QWidget

_W = TypeVar("_W", bound=QWidget)

_GROUPS = (QPalette.ColorGroup.Active, QPalette.ColorGroup.Inactive)
_ROLES = (QPalette.ColorRole.WindowText, QPalette.ColorRole.Text, QPalette.ColorRole.ButtonText)

# The ink of all text: the application's palette (gui.app.install_style), not a style-sheet rule
# that matches every widget (resources/style.qss says why).
INK = "#1f2933"


class Tone:
    """A text colour (or none: the window's ink) and whether the text is bold."""

    __slots__ = ("bold", "colour", "name")

    def __init__(self, name: str, colour: str | None, bold: bool = False) -> None:
        self.name, self.colour, self.bold = name, colour, bold

    def __repr__(self) -> str:
        return f"Tone({self.name!r}, {self.colour!r}, bold={self.bold})"


HINT = Tone("hint", "#5b6b7b")  # explanations and counts beside a list or a form
ERROR = Tone("error", "#b3261e")  # a field's message (gui/widgets/field_error.py)
ALERT = Tone("alert", "#b3261e", bold=True)  # overdue, revealed personal data
DUE_TODAY = Tone("dueToday", "#7a4f01", bold=True)
CAUTION = Tone("caution", "#8a6d00")  # late, but accepted
SAVED = Tone("saved", "#1b5e20", bold=True)
TITLE = Tone("title", None, bold=True)


def custom(colour: QColor | str, *, bold: bool = False) -> Tone:
    """A tone for a colour that comes with the data (a state's colour on the weekly summary)."""
    return Tone("custom", QColor(colour).name(), bold)


def with_text_colour(palette: QPalette, colour: QColor | str) -> QPalette:
    """``palette`` with its text in ``colour`` while enabled; disabled text keeps the style's grey."""
    colour = QColor(colour)
    for group in _GROUPS:
        for role in _ROLES:
            palette.setColor(group, role, colour)
    return palette


def set_tone(widget: _W, tone: Tone | None) -> _W:
    """Give ``widget``'s text ``tone``; ``None`` returns it to the window's own look."""
    palette = QPalette()  # nothing set: every role comes from the parent until a colour is set
    if tone is not None and tone.colour is not None:
        palette = with_text_colour(palette, tone.colour)
    widget.setPalette(palette)
    bold = tone is not None and tone.bold
    if widget.font().bold() != bold:
        font = widget.font()
        font.setBold(bold)
        widget.setFont(font)
    widget.setProperty("tone", tone.name if tone is not None else None)
    return widget
