"""Builds the interface translations: lupdate over gui/, Chinese from the TSV files, lrelease to .qm.

Run ``python -m gui.translations`` after adding or changing a ``self.tr()`` string.

1. ``pyside6-lupdate`` reads every ``gui/**/*.py`` afresh (no locations, no
   obsolete entries, so the committed files change only when strings change).
2. ``resources/i18n/lobbydesk_zh_CN.ts`` gets its translations from every
   ``resources/i18n/zh_CN/*.tsv``: one message a line,
   ``context<TAB>source<TAB>translation`` with an optional fourth column for a
   ``tr(text, disambiguation)``; ``#`` starts a comment line; ``\\n``, ``\\t`` and
   ``\\\\`` are escapes. The context is the class whose ``self.tr()`` is used (or
   the first argument of ``QCoreApplication.translate``).
3. ``resources/i18n/lobbydesk_en.ts`` translates every string to itself (the
   sources are English).
4. ``pyside6-lrelease`` writes the ``.qm`` files next to them.

Exit status 1 when a string has no Chinese translation (they are listed, and
stay "unfinished" in the .ts so the test fails too).
"""

from __future__ import annotations

import argparse
import shutil
import subprocess
import sys
import tempfile
import xml.etree.ElementTree as ET
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
GUI_DIR = ROOT / "gui"
I18N_DIR = ROOT / "resources" / "i18n"
TSV_DIR = I18N_DIR / "zh_CN"
LANGS = ("zh_CN", "en")

Key = tuple[str, str, str]  # context, source, disambiguation ("" when none)


@dataclass(frozen=True)
class Entry:
    key: Key
    translations: tuple[str, ...]
    finished: bool


def _tool(name: str) -> str:
    """A PySide6 tool from this interpreter's environment, else from PATH."""
    here = Path(sys.executable).parent
    for candidate in (here / name, here / f"{name}.exe"):
        if candidate.exists():
            return str(candidate)
    found = shutil.which(name)
    if found is None:
        raise SystemExit(f"{name} not found: install PySide6 into this environment")
    return found


def gui_sources() -> list[Path]:
    return sorted(p for p in GUI_DIR.rglob("*.py") if "__pycache__" not in p.parts)


def run_lupdate(out_ts: Path, lang: str) -> None:
    """A fresh .ts for ``lang`` holding every translatable string of ``gui/``."""
    files = [str(p) for p in gui_sources()]
    out_ts.unlink(missing_ok=True)
    subprocess.run(
        [_tool("pyside6-lupdate"), *files, "-locations", "none", "-no-obsolete", "-source-language", "en",
         "-target-language", lang, "-ts", str(out_ts)],
        check=True, capture_output=True, text=True,
    )


def run_lrelease(ts: Path, qm: Path) -> None:
    subprocess.run([_tool("pyside6-lrelease"), str(ts), "-qm", str(qm)], check=True, capture_output=True, text=True)


def _unescape(text: str) -> str:
    out: list[str] = []
    chars = iter(text)
    for ch in chars:
        if ch == "\\":
            nxt = next(chars, "")
            out.append({"n": "\n", "t": "\t", "\\": "\\"}.get(nxt, "\\" + nxt))
        else:
            out.append(ch)
    return "".join(out)


def load_tsv(paths: Iterable[Path] | None = None) -> tuple[dict[Key, str], list[str]]:
    """Every TSV's translations, and the problems found (bad lines, one key translated twice)."""
    table: dict[Key, str] = {}
    where: dict[Key, str] = {}
    problems: list[str] = []
    for path in sorted(paths if paths is not None else TSV_DIR.glob("*.tsv")):
        for n, line in enumerate(path.read_text(encoding="utf-8-sig").splitlines(), start=1):
            if not line.strip() or line.startswith("#"):
                continue
            cols = line.split("\t")
            if len(cols) not in (3, 4) or not cols[0] or not cols[1]:
                problems.append(f"{path.name}:{n}: expected context<TAB>source<TAB>translation")
                continue
            key: Key = (cols[0], _unescape(cols[1]), _unescape(cols[3]) if len(cols) == 4 else "")
            here = f"{path.name}:{n}"
            if key in table and table[key] != _unescape(cols[2]):
                problems.append(f"{here}: {key[0]} “{key[1]}” is also translated at {where[key]}")
                continue
            table[key] = _unescape(cols[2])
            where[key] = here
    return table, problems


def _key(context: ET.Element, message: ET.Element) -> Key:
    return (context.findtext("name") or "", message.findtext("source") or "", message.findtext("comment") or "")


def read_ts(path: Path) -> dict[Key, Entry]:
    """The messages of a .ts file with their translations and whether they are finished."""
    entries: dict[Key, Entry] = {}
    root = ET.parse(path).getroot()
    for context in root.iter("context"):
        for message in context.iter("message"):
            key = _key(context, message)
            tr_el = message.find("translation")
            if tr_el is None:
                entries[key] = Entry(key, (), False)
                continue
            forms = [f.text or "" for f in tr_el.findall("numerusform")] if message.get("numerus") == "yes" \
                else [tr_el.text or ""]
            finished = tr_el.get("type") not in ("unfinished", "vanished", "obsolete")
            entries[key] = Entry(key, tuple(forms), finished and all(forms))
    return entries


def _fill(ts: Path, lang: str, table: dict[Key, str]) -> tuple[list[Key], set[Key]]:
    """Write translations into ``ts``; returns the keys left untranslated and those used."""
    tree = ET.parse(ts)
    root = tree.getroot()
    missing: list[Key] = []
    used: set[Key] = set()
    for context in root.iter("context"):
        for message in context.iter("message"):
            key = _key(context, message)
            text = key[1] if lang == "en" else table.get(key)
            if text is None and key[2]:
                text = table.get((key[0], key[1], ""))  # one translation may serve every disambiguation
                if text is not None:
                    used.add((key[0], key[1], ""))
            tr_el = message.find("translation")
            if tr_el is None:
                tr_el = ET.SubElement(message, "translation")
            if text is None or text == "":
                missing.append(key)
                tr_el.set("type", "unfinished")
                continue
            used.add(key)
            tr_el.attrib.pop("type", None)
            if message.get("numerus") == "yes":
                forms = tr_el.findall("numerusform") or [ET.SubElement(tr_el, "numerusform")]
                for form in forms:
                    form.text = text
            else:
                tr_el.text = text
    ET.indent(tree, space="    ")
    body = ET.tostring(root, encoding="unicode")
    ts.write_text('<?xml version="1.0" encoding="utf-8"?>\n<!DOCTYPE TS>\n' + body + "\n", encoding="utf-8")
    return missing, used


def build(out_dir: Path = I18N_DIR) -> int:
    table, problems = load_tsv()
    out_dir.mkdir(parents=True, exist_ok=True)
    missing: list[Key] = []
    used: set[Key] = set()
    with tempfile.TemporaryDirectory() as tmp:
        for lang in LANGS:
            fresh = Path(tmp) / f"lobbydesk_{lang}.ts"
            run_lupdate(fresh, lang)
            lang_missing, lang_used = _fill(fresh, lang, table)
            if lang == "zh_CN":
                missing, used = lang_missing, lang_used
            target = out_dir / f"lobbydesk_{lang}.ts"
            shutil.copyfile(fresh, target)
            run_lrelease(target, target.with_suffix(".qm"))
    total = len(read_ts(out_dir / "lobbydesk_zh_CN.ts"))
    unused = sorted(set(table) - used)
    for line in problems:
        print(f"warning: {line}", file=sys.stderr)
    for ctx, src, comment in unused:
        print(f"warning: unused translation: {ctx}\t{src}" + (f"\t({comment})" if comment else ""), file=sys.stderr)
    for ctx, src, comment in missing:
        print(f"missing: {ctx}\t{src}" + (f"\t({comment})" if comment else ""), file=sys.stderr)
    print(f"{total} strings; {total - len(missing)} translated to zh_CN, {len(missing)} missing; "
          f"{len(unused)} unused TSV lines; written to {out_dir}")
    return 1 if missing else 0


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m gui.translations", description=__doc__.splitlines()[0])
    parser.add_argument("--out", type=Path, default=I18N_DIR, help="where the .ts/.qm go (default resources/i18n)")
    args = parser.parse_args(argv)
    return build(args.out)


if __name__ == "__main__":
    sys.exit(main())
