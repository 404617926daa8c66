"""Finds the application's bundled files (fonts, translations, icons, style sheet).

Everything goes through here (importlib.resources), never through paths
relative to the working directory.
"""

from __future__ import annotations

from importlib import resources as _res
from pathlib import Path

FONT_FILE = "wqy-microhei.ttc"
FONT_FAMILY = "WenQuanYi Micro Hei"


def path(*parts: str) -> Path:
    """The on-disk path of a bundled file (the package is installed unzipped)."""
    return Path(str(_res.files(__name__).joinpath(*parts)))


def font_path() -> Path:
    return path("fonts", FONT_FILE)


def i18n_dir() -> Path:
    return path("i18n")
