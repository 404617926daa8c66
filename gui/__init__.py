"""The PySide6 desktop user interface; it calls services only."""
