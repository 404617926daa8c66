#!/usr/bin/env python3
"""Set up and run Lobby Referral Desk from a checkout: one command each for the app and the tests.

    python3 dev.py run  [main.py arguments]   start the application (embedded SQLite by default)
    python3 dev.py test [pytest arguments]    run the whole test suite (with LOBBYDESK_TEST_PG_URL set
                                              and no tests chosen: the PostgreSQL and SQLite halves
                                              side by side)
    python3 dev.py bench [bench.py arguments] run the benchmark
    python3 dev.py setup                      only create/refresh the virtual environment

The virtual environment lives in .venv and is (re)installed whenever setup.cfg
or pyproject.toml change; it needs nothing but Python 3.11+ and the network
to PyPI.
"""

from __future__ import annotations

import hashlib
import os
import shutil
import subprocess
import sys
import tempfile
import venv
from pathlib import Path

ROOT = Path(__file__).resolve().parent
VENV = ROOT / ".venv"
STAMP = VENV / ".lobbydesk-installed"


def _python() -> Path:
    return VENV / ("Scripts/python.exe" if os.name == "nt" else "bin/python")


def _fingerprint() -> str:
    h = hashlib.sha256()
    for name in ("setup.cfg", "pyproject.toml"):
        h.update((ROOT / name).read_bytes())
    return h.hexdigest()


def setup() -> Path:
    if sys.version_info < (3, 11):  # noqa: UP036 - dev.py runs on whatever python3 the machine has
        sys.exit("Python 3.11 or newer is needed (python3 --version).")
    if not _python().exists():
        print("creating the virtual environment in .venv …", flush=True)
        venv.EnvBuilder(with_pip=True).create(VENV)
    if not STAMP.exists() or STAMP.read_text() != _fingerprint():
        print("installing Lobby Referral Desk and its test tools …", flush=True)
        subprocess.run([str(_python()), "-m", "pip", "install", "-q", "--upgrade", "pip"], check=True)
        subprocess.run([str(_python()), "-m", "pip", "install", "-q", "-e", f"{ROOT}[test]"], check=True)
        STAMP.write_text(_fingerprint())
    return _python()


def _selects(args: list[str]) -> bool:
    """Whether the pytest arguments choose tests themselves (paths, node ids, -k, -m)."""
    for arg in args:
        if arg in ("-k", "-m") or (arg.startswith(("-k", "-m")) and not arg.startswith("--")):
            return True
        if not arg.startswith("-") and ("::" in arg or (ROOT / arg).exists()):
            return True
    return False


def _junit(args: list[str]) -> tuple[list[str], str | None]:
    """The arguments without ``--junitxml``, and its path."""
    out, path, skip = [], None, False
    for n, arg in enumerate(args):
        if skip:
            skip = False
        elif arg.startswith("--junitxml="):
            path = arg.split("=", 1)[1]
        elif arg == "--junitxml" and n + 1 < len(args):
            path, skip = args[n + 1], True
        else:
            out.append(arg)
    return out, path


def _merge_junit(parts: list[str], path: str) -> None:
    import xml.etree.ElementTree as ET

    root = ET.Element("testsuites")
    for part in parts:
        if os.path.exists(part):
            tree = ET.parse(part).getroot()
            suites = [tree] if tree.tag == "testsuite" else list(tree)
            root.extend(suites)
            os.remove(part)
    ET.ElementTree(root).write(path, encoding="utf-8", xml_declaration=True)


def test(python: Path, rest: list[str], env: dict[str, str]) -> int:
    """The whole suite. With a PostgreSQL test server, in two steps: the benchmarks' own tests
    alone (they time things), then the PostgreSQL half and the SQLite half side by side, one
    process each (they share nothing: the SQLite tests use files of their own), so the two
    cores both work; each half's output is printed when it ends."""
    pytest = [str(python), "-m", "pytest"]
    if not env.get("LOBBYDESK_TEST_PG_URL") or _selects(rest):
        return subprocess.call([*pytest, *rest], cwd=ROOT, env=env)
    args, junit = _junit(rest)
    parts: list[str] = []

    def junit_for(name: str) -> list[str]:
        if junit is None:
            return []
        parts.append(f"{junit}.{name}.xml")
        return [f"--junitxml={parts[-1]}"]

    print("== tests/bench (alone: they measure)", flush=True)
    codes = [subprocess.call([*pytest, *args, *junit_for("bench"), "tests/bench"], cwd=ROOT, env=env)]
    halves = (("PostgreSQL half", "postgresql"), ("SQLite half", "not postgresql"))
    logs, running = [], []
    scratch = tempfile.mkdtemp(prefix="lobbydesk-tests-")  # each half its own pytest temp root
    for name, marker in halves:
        log = open(ROOT / f".test-{marker.replace(' ', '-')}.log", "w+", encoding="utf-8")  # noqa: SIM115
        logs.append((name, log))
        running.append(subprocess.Popen(
            [*pytest, *args, *junit_for(marker.replace(" ", "-")), "-m", marker, "tests", "--ignore=tests/bench",
             f"--basetemp={os.path.join(scratch, marker.replace(' ', '-'))}"],
            cwd=ROOT, env=env, stdout=log, stderr=subprocess.STDOUT))
    for proc, (name, log) in zip(running, logs, strict=True):
        codes.append(proc.wait())
        log.seek(0)
        print(f"== {name}", flush=True)
        sys.stdout.write(log.read())
        log.close()
        os.remove(log.name)
    shutil.rmtree(scratch, ignore_errors=True)
    if junit is not None:
        _merge_junit(parts, junit)
    return next((c for c in codes if c != 0), 0)


def main(argv: list[str]) -> int:
    command, rest = (argv[0], argv[1:]) if argv else ("run", [])
    if command not in {"run", "test", "bench", "setup"}:
        print(__doc__)
        return 2
    python = setup()
    if command == "setup":
        return 0
    env = dict(os.environ)
    if command == "test":
        env.setdefault("QT_QPA_PLATFORM", "offscreen")
        return test(python, rest, env)
    if command == "bench":
        return subprocess.call([str(python), str(ROOT / "bench" / "bench.py"), *rest], cwd=ROOT, env=env)
    return subprocess.call([str(python), str(ROOT / "main.py"), *rest], cwd=ROOT, env=env)


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
