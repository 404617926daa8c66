"""The PySide6 desktop user interface; it calls services only."""

import PySide6.QtCore  # noqa: F401  (installs PySide6's import hook, which the next line speeds up)

from gui import import_check

import_check.install()
