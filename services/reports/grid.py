"""A ruled table that lays itself out one page at a time, fast enough for 20 000 rows.

ReportLab's ``Table`` measures and styles every cell and, for a table longer
than a page, splits it again and again; a single 20 000-row ``Table`` takes
about 20 s and even page-sized ``Table`` chunks spend ~45 µs per cell in the
generic text machinery. Here every row has the same height and every column a
fixed width, so a page-sized chunk is simple arithmetic: ``split`` cuts exactly
what fits under a repeated header, and ``draw`` writes one text block per chunk,
reusing the encoded form of each distinct string (numbers repeat endlessly).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any

from reportlab.lib.colors import Color, black
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import Flowable

ELLIPSIS = "…"


@dataclass(frozen=True)
class GridColumn:
    width: float  # points
    align: str = "left"  # "left" | "right" | "center"
    color: Color | None = None  # text colour; None: the style's


@dataclass(frozen=True)
class HeaderCell:
    text: str
    col: int
    row: int
    colspan: int = 1
    rowspan: int = 1


_LINE = Color(0.55, 0.58, 0.63)
_FRAME = Color(0.2, 0.22, 0.26)
_HEADER_FILL = Color(0.88, 0.91, 0.95)
_ZEBRA_FILL = Color(0.965, 0.97, 0.98)
_EMPHASIS_FILL = Color(0.9, 0.92, 0.96)


@dataclass(frozen=True)
class GridStyle:
    font: str
    size: float = 7.5
    header_size: float = 7.5
    caption_size: float = 10.5
    min_size: float = 5.5  # a long name shrinks down to this before it is cut with "…"
    row_height: float = 13.0
    header_line_height: float = 9.5
    caption_height: float = 18.0
    pad: float = 2.5
    text: Color = black
    line: Color = _LINE
    frame: Color = _FRAME
    header_fill: Color = _HEADER_FILL
    zebra_fill: Color | None = _ZEBRA_FILL
    emphasis_fill: Color = _EMPHASIS_FILL
    min_rows: int = 3  # fewer body rows than this at a page's foot: start on the next page


@dataclass(frozen=True)
class _Encoded:
    pieces: tuple[tuple[int, str], ...]  # (font subset, "(…) Tj")
    width: float  # at 1 pt


@dataclass
class GridSpec:
    """The shape of one table: columns, header, style. Belongs to one document build.

    The encoded-text cache depends on the document's font subsets, so a spec
    must not be shared between two PDFs.
    """

    columns: Sequence[GridColumn]
    header: Sequence[HeaderCell]
    header_rows: int
    style: GridStyle
    caption: str = ""
    continued: str = ""
    x: list[float] = field(init=False)
    header_heights: list[float] = field(init=False)
    header_lines: dict[int, list[str]] = field(init=False)
    _cache: dict[str, _Encoded] = field(init=False, default_factory=dict)
    _subset_names: dict[int, str] = field(init=False, default_factory=dict)
    _doc: Any = field(init=False, default=None)
    _ascii: bool | None = field(init=False, default=None)

    def __post_init__(self) -> None:
        self.x = [0.0]
        for col in self.columns:
            self.x.append(self.x[-1] + col.width)
        st = self.style
        lines: dict[int, list[str]] = {}
        need = [1] * self.header_rows
        for i, cell in enumerate(self.header):
            width = self.x[cell.col + cell.colspan] - self.x[cell.col] - 2 * st.pad
            lines[i] = wrap(cell.text, st.font, st.header_size, width)
            per_row = -(-len(lines[i]) // cell.rowspan)  # ceil: a tall cell shares its lines out
            for r in range(cell.row, cell.row + cell.rowspan):
                need[r] = max(need[r], per_row)
        self.header_lines = lines
        self.header_heights = [n * st.header_line_height + 2 * st.pad for n in need]

    @property
    def width(self) -> float:
        return self.x[-1]

    @property
    def header_height(self) -> float:
        return sum(self.header_heights)

    def top_height(self) -> float:
        return (self.style.caption_height if self.caption else 0.0) + self.header_height


def wrap(text: str, font: str, size: float, width: float) -> list[str]:
    """Wrap at spaces, or between any two Chinese characters, into lines of even length.

    Greedy wrapping would put 现有优质 as 现有优 / 质; the narrowest width that
    needs no more lines gives 现有 / 优质.
    """
    lines = _greedy(text, font, size, width)
    if len(lines) > 1:
        lo, hi = 0.0, width
        for _ in range(12):
            mid = (lo + hi) / 2
            if len(_greedy(text, font, size, mid)) <= len(lines):
                hi = mid
            else:
                lo = mid
        lines = _greedy(text, font, size, hi)
    return lines


def _greedy(text: str, font: str, size: float, width: float) -> list[str]:
    out: list[str] = []
    for para in text.split("\n"):
        line = ""
        for token in _tokens(para):
            trial = line + token
            if line and pdfmetrics.stringWidth(trial.rstrip(), font, size) > width:
                out.append(line.rstrip())
                line = token.lstrip()
            else:
                line = trial
        out.append(line.rstrip())
    return out or [""]


def _tokens(text: str) -> list[str]:
    tokens: list[str] = []
    word = ""
    for ch in text:
        if ch == " ":
            tokens.append(word + " ")
            word = ""
        elif ord(ch) > 0x2E7F:  # CJK: a line may break before any character
            if word:
                tokens.append(word)
                word = ""
            tokens.append(ch)
        else:
            word += ch
    if word:
        tokens.append(word)
    return tokens


def _rgb(color: Color, stroke: bool = False) -> str:
    return f"{color.red:.3f} {color.green:.3f} {color.blue:.3f} {'RG' if stroke else 'rg'}"


class Grid(Flowable):  # type: ignore[misc]  # ReportLab ships no type hints
    """Rows ``start:stop`` of a table under its header (and caption), page by page."""

    def __init__(self, spec: GridSpec, rows: Sequence[Sequence[str]], emphasis: frozenset[int] = frozenset(),
                 start: int = 0, stop: int | None = None) -> None:
        super().__init__()
        self.spec = spec
        self.rows = rows
        self.emphasis = emphasis  # row indexes drawn as totals
        self.start = start
        self.stop = len(rows) if stop is None else stop

    def _height(self, n: int) -> float:
        return self.spec.top_height() + n * self.spec.style.row_height

    def wrap(self, avail_width: float, avail_height: float) -> tuple[float, float]:
        self.width, self.height = self.spec.width, self._height(self.stop - self.start)
        return self.width, self.height

    def split(self, avail_width: float, avail_height: float) -> list[Flowable]:
        remaining = self.stop - self.start
        fit = int((avail_height - self.spec.top_height()) // self.spec.style.row_height)
        if fit >= remaining:
            return [self]
        if fit < min(self.spec.style.min_rows, remaining):
            return []
        cut = self.start + fit
        return [Grid(self.spec, self.rows, self.emphasis, self.start, cut),
                Grid(self.spec, self.rows, self.emphasis, cut, self.stop)]

    # --- drawing ---------------------------------------------------------------
    #
    # The chunk is written as raw PDF operators inside q … Q: ReportLab's canvas
    # calls format every coordinate through a pure-Python number formatter,
    # which at 20 000 rows costs more than everything else together.

    def draw(self) -> None:
        canv: Canvas = self.canv
        spec, st = self.spec, self.spec.style
        n = self.stop - self.start
        width, rh = spec.width, st.row_height
        body_top = n * rh
        header_top = body_top + spec.header_height
        # ReportLab's per-document font state: the same one its own text objects use.
        doc = canv._doc
        if spec._doc is not doc:
            spec._cache.clear()
            spec._subset_names.clear()
            spec._ascii = None
            spec._doc = doc
        self._font = pdfmetrics.getFont(st.font)

        ops: list[str] = ["q", _rgb(st.header_fill), f"0 {body_top:.2f} {width:.2f} {spec.header_height:.2f} re f"]
        fills: dict[str, list[str]] = {}  # colour operator -> its rectangles, to paint each colour once
        for i in range(n):
            r = self.start + i
            fill = st.emphasis_fill if r in self.emphasis else (st.zebra_fill if r % 2 else None)
            if fill is not None:
                fills.setdefault(_rgb(fill), []).append(f"0 {body_top - (i + 1) * rh:.2f} {width:.2f} {rh:.2f} re")
        for colour, rects in fills.items():
            ops += [colour, *rects, "f"]

        ops += [_rgb(st.line, stroke=True), "0.35 w"]
        ops += [f"0 {body_top - i * rh:.2f} m {width:.2f} {body_top - i * rh:.2f} l" for i in range(1, n)]
        ops += [f"{x:.2f} 0 m {x:.2f} {body_top:.2f} l" for x in spec.x[1:-1]]
        for x0, y0, x1, y1 in self._header_cell_boxes():
            ops.append(f"{x0:.2f} {y0:.2f} m {x1:.2f} {y0:.2f} l {x1:.2f} {y1:.2f} l")
        ops += ["S", _rgb(st.frame, stroke=True), "0.9 w", f"0 0 {width:.2f} {header_top:.2f} re S",
                f"0 {body_top:.2f} m {width:.2f} {body_top:.2f} l S", "0.8 w"]
        for r in sorted(self.emphasis):
            if self.start <= r < self.stop:
                y = body_top - (r - self.start) * rh
                ops.append(f"0 {y:.2f} m {width:.2f} {y:.2f} l S")

        ops.append("BT")
        state: list[Any] = [None, None]  # current (subset, size), colour
        if spec.caption:
            caption = spec.caption + (spec.continued if self.start else "")
            self._text(ops, state, caption, 0.0, header_top + 5.5, st.caption_size, width, "left", st.text)
        row_tops = self._header_row_tops()
        for i, cell in enumerate(spec.header):
            x0, x1 = spec.x[cell.col], spec.x[cell.col + cell.colspan]
            y_top, y_bottom = row_tops[cell.row], row_tops[cell.row + cell.rowspan]
            text_lines = spec.header_lines[i]
            block = len(text_lines) * st.header_line_height
            first = ((y_top + y_bottom) / 2 + block / 2 - st.header_line_height
                     + _baseline(st.header_line_height, st.header_size))
            for k, text in enumerate(text_lines):
                self._text(ops, state, text, x0 + st.pad, first - k * st.header_line_height, st.header_size,
                           x1 - x0 - 2 * st.pad, "center", st.text)
        self._body(ops, state, body_top)
        ops += ["ET", "Q"]
        canv.addLiteral("\n".join(ops))

    def _body(self, ops: list[str], state: list[Any], body_top: float) -> None:
        """The body cells: the hot loop, so the common case (text fits) is inlined."""
        spec, st = self.spec, self.spec.style
        size, rh, pad = st.size, st.row_height, st.pad
        lefts = [x + pad for x in spec.x[:-1]]
        rooms = [col.width - 2 * pad for col in spec.columns]
        aligns = [col.align for col in spec.columns]
        colours = [col.color or st.text for col in spec.columns]
        cache, names = spec._cache, spec._subset_names
        base = _baseline(rh, size)
        append = ops.append
        for i in range(self.stop - self.start):
            row = self.rows[self.start + i]
            y = f"{body_top - (i + 1) * rh + base:.2f}"
            for c, text in enumerate(row):
                if not text:
                    continue
                enc = cache.get(text) or self._encode(text)
                width = enc.width * size
                if width > rooms[c]:
                    self._text(ops, state, text, lefts[c], float(y), size, rooms[c], aligns[c], colours[c])
                    continue
                x = lefts[c]
                if aligns[c] == "right":
                    x += rooms[c] - width
                elif aligns[c] == "center":
                    x += (rooms[c] - width) / 2
                if state[1] is not colours[c]:
                    append(_rgb(colours[c]))
                    state[1] = colours[c]
                append(f"1 0 0 1 {x:.2f} {y} Tm")
                for subset, literal in enc.pieces:
                    if state[0] != (subset, size):
                        name = names.get(subset) or self._subset_name(subset)
                        append(f"{name} {size:g} Tf")
                        state[0] = (subset, size)
                    append(literal)

    def _header_row_tops(self) -> list[float]:
        y = (self.stop - self.start) * self.spec.style.row_height + self.spec.header_height
        tops = [y]
        for h in self.spec.header_heights:
            y -= h
            tops.append(y)
        return tops

    def _header_cell_boxes(self) -> list[tuple[float, float, float, float]]:
        """(x0, y_bottom, x1, y_top) of each header cell, for its bottom and right rules."""
        spec, tops = self.spec, self._header_row_tops()
        return [(spec.x[c.col], tops[c.row + c.rowspan], spec.x[c.col + c.colspan], tops[c.row])
                for c in spec.header]

    def _subset_name(self, subset: int) -> str:
        name: str = self._font.getSubsetInternalName(subset, self.canv._doc)
        self.spec._subset_names[subset] = name
        return name

    def _encode(self, text: str) -> _Encoded:
        spec = self.spec
        hit = spec._cache.get(text)
        if hit is None:
            canv = self.canv
            if text.isascii() and text.isprintable() and self._ascii_identity():
                # Staff ids and numbers: ReportLab keeps printable ASCII at its own codes in
                # subset 0 ("ASCII readable"), so there is nothing to look up.
                pieces: tuple[tuple[int, str], ...] = ((0, f"({canv._escape(text)}) Tj"),)
            else:
                pieces = tuple((subset, f"({canv._escape(chunk)}) Tj")
                               for subset, chunk in self._font.splitString(text, canv._doc))
            hit = _Encoded(pieces, pdfmetrics.stringWidth(text, spec.style.font, 1.0))
            spec._cache[text] = hit
        return hit

    def _ascii_identity(self) -> bool:
        spec = self.spec
        if spec._ascii is None:
            self._font.splitString(" ", self.canv._doc)  # makes the document's font state
            assigned = self._font.state[self.canv._doc].assignments
            spec._ascii = all(assigned.get(code) == code for code in range(32, 127))
        return spec._ascii

    def _text(self, ops: list[str], state: list[Any], text: str, x: float, y: float, size: float, room: float,
              align: str, color: Color) -> None:
        st = self.spec.style
        enc = self._encode(text)
        width = enc.width * size
        if width > room:
            # Shrink a long name to fit; below the smallest size, cut it and show "…".
            size = max(st.min_size, size * room / width)
            width = enc.width * size
            while width > room and len(text) > 1:
                text = text[:-2] + ELLIPSIS if len(text) > 2 else text[:1]
                enc = self._encode(text)
                width = enc.width * size
        if align == "right":
            x += room - width
        elif align == "center":
            x += (room - width) / 2
        if state[1] is not color:
            ops.append(_rgb(color))
            state[1] = color
        ops.append(f"1 0 0 1 {x:.2f} {y:.2f} Tm")
        for subset, literal in enc.pieces:
            if state[0] != (subset, size):
                name = self.spec._subset_names.get(subset) or self._subset_name(subset)
                ops.append(f"{name} {size:g} Tf")
                state[0] = (subset, size)
            ops.append(literal)


def _baseline(height: float, size: float) -> float:
    """Where to put the baseline so a CJK line sits in the middle of ``height``."""
    # WenQuanYi Micro Hei's glyphs run from about -0.12 em to 0.88 em.
    return (height - size) / 2 + 0.14 * size


__all__ = ["Grid", "GridColumn", "GridSpec", "GridStyle", "HeaderCell", "wrap"]
