"""Fitting a list's columns to its first rows, once, cheaply.

Qt's ``resizeColumnToContents`` asks the model for every loaded row's text in that
column (up to 1 000 rows by default): with a window of 100 rows and twenty columns
that is thousands of Python ``data()`` calls on the GUI thread, about a tenth of a
second at the moment the RM's queue first appears (docs/architecture.md "Start-up").
The widths are taken from the rows in view instead, which are the rows the person
sees; the last column stretches to the edge, so it is left alone.
"""

from __future__ import annotations

from PySide6.QtWidgets import QTableView

ROWS_MEASURED = 0  # QHeaderView's precision: 0 = the rows in the visible area only


def fit_columns(table: QTableView) -> None:
    """Size every column but the last to its header and the rows in view."""
    model = table.model()
    if model is None:
        return
    header = table.horizontalHeader()
    kept = header.resizeContentsPrecision()
    header.setResizeContentsPrecision(ROWS_MEASURED)
    try:
        for column in range(model.columnCount() - 1):
            table.resizeColumnToContents(column)
    finally:
        header.setResizeContentsPrecision(kept)
