"""gui → services → models: nothing in models/ or services/ imports Qt (or the GUI)."""

from __future__ import annotations

import ast
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
FORBIDDEN = ("PySide6", "shiboken6", "gui")


def _runtime_nodes(tree: ast.AST):  # type: ignore[no-untyped-def]
    """Every node except those under ``if TYPE_CHECKING:`` (annotations only, never executed)."""
    stack = [tree]
    while stack:
        node = stack.pop()
        yield node
        for child in ast.iter_child_nodes(node):
            if isinstance(child, ast.If) and isinstance(child.test, ast.Name) and child.test.id == "TYPE_CHECKING":
                stack.extend(child.orelse)
                continue
            stack.append(child)


def _imports(path: Path) -> set[str]:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    names: set[str] = set()
    for node in _runtime_nodes(tree):
        if isinstance(node, ast.Import):
            names.update(a.name.split(".")[0] for a in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            names.add(node.module.split(".")[0])
    return names


def test_core_never_imports_qt_or_gui():
    offenders = []
    for package in ("models", "services"):
        for path in (ROOT / package).rglob("*.py"):
            bad = _imports(path) & set(FORBIDDEN)
            if bad:
                offenders.append(f"{path.relative_to(ROOT)}: {sorted(bad)}")
    assert offenders == []


def test_models_do_no_io_and_know_no_services():
    for path in (ROOT / "models").rglob("*.py"):
        assert not _imports(path) & {"services", "gui", "sqlite3", "psycopg", "os", "pathlib"}, path


def test_gui_never_builds_queries():
    offenders = []
    for path in (ROOT / "gui").rglob("*.py"):
        imported = _imports(path)
        if "sqlalchemy" in imported or ("models" in imported and _uses_session(path)):
            offenders.append(str(path.relative_to(ROOT)))
    assert offenders == []


def _uses_session(path: Path) -> bool:
    return "Session" in path.read_text(encoding="utf-8")
