"""Exports the statistics sheets as PDF or .xlsx: permission-checked, written atomically, audited."""

from __future__ import annotations

import datetime as dt
import logging
import os
import tempfile
from collections.abc import Callable
from pathlib import Path
from typing import IO

from services import audit
from services.db import Database
from services.errors import FieldProblem, ValidationError
from services.permissions import Action, Actor, require
from services.stats import Kind, Sheet, build_sheet

log = logging.getLogger("lobbydesk.reports")

Renderer = Callable[[Sheet, IO[bytes]], None]


def _renderer(suffix: str) -> Renderer:
    if suffix == ".pdf":
        from services.reports.pdf import render_pdf

        return render_pdf
    from services.reports.xlsx import render_xlsx

    return render_xlsx


def write_atomically(out: Path, write: Callable[[IO[bytes]], None]) -> None:
    """Write through a temporary file beside ``out`` and rename it: a failure leaves no half file."""
    fd, tmp_name = tempfile.mkstemp(dir=out.parent, prefix=f".{out.name}.", suffix=".part")
    tmp = Path(tmp_name)
    try:
        with os.fdopen(fd, "wb") as fh:
            write(fh)
            fh.flush()
            os.fsync(fh.fileno())
        os.replace(tmp, out)
    except BaseException:
        tmp.unlink(missing_ok=True)
        raise


def export_report(db: Database, actor: Actor, kind: str, day: dt.date, out: Path,
                  all_branches: bool = False) -> Path:
    """Build the ``kind`` sheet ('daily' | 'weekly' | 'monthly') holding ``day`` and write it to ``out``.

    The format follows the suffix (.pdf or .xlsx). A monthly sheet takes the
    month of ``day`` (the command line passes its first day).
    """
    from services.reports import labels as L

    # Every branch's sheet is the head office's, which has no branch sheet of its own (docs/head-office.md).
    require(actor, Action.REPORT_ALL_BRANCHES if all_branches else Action.REPORT_EXPORT)
    out = Path(out).expanduser().absolute()
    suffix = out.suffix.lower()
    if suffix not in (".pdf", ".xlsx"):
        raise ValidationError([FieldProblem("out", L.t("err.out_suffix"))])
    if not out.parent.is_dir():
        raise ValidationError([FieldProblem("out", L.t("err.out_dir", dir=out.parent))])
    sheet = build_sheet(db, actor, kind, day, all_branches=all_branches)
    render = _renderer(suffix)
    write_atomically(out, lambda fh: render(sheet, fh))
    with db.write() as s:
        audit.record(
            s, db, actor, "export", "report", None,
            f"kind={sheet.kind.value} period={sheet.period_start.isoformat()}..{sheet.period_end.isoformat()} "
            f"format={suffix[1:]} scope={'all' if all_branches else 'branch'} "
            f"rows={len(sheet.referrers)}+{len(sheet.rms)}",
        )
    log.info("exported %s sheet %s (%s)", sheet.kind.value, sheet.period_start, suffix[1:])
    return out


__all__ = ["Kind", "export_report", "write_atomically"]
