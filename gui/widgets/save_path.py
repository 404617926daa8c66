"""The one way a page asks where to save an export: a file dialog in the last folder used
(the Documents folder at first), with the export's suffix kept or added."""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

from PySide6.QtCore import QStandardPaths
from PySide6.QtWidgets import QFileDialog, QWidget


def documents_folder() -> Path:
    return Path(QStandardPaths.writableLocation(QStandardPaths.StandardLocation.DocumentsLocation) or Path.home())


def ask_save_path(parent: QWidget, title: str, folder: Path | None, file_name: str,
                  filters: Sequence[tuple[str, str]]) -> Path | None:
    """Where to save ``file_name``; None when the person cancels.

    ``filters`` are (suffix, translated filter text) pairs, the first the default. A chosen
    name without one of the suffixes gets the suffix of the filter chosen in the dialog.
    """
    chosen, chosen_filter = QFileDialog.getSaveFileName(parent, title, str((folder or documents_folder()) / file_name),
                                                        ";;".join(text for _suffix, text in filters))
    if not chosen:
        return None
    path = Path(chosen)
    if path.suffix.lower() in {suffix for suffix, _text in filters}:
        return path
    suffix = next((s for s, text in filters if text == chosen_filter), filters[0][0])
    return path.with_name(path.name + suffix)
