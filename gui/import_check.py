"""A faster answer to PySide6's question "does this module use PySide6?", asked at every import.

Once ``PySide6.QtCore`` is imported, PySide6 replaces ``__import__`` to support its optional
``from __feature__ import snake_case, true_property`` (which this program does not use). Since
then, every module that an ``import`` statement touches for the first time — SQLAlchemy's, the
standard library's, ours: about 400 at start-up — is checked once by
``shibokensupport.feature._mod_uses_pyside``, which reads the module's whole source through
``inspect.getsource`` (tokenising it into lines and keeping them in ``linecache``) to see whether
the text "PySide6" occurs in it. That costs 50–70 ms of every start-up
(docs/architecture.md "Start-up").

``install()`` replaces that check by one giving the same answer for the same module — the
source file's bytes contain "PySide6" — without decoding, splitting or caching them. It changes
nothing when PySide6's internals differ from the ones it was written against (checked as
installed; tests/gui/test_import_check.py).
"""

from __future__ import annotations

import sys
from collections.abc import Callable
from types import ModuleType

_NEEDLE = b"PySide6"
_original: Callable[[ModuleType], bool] | None = None


def uses_pyside(module: ModuleType) -> bool:
    """True when ``module``'s source file mentions PySide6 (the test PySide6 makes, read as bytes).

    A module without a plain ``.py`` file (built in, frozen, an extension, in a zip archive) is
    left to PySide6's own check; an unreadable file gives False, as ``inspect.getsource``'s
    ``OSError`` does there.
    """
    path = getattr(module, "__file__", None)
    if not isinstance(path, str) or not path.endswith(".py") or _original is None:
        return _original(module) if _original is not None else False
    try:
        with open(path, "rb") as source:
            return _NEEDLE in source.read()
    except OSError:
        return False


def install() -> bool:
    """Use ``uses_pyside`` for PySide6's check; True when it was installed."""
    feature = sys.modules.get("shibokensupport.feature")
    original = getattr(feature, "_mod_uses_pyside", None)
    if feature is None or not callable(original) or not isinstance(getattr(feature, "pyside_feature_dict", None),
                                                                   dict):
        return False
    if original is not uses_pyside:
        global _original
        _original = original
        feature._mod_uses_pyside = uses_pyside  # type: ignore[attr-defined]
    return True
