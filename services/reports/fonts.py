"""Registers the bundled CJK TrueType font with ReportLab, once per process."""

from __future__ import annotations

import threading

from reportlab import rl_config
from reportlab.lib.fonts import addMapping
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont

from resources import font_path

FONT_NAME = "WenQuanYiMicroHei"
_lock = threading.Lock()  # the GUI renders on a worker thread; the CLI and tests on the main one


def register_fonts() -> str:
    """The ReportLab name of the sheet font, registering it on first use.

    A ReportLab ``TTFont`` is embedded as subsets of the glyphs a document
    uses, so the sheet looks the same in any viewer and stays small. Bold and
    italic map to the same face: the font has none, and without the mapping a
    stray ``<b>`` would fall back to Helvetica, which is not embedded.
    """
    with _lock:
        if FONT_NAME not in pdfmetrics.getRegisteredFontNames():
            # subfontIndex 0: WenQuanYi Micro Hei (1 is its monospaced sibling).
            pdfmetrics.registerFont(TTFont(FONT_NAME, str(font_path()), subfontIndex=0))
            for bold in (0, 1):
                for italic in (0, 1):
                    addMapping(FONT_NAME, bold, italic, FONT_NAME)
            # Plain binary (Flate only) streams: ASCII85 on top makes files 25 % larger and,
            # without ReportLab's optional C accelerator, costs more time than the layout.
            rl_config.useA85 = 0
    return FONT_NAME
